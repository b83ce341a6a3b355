/**
 * Tunnel link kinds (gretap, gre, vxlan, geneve, ipip) and lightweight-tunnel route encaps
 * ({@code encap ip}, {@code encap ip6}).
 */
module io.github.netlink4j.tunnel {
    requires transitive io.github.netlink4j.rtnl;

    exports io.github.netlink4j.tunnel;

    provides io.github.netlink4j.rtnl.LinkKindCodec with
            io.github.netlink4j.tunnel.internal.KindCodecs.Gretap,
            io.github.netlink4j.tunnel.internal.KindCodecs.GreIp,
            io.github.netlink4j.tunnel.internal.KindCodecs.VxlanCodec,
            io.github.netlink4j.tunnel.internal.KindCodecs.GeneveCodec,
            io.github.netlink4j.tunnel.internal.KindCodecs.IpipCodec,
            io.github.netlink4j.tunnel.internal.KindCodecs.Ip6Gretap,
            io.github.netlink4j.tunnel.internal.KindCodecs.Ip6GreIp;
    provides io.github.netlink4j.rtnl.RouteEncapCodec with
            io.github.netlink4j.tunnel.internal.EncapCodecs.Ip,
            io.github.netlink4j.tunnel.internal.EncapCodecs.Ip6;
}
