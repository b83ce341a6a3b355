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
}
