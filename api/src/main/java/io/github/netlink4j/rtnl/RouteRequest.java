package io.github.netlink4j.rtnl;

import io.github.netlink4j.core.NetlinkRequest;
import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.MessageWriter;
import io.github.netlink4j.core.wire.Nlmsg;
import io.github.netlink4j.rtnl.internal.RouteCodec;
import io.github.netlink4j.rtnl.internal.RouteSchemas;

import java.util.Objects;

/**
 * A route request ready to send: the verb and a route whose devices are indexes. Its
 * {@code toString()} is the equivalent ip command.
 *
 * @param verb  add, replace, append, change or delete
 * @param route the route; every device given by name must have been resolved ({@link Routes} does)
 */
public record RouteRequest(RouteVerb verb, Route route) implements NetlinkRequest {
    public RouteRequest {
        Objects.requireNonNull(verb, "verb");
        Objects.requireNonNull(route, "route");
        if (route.oif().isEmpty() && route.dev().isPresent()) {
            throw new IllegalArgumentException("device \"" + route.dev().get() + "\" is not resolved to an index: " + route);
        }
        for (RouteHop h : route.nexthops()) {
            if (h.oif().isEmpty() && h.dev().isPresent()) {
                throw new IllegalArgumentException("device \"" + h.dev().get() + "\" is not resolved to an index: " + route);
            }
        }
    }

    @Override
    public int type() {
        return verb == RouteVerb.DELETE ? RouteSchemas.RTM_DELROUTE : RouteSchemas.RTM_NEWROUTE;
    }

    @Override
    public int flags() {
        return verb.nlmFlags();
    }

    @Override
    public void encode(MessageWriter w) {
        RouteCodec.encode(w, route, verb == RouteVerb.DELETE ? RouteCodec.Verb.DELETE : RouteCodec.Verb.NEW);
    }

    @Override
    public String operation() {
        return RouteSchemas.name(type());
    }

    @Override
    public int headerLength() {
        return RouteSchemas.RTMSG_LEN;
    }

    @Override
    public AttrSchema schema() {
        return RouteCodec.schemaFor(route);
    }

    @Override
    public String toString() {
        return "ip " + (route.dst().isIpv4() ? "" : "-6 ") + "route " + verb.word() + " " + route.toIpArgs();
    }

    /** NLM_F_* of each verb, as ip sends them (include/uapi/linux/netlink.h). */
    static int flagsOf(RouteVerb v) {
        return switch (v) {
            case ADD -> Nlmsg.NLM_F_CREATE | Nlmsg.NLM_F_EXCL;
            case REPLACE -> Nlmsg.NLM_F_CREATE | Nlmsg.NLM_F_REPLACE;
            case APPEND -> Nlmsg.NLM_F_CREATE | Nlmsg.NLM_F_APPEND;
            case CHANGE -> Nlmsg.NLM_F_REPLACE;
            case PREPEND -> Nlmsg.NLM_F_CREATE;
            case DELETE -> 0;
        };
    }
}
