package io.github.netlink4j.rtnl;

import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.MessageWriter;
import io.github.netlink4j.core.wire.RawAttribute;
import io.github.netlink4j.rtnl.internal.KindSchemas;
import io.github.netlink4j.rtnl.internal.RtCodecs;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A macvlan on a lower device ({@code link DEV type macvlan mode bridge}); the lower device is the
 * link's {@link Link#link()}.
 *
 * <pre>
 * IFLA_INFO_DATA
 *   IFLA_MACVLAN_MODE   u32 MACVLAN_MODE_*
 *   IFLA_MACVLAN_FLAGS  u16 MACVLAN_FLAG_NOPROMISC | MACVLAN_FLAG_NODST
 * </pre>
 *
 * @param mode  IFLA_MACVLAN_MODE; absent leaves the kernel's default (vepa)
 * @param flags IFLA_MACVLAN_FLAGS (0..65535)
 * @param other attributes this record does not model (dumps add IFLA_MACVLAN_MACADDR_COUNT,
 *              IFLA_MACVLAN_BC_QUEUE_LEN...), kept as received
 */
public record Macvlan(Optional<MacvlanMode> mode, OptionalInt flags, List<RawAttribute> other) implements LinkKind {
    /** IFLA_INFO_KIND. */
    public static final String KIND = "macvlan";
    /** MACVLAN_FLAG_NOPROMISC: do not put the lower device in promiscuous mode ({@code nopromisc}). */
    public static final int FLAG_NOPROMISC = KindSchemas.MACVLAN_FLAG_NOPROMISC;
    /** MACVLAN_FLAG_NODST: skip the destination macvlan when it matches the source ({@code nodst}). */
    public static final int FLAG_NODST = KindSchemas.MACVLAN_FLAG_NODST;

    public Macvlan {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(flags, "flags");
        other = List.copyOf(other);
        if (flags.isPresent() && (flags.getAsInt() < 0 || flags.getAsInt() > 0xffff)) {
            throw new IllegalArgumentException("macvlan flags must be in 0..65535 (u16), was " + flags.getAsInt());
        }
    }

    /** A macvlan in {@code mode}. */
    public static Macvlan of(MacvlanMode mode) {
        return new Macvlan(Optional.of(mode), OptionalInt.empty(), List.of());
    }

    /** A macvlan in the kernel's default mode. */
    public static Macvlan defaults() {
        return new Macvlan(Optional.empty(), OptionalInt.empty(), List.of());
    }

    /** This macvlan with IFLA_MACVLAN_FLAGS {@code flags}. */
    public Macvlan withFlags(int flags) {
        return new Macvlan(mode, OptionalInt.of(flags), other);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public boolean hasData() {
        return mode.isPresent() || flags.isPresent() || !other.isEmpty();
    }

    @Override
    public void encodeData(MessageWriter w) {
        if (mode.isPresent()) {
            w.putU32Attr(KindSchemas.IFLA_MACVLAN_MODE, mode.get().number());
        }
        if (flags.isPresent()) {
            RtCodecs.putU16(w, KindSchemas.IFLA_MACVLAN_FLAGS, flags.getAsInt());
        }
        RtCodecs.putAll(w, other);
    }

    @Override
    public AttrSchema dataSchema() {
        return KindSchemas.MACVLAN;
    }

    @Override
    public String toIpArgs() {
        StringBuilder sb = new StringBuilder("type macvlan");
        mode.ifPresent(m -> sb.append(" mode ").append(m));
        flags.ifPresent(f -> {
            if ((f & FLAG_NOPROMISC) != 0) {
                sb.append(" nopromisc");
            }
            if ((f & FLAG_NODST) != 0) {
                sb.append(" nodst");
            }
        });
        return sb.toString();
    }
}
