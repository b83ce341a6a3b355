package io.github.netlink4j.rtnl;

import io.github.netlink4j.core.wire.ByteString;

import java.util.Objects;

/**
 * One notification from an {@link RtEvents} subscription: a link, address or neighbour that
 * appeared, changed or went away; a message of another kind, kept raw; or an {@link Overrun}, after
 * which the subscriber must re-read the state ({@link RtEvents#resync()}).
 *
 */
public sealed interface RtEvent permits RtEvent.LinkEvent, RtEvent.AddressEvent, RtEvent.NeighbourEvent,
        RtEvent.RouteEvent, RtEvent.RuleEvent, RtEvent.NexthopEvent, RtEvent.Other, RtEvent.Malformed, RtEvent.Overrun {

    /** What happened to the object. */
    enum Action {
        /** RTM_NEW*: the object appeared or changed; the record is its whole new state. */
        NEW,
        /** RTM_DEL*: the object went away; the record is its last state. */
        DELETED
    }

    /** RTM_NEWLINK / RTM_DELLINK. */
    record LinkEvent(Action action, Link link) implements RtEvent {
        public LinkEvent {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(link, "link");
        }
    }

    /** RTM_NEWADDR / RTM_DELADDR. */
    record AddressEvent(Action action, Address address) implements RtEvent {
        public AddressEvent {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(address, "address");
        }
    }

    /** RTM_NEWNEIGH / RTM_DELNEIGH. */
    record NeighbourEvent(Action action, Neighbour neighbour) implements RtEvent {
        public NeighbourEvent {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(neighbour, "neighbour");
        }
    }

    /** RTM_NEWROUTE / RTM_DELROUTE. */
    record RouteEvent(Action action, Route route) implements RtEvent {
        public RouteEvent {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(route, "route");
        }
    }

    /** RTM_NEWRULE / RTM_DELRULE. */
    record RuleEvent(Action action, Rule rule) implements RtEvent {
        public RuleEvent {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(rule, "rule");
        }
    }

    /** RTM_NEWNEXTHOP / RTM_DELNEXTHOP. */
    record NexthopEvent(Action action, Nexthop nexthop) implements RtEvent {
        public NexthopEvent {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(nexthop, "nexthop");
        }
    }

    /**
     * A message this library does not decode (yet): its nlmsg_type and the whole message, header
     * included.
     */
    record Other(int type, ByteString message) implements RtEvent {
        public Other {
            Objects.requireNonNull(message, "message");
        }
    }

    /** A message that does not follow its schema: kept raw with the reason, so the stream goes on. */
    record Malformed(int type, ByteString message, String problem) implements RtEvent {
        public Malformed {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(problem, "problem");
        }
    }

    /**
     * The kernel dropped notifications because the socket's receive buffer was full (ENOBUFS): the
     * subscriber's view is stale and must be rebuilt from {@link RtEvents#resync()}.
     */
    record Overrun() implements RtEvent {
    }
}
