package io.github.netlink4j.tunnel;

import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.MessageWriter;
import io.github.netlink4j.core.wire.RawAttribute;
import io.github.netlink4j.rtnl.Inet;
import io.github.netlink4j.rtnl.LinkKind;
import io.github.netlink4j.tunnel.internal.IflaGre;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import static io.github.netlink4j.tunnel.internal.IflaGre.*;

/**
 * A Geneve device ({@code ip link add gn0 type geneve id 5 remote 10.0.0.9 ...}, IFLA_GENEVE_* of
 * include/uapi/linux/if_link.h), in iproute2's order and with its defaults:
 * <pre>
 * IFLA_GENEVE_ID u32 (0 for external), IFLA_GENEVE_REMOTE[6], IFLA_GENEVE_LABEL be32,
 * IFLA_GENEVE_TTL u8, IFLA_GENEVE_TOS u8, IFLA_GENEVE_PORT be16, IFLA_GENEVE_COLLECT_METADATA (flag)
 * </pre>
 *
 * @param id       the VNI, 0..2^24-1
 * @param external IFLA_GENEVE_COLLECT_METADATA
 * @param remote   IFLA_GENEVE_REMOTE / REMOTE6
 * @param ttl      IFLA_GENEVE_TTL
 * @param tos      IFLA_GENEVE_TOS
 * @param dstport  IFLA_GENEVE_PORT
 * @param unknown  other IFLA_GENEVE_* the kernel reported, kept raw
 */
public record Geneve(int id, boolean external, Optional<InetAddress> remote, int ttl, int tos, OptionalInt dstport,
                     List<RawAttribute> unknown) implements LinkKind {
    public Geneve {
        Objects.requireNonNull(remote, "remote");
        if (id < 0 || id > 0xffffff) {
            throw new IllegalArgumentException("geneve id must be in 0..16777215, was " + id);
        }
        if (ttl < 0 || ttl > 255 || tos < 0 || tos > 255) {
            throw new IllegalArgumentException("ttl and tos must be in 0..255, were " + ttl + " and " + tos);
        }
        unknown = List.copyOf(unknown);
    }

    /** {@code type geneve id ID remote ADDRESS}. */
    public static Geneve of(int id, String remote) {
        return new Geneve(id, false, Optional.of(Inet.parse(remote)), 0, 0, OptionalInt.empty(), List.of());
    }

    /** {@code type geneve external}. */
    public static Geneve metadataMode() {
        return new Geneve(0, true, Optional.empty(), 0, 0, OptionalInt.empty(), List.of());
    }

    public Geneve withTtl(int t) {
        return new Geneve(id, external, remote, t, tos, dstport, unknown);
    }

    public Geneve withDstport(int p) {
        if (p < 0 || p > 65535) {
            throw new IllegalArgumentException("dstport must be in 0..65535, was " + p);
        }
        return new Geneve(id, external, remote, ttl, tos, OptionalInt.of(p), unknown);
    }

    @Override
    public String kind() {
        return "geneve";
    }

    @Override
    public void encodeData(MessageWriter w) {
        w.put(IFLA_GENEVE_ID, id);
        remote.ifPresent(a -> w.put(a instanceof Inet4Address ? IFLA_GENEVE_REMOTE : IFLA_GENEVE_REMOTE6, a));
        w.put(IFLA_GENEVE_LABEL, 0);
        w.put(IFLA_GENEVE_TTL, ttl);
        w.put(IFLA_GENEVE_TOS, tos);
        dstport.ifPresent(p -> w.put(IFLA_GENEVE_PORT, p));
        if (external) {
            w.putFlag(IFLA_GENEVE_COLLECT_METADATA);
        }
        unknown.forEach(a -> a.writeTo(w));
    }

    @Override
    public AttrSchema dataSchema() {
        return IflaGre.IFLA_GENEVE;
    }

    @Override
    public String toIpArgs() {
        StringBuilder sb = new StringBuilder("type geneve");
        if (external) {
            sb.append(" external");
        } else {
            sb.append(" id ").append(id);
        }
        remote.ifPresent(a -> sb.append(" remote ").append(Inet.format(a)));
        dstport.ifPresent(p -> sb.append(" dstport ").append(p));
        if (ttl != 0) {
            sb.append(" ttl ").append(ttl);
        }
        if (tos != 0) {
            sb.append(" tos 0x").append(Integer.toHexString(tos));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return toIpArgs();
    }
}
