package io.github.netlink4j.tunnel;

import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.MessageWriter;
import io.github.netlink4j.core.wire.RawAttribute;
import io.github.netlink4j.rtnl.Inet;
import io.github.netlink4j.rtnl.LinkKind;
import io.github.netlink4j.tunnel.internal.IflaGre;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import static io.github.netlink4j.tunnel.internal.IflaGre.*;

/**
 * A GRE tunnel over IPv6: {@code ip6gretap} (Ethernet) or {@code ip6gre} (IP). As iproute2 6.1
 * writes it:
 * <pre>
 * IFLA_GRE_IKEY be32, IFLA_GRE_OKEY be32, IFLA_GRE_IFLAGS be16, IFLA_GRE_OFLAGS be16,
 * IFLA_GRE_LOCAL, IFLA_GRE_REMOTE (16 bytes), IFLA_GRE_TTL u8 (hop limit, default 64),
 * IFLA_GRE_ENCAP_LIMIT u8 (default 4), IFLA_GRE_FLOWINFO be32, IFLA_GRE_FLAGS u32, IFLA_GRE_FWMARK u32,
 * IFLA_GRE_ERSPAN_VER u8 1, IFLA_GRE_ENCAP_TYPE u16, IFLA_GRE_ENCAP_FLAGS u16 (TUNNEL_ENCAP_FLAG_CSUM6),
 * IFLA_GRE_ENCAP_SPORT be16, IFLA_GRE_ENCAP_DPORT be16
 * | IFLA_GRE_COLLECT_METADATA (flag) for external
 * </pre>
 *
 * @param kind       {@code ip6gretap} or {@code ip6gre}
 * @param external   IFLA_GRE_COLLECT_METADATA
 * @param key        the same key both ways (GRE_KEY on both), or empty
 * @param local      IFLA_GRE_LOCAL
 * @param remote     IFLA_GRE_REMOTE
 * @param hoplimit   IFLA_GRE_TTL
 * @param encapLimit IFLA_GRE_ENCAP_LIMIT
 * @param unknown    other IFLA_GRE_* the kernel reported, kept raw
 */
public record Ip6Gre(String kind, boolean external, OptionalInt key, Optional<InetAddress> local,
                     Optional<InetAddress> remote, int hoplimit, int encapLimit, List<RawAttribute> unknown)
        implements LinkKind {
    public Ip6Gre {
        if (!kind.equals("ip6gretap") && !kind.equals("ip6gre")) {
            throw new IllegalArgumentException("kind must be ip6gretap or ip6gre, was \"" + kind + "\"");
        }
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(remote, "remote");
        for (Optional<InetAddress> a : List.of(local, remote)) {
            a.ifPresent(x -> {
                if (!(x instanceof Inet6Address)) {
                    throw new IllegalArgumentException(kind + " endpoints must be IPv6, was " + Inet.format(x));
                }
            });
        }
        if (hoplimit < 0 || hoplimit > 255 || encapLimit < 0 || encapLimit > 255) {
            throw new IllegalArgumentException("hoplimit and encaplimit must be in 0..255, were " + hoplimit + " and " + encapLimit);
        }
        unknown = List.copyOf(unknown);
    }

    /** {@code type ip6gretap external}. */
    public static Ip6Gre externalTap() {
        return new Ip6Gre("ip6gretap", true, OptionalInt.empty(), Optional.empty(), Optional.empty(), 64, 4, List.of());
    }

    /** {@code type KIND local A remote B [key K]} with iproute2's defaults (hoplimit 64, encaplimit 4). */
    public static Ip6Gre of(String kind, String local, String remote, OptionalInt key) {
        return new Ip6Gre(kind, false, key, Optional.of(Inet.parse(local)), Optional.of(Inet.parse(remote)), 64, 4, List.of());
    }

    @Override
    public void encodeData(MessageWriter w) {
        if (external) {
            w.putFlag(IFLA_GRE_COLLECT_METADATA);
            unknown.forEach(a -> a.writeTo(w));
            return;
        }
        int flags = key.isPresent() ? GRE_KEY : 0;
        w.put(IFLA_GRE_IKEY, key.orElse(0));
        w.put(IFLA_GRE_OKEY, key.orElse(0));
        w.put(IFLA_GRE_IFLAGS, flags);
        w.put(IFLA_GRE_OFLAGS, flags);
        local.ifPresent(a -> w.put(IFLA_GRE_LOCAL, a));
        remote.ifPresent(a -> w.put(IFLA_GRE_REMOTE, a));
        w.put(IFLA_GRE_TTL, hoplimit);
        w.put(IFLA_GRE_ENCAP_LIMIT, encapLimit);
        w.put(IFLA_GRE_FLOWINFO, 0);
        w.put(IFLA_GRE_FLAGS, 0);
        w.put(IFLA_GRE_FWMARK, 0);
        w.put(IFLA_GRE_ERSPAN_VER, 1);
        w.put(IFLA_GRE_ENCAP_TYPE, 0);
        w.put(IFLA_GRE_ENCAP_FLAGS, 2); // TUNNEL_ENCAP_FLAG_CSUM6, iproute2's default
        w.put(IFLA_GRE_ENCAP_SPORT, 0);
        w.put(IFLA_GRE_ENCAP_DPORT, 0);
        unknown.forEach(a -> a.writeTo(w));
    }

    @Override
    public AttrSchema dataSchema() {
        return IflaGre.IFLA_GRE;
    }

    @Override
    public String toIpArgs() {
        StringBuilder sb = new StringBuilder("type ").append(kind);
        if (external) {
            return sb.append(" external").toString();
        }
        local.ifPresent(a -> sb.append(" local ").append(Inet.format(a)));
        remote.ifPresent(a -> sb.append(" remote ").append(Inet.format(a)));
        key.ifPresent(k -> sb.append(" key ").append(Integer.toUnsignedString(k)));
        if (hoplimit != 64) {
            sb.append(" hoplimit ").append(hoplimit);
        }
        if (encapLimit != 4) {
            sb.append(" encaplimit ").append(encapLimit);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return toIpArgs();
    }
}
