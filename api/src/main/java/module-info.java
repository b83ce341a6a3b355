/**
 * Typed rtnetlink: links, addresses, routes, nexthops, rules, neighbours, events, and the
 * extension points (link kinds, route encaps) that other modules plug into.
 */
module io.github.netlink4j.rtnl {
    requires transitive io.github.netlink4j.core;
    requires org.slf4j;

    exports io.github.netlink4j.rtnl;

    uses io.github.netlink4j.rtnl.LinkKindCodec;
    uses io.github.netlink4j.rtnl.RouteEncapCodec;

    // The link kinds built into this module (veth, dummy, macvlan, bridge).
    provides io.github.netlink4j.rtnl.LinkKindCodec with
            io.github.netlink4j.rtnl.internal.BuiltinKindCodecs.VethCodec,
            io.github.netlink4j.rtnl.internal.BuiltinKindCodecs.DummyCodec,
            io.github.netlink4j.rtnl.internal.BuiltinKindCodecs.MacvlanCodec,
            io.github.netlink4j.rtnl.internal.BuiltinKindCodecs.BridgeCodec;
}
