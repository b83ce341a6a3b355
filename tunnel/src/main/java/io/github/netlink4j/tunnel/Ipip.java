package io.github.netlink4j.tunnel;

import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.MessageWriter;
import io.github.netlink4j.core.wire.RawAttribute;
import io.github.netlink4j.rtnl.Inet;
import io.github.netlink4j.rtnl.LinkKind;
import io.github.netlink4j.tunnel.internal.IflaGre;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static io.github.netlink4j.tunnel.internal.IflaGre.*;

/**
 * An IP-in-IP device ({@code ip link add ip0 type ipip local A remote B}, IFLA_IPTUN_* of
 * include/uapi/linux/if_tunnel.h), in iproute2's order and with its defaults:
 * <pre>
 * IFLA_IPTUN_PROTO u8 | then, unless external: IFLA_IPTUN_LOCAL, IFLA_IPTUN_REMOTE, IFLA_IPTUN_PMTUDISC u8,
 * IFLA_IPTUN_TOS u8, IFLA_IPTUN_TTL u8, IFLA_IPTUN_LINK u32, IFLA_IPTUN_FWMARK u32,
 * IFLA_IPTUN_ENCAP_TYPE/FLAGS u16, IFLA_IPTUN_ENCAP_SPORT/DPORT be16 | IFLA_IPTUN_COLLECT_METADATA (flag)
 * </pre>
 *
 * @param external IFLA_IPTUN_COLLECT_METADATA
 * @param local    IFLA_IPTUN_LOCAL
 * @param remote   IFLA_IPTUN_REMOTE
 * @param ttl      IFLA_IPTUN_TTL
 * @param tos      IFLA_IPTUN_TOS
 * @param pmtudisc IFLA_IPTUN_PMTUDISC
 * @param underlay IFLA_IPTUN_LINK (0: none)
 * @param unknown  other IFLA_IPTUN_* the kernel reported, kept raw
 */
public record Ipip(boolean external, Optional<InetAddress> local, Optional<InetAddress> remote, int ttl, int tos,
                   boolean pmtudisc, int underlay, List<RawAttribute> unknown) implements LinkKind {
    public Ipip {
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(remote, "remote");
        if (ttl < 0 || ttl > 255 || tos < 0 || tos > 255) {
            throw new IllegalArgumentException("ttl and tos must be in 0..255, were " + ttl + " and " + tos);
        }
        unknown = List.copyOf(unknown);
    }

    /** {@code type ipip local A remote B}. */
    public static Ipip of(String local, String remote) {
        return new Ipip(false, Optional.of(Inet.parse(local)), Optional.of(Inet.parse(remote)), 0, 0, true, 0, List.of());
    }

    /** {@code type ipip external}. */
    public static Ipip metadataMode() {
        return new Ipip(true, Optional.empty(), Optional.empty(), 0, 0, true, 0, List.of());
    }

    public Ipip withTtl(int t) {
        return new Ipip(external, local, remote, t, tos, pmtudisc, underlay, unknown);
    }

    @Override
    public String kind() {
        return "ipip";
    }

    @Override
    public void encodeData(MessageWriter w) {
        w.put(IFLA_IPTUN_PROTO, 0);
        if (external) {
            w.putFlag(IFLA_IPTUN_COLLECT_METADATA);
        } else {
            local.ifPresent(a -> w.put(IFLA_IPTUN_LOCAL, a));
            remote.ifPresent(a -> w.put(IFLA_IPTUN_REMOTE, a));
            w.put(IFLA_IPTUN_PMTUDISC, pmtudisc ? 1 : 0);
            w.put(IFLA_IPTUN_TOS, tos);
            w.put(IFLA_IPTUN_TTL, ttl);
            w.put(IFLA_IPTUN_LINK, underlay);
            w.put(IFLA_IPTUN_FWMARK, 0);
            w.put(IFLA_IPTUN_ENCAP_TYPE, 0);
            w.put(IFLA_IPTUN_ENCAP_FLAGS, 0);
            w.put(IFLA_IPTUN_ENCAP_SPORT, 0);
            w.put(IFLA_IPTUN_ENCAP_DPORT, 0);
        }
        unknown.forEach(a -> a.writeTo(w));
    }

    @Override
    public AttrSchema dataSchema() {
        return IflaGre.IFLA_IPTUN;
    }

    @Override
    public String toIpArgs() {
        StringBuilder sb = new StringBuilder("type ipip");
        if (external) {
            return sb.append(" external").toString();
        }
        local.ifPresent(a -> sb.append(" local ").append(Inet.format(a)));
        remote.ifPresent(a -> sb.append(" remote ").append(Inet.format(a)));
        if (ttl != 0) {
            sb.append(" ttl ").append(ttl);
        }
        if (tos != 0) {
            sb.append(" tos 0x").append(Integer.toHexString(tos));
        }
        if (!pmtudisc) {
            sb.append(" nopmtudisc");
        }
        if (underlay != 0) {
            sb.append(" dev if").append(underlay);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return toIpArgs();
    }
}
