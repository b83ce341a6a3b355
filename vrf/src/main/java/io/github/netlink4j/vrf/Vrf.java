package io.github.netlink4j.vrf;

import io.github.netlink4j.core.wire.Attr;
import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.Codecs;
import io.github.netlink4j.core.wire.MessageWriter;
import io.github.netlink4j.core.wire.RawAttribute;
import io.github.netlink4j.rtnl.LinkKind;

import java.util.List;

/**
 * The VRF link kind ({@code ip link add vrf-a type vrf table 10}): an L3 master device whose
 * members route through its own table.
 *
 * <pre>
 * IFLA_INFO_DATA
 *   IFLA_VRF_TABLE u32   (include/uapi/linux/if_link.h)
 * </pre>
 *
 * @param table   the routing table id, 1..2^32-1
 * @param unknown other IFLA_VRF_* the kernel reported, kept raw
 */
public record Vrf(int table, List<RawAttribute> unknown) implements LinkKind {
    /** IFLA_VRF_TABLE. */
    public static final Attr<Integer> IFLA_VRF_TABLE = Attr.of(1, "IFLA_VRF_TABLE", Codecs.U32);
    /** The attributes of IFLA_INFO_DATA for kind vrf. */
    public static final AttrSchema IFLA_VRF = AttrSchema.of("vrf", "IFLA_VRF_", IFLA_VRF_TABLE);

    public Vrf {
        if (table == 0) {
            throw new IllegalArgumentException("VRF table must be 1..4294967295, was 0");
        }
        unknown = List.copyOf(unknown);
    }

    /** {@code type vrf table ID}. */
    public static Vrf table(int id) {
        return new Vrf(id, List.of());
    }

    @Override
    public String kind() {
        return "vrf";
    }

    @Override
    public void encodeData(MessageWriter w) {
        w.put(IFLA_VRF_TABLE, table);
        unknown.forEach(a -> a.writeTo(w));
    }

    @Override
    public AttrSchema dataSchema() {
        return IFLA_VRF;
    }

    @Override
    public String toIpArgs() {
        return "type vrf table " + Integer.toUnsignedString(table);
    }

    @Override
    public String toString() {
        return toIpArgs();
    }
}
