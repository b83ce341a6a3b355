package io.github.netlink4j.rtnl;

import io.github.netlink4j.core.wire.MessageReader;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where route, rule and nexthop notifications plug into {@link RtEvents}: the decoders of those
 * records live with the route API. Until they are filled in, such messages arrive as
 * {@link RtEvent.Other}, and a resync dumps none of them.
 *
 * <p>To add {@code RouteEvent} / {@code RuleEvent}: declare them in {@link RtEvent}'s permits list,
 * decode them in {@link #decodeRoute}, and dump them in {@link #dumpRoutes}.
 */
final class RouteEventHooks {
    private RouteEventHooks() {
    }

    /**
     * Decodes RTM_NEWROUTE, RTM_DELROUTE, RTM_NEWRULE, RTM_DELRULE, RTM_NEWNEXTHOP, RTM_DELNEXTHOP.
     *
     * @return the event, or empty to deliver the message as {@link RtEvent.Other}
     * @throws io.github.netlink4j.core.MalformedMessageException when the message is malformed
     */
    static Optional<RtEvent> decodeRoute(MessageReader message) {
        return Optional.empty();
    }

    /**
     * The current routes, rules and nexthops of the groups in {@code groups}, as {@link RtEvent.Action#NEW}
     * events, for {@link RtEvents#resync()}.
     */
    static List<RtEvent> dumpRoutes(Rtnetlink rt, Set<RtnlGroup> groups) {
        return List.of();
    }
}
