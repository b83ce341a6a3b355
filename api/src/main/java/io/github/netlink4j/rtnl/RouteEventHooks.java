package io.github.netlink4j.rtnl;

import io.github.netlink4j.core.wire.MessageReader;
import io.github.netlink4j.rtnl.internal.NexthopCodec;
import io.github.netlink4j.rtnl.internal.RouteCodec;
import io.github.netlink4j.rtnl.internal.RouteSchemas;
import io.github.netlink4j.rtnl.internal.RuleCodec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Route, rule and nexthop notifications for {@link RtEvents}, and their part of a resync. */
final class RouteEventHooks {
    private RouteEventHooks() {
    }

    /**
     * Decodes RTM_NEWROUTE, RTM_DELROUTE, RTM_NEWRULE, RTM_DELRULE, RTM_NEWNEXTHOP, RTM_DELNEXTHOP.
     *
     * @throws io.github.netlink4j.core.MalformedMessageException when the message is malformed
     */
    static Optional<RtEvent> decodeRoute(MessageReader m) {
        return switch (m.type()) {
            case RouteSchemas.RTM_NEWROUTE, RouteSchemas.RTM_DELROUTE -> Optional.of(new RtEvent.RouteEvent(
                    action(m.type() == RouteSchemas.RTM_NEWROUTE), RouteCodec.decode(m)));
            case RouteSchemas.RTM_NEWRULE, RouteSchemas.RTM_DELRULE -> Optional.of(new RtEvent.RuleEvent(
                    action(m.type() == RouteSchemas.RTM_NEWRULE), RuleCodec.decode(m)));
            case RouteSchemas.RTM_NEWNEXTHOP, RouteSchemas.RTM_DELNEXTHOP -> Optional.of(new RtEvent.NexthopEvent(
                    action(m.type() == RouteSchemas.RTM_NEWNEXTHOP), NexthopCodec.decode(m)));
            default -> Optional.empty();
        };
    }

    private static RtEvent.Action action(boolean isNew) {
        return isNew ? RtEvent.Action.NEW : RtEvent.Action.DELETED;
    }

    /**
     * The current routes, rules and nexthops of the groups in {@code groups}, as
     * {@link RtEvent.Action#NEW} events, for {@link RtEvents#resync()}.
     */
    static List<RtEvent> dumpRoutes(Rtnetlink rt, Set<RtnlGroup> groups) {
        List<RtEvent> out = new ArrayList<>();
        boolean v4 = groups.contains(RtnlGroup.IPV4_ROUTE);
        boolean v6 = groups.contains(RtnlGroup.IPV6_ROUTE);
        if (v4 || v6) {
            RouteFilter f = v4 && v6 ? RouteFilter.ALL : RouteFilter.ALL.withFamily(v4 ? AddressFamily.INET : AddressFamily.INET6);
            rt.routes().list(f, r -> out.add(new RtEvent.RouteEvent(RtEvent.Action.NEW, r)));
        }
        if (groups.contains(RtnlGroup.IPV4_RULE)) {
            rt.rules().list(AddressFamily.INET).forEach(r -> out.add(new RtEvent.RuleEvent(RtEvent.Action.NEW, r)));
        }
        if (groups.contains(RtnlGroup.IPV6_RULE)) {
            rt.rules().list(AddressFamily.INET6).forEach(r -> out.add(new RtEvent.RuleEvent(RtEvent.Action.NEW, r)));
        }
        if (groups.contains(RtnlGroup.NEXTHOP)) {
            rt.nexthops().list().forEach(n -> out.add(new RtEvent.NexthopEvent(RtEvent.Action.NEW, n)));
        }
        return out;
    }
}
