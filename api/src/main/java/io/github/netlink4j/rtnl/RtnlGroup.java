package io.github.netlink4j.rtnl;

import java.util.Objects;

/**
 * An rtnetlink multicast group (NETLINK_ADD_MEMBERSHIP): an open enum of {@code enum rtnetlink_groups}
 * in include/uapi/linux/rtnetlink.h.
 *
 * @param number the RTNLGRP_* value
 * @param name   its C name
 */
public record RtnlGroup(int number, String name) {
    /** Link changes: RTM_NEWLINK / RTM_DELLINK. */
    public static final RtnlGroup LINK = new RtnlGroup(1, "RTNLGRP_LINK");
    /** Neighbour changes: RTM_NEWNEIGH / RTM_DELNEIGH. */
    public static final RtnlGroup NEIGH = new RtnlGroup(3, "RTNLGRP_NEIGH");
    /** IPv4 address changes: RTM_NEWADDR / RTM_DELADDR. */
    public static final RtnlGroup IPV4_IFADDR = new RtnlGroup(5, "RTNLGRP_IPV4_IFADDR");
    /** IPv4 route changes: RTM_NEWROUTE / RTM_DELROUTE. */
    public static final RtnlGroup IPV4_ROUTE = new RtnlGroup(7, "RTNLGRP_IPV4_ROUTE");
    /** IPv4 rule changes: RTM_NEWRULE / RTM_DELRULE. */
    public static final RtnlGroup IPV4_RULE = new RtnlGroup(8, "RTNLGRP_IPV4_RULE");
    /** IPv6 address changes. */
    public static final RtnlGroup IPV6_IFADDR = new RtnlGroup(9, "RTNLGRP_IPV6_IFADDR");
    /** IPv6 route changes. */
    public static final RtnlGroup IPV6_ROUTE = new RtnlGroup(11, "RTNLGRP_IPV6_ROUTE");
    /** IPv6 rule changes. */
    public static final RtnlGroup IPV6_RULE = new RtnlGroup(19, "RTNLGRP_IPV6_RULE");
    /** Nexthop object changes: RTM_NEWNEXTHOP / RTM_DELNEXTHOP. */
    public static final RtnlGroup NEXTHOP = new RtnlGroup(32, "RTNLGRP_NEXTHOP");

    public RtnlGroup {
        Objects.requireNonNull(name, "name");
        if (number < 1 || number > 1023) {
            throw new IllegalArgumentException("multicast group must be in 1..1023, was " + number);
        }
    }

    public static RtnlGroup of(int number) {
        return switch (number) {
            case 1 -> LINK;
            case 3 -> NEIGH;
            case 5 -> IPV4_IFADDR;
            case 7 -> IPV4_ROUTE;
            case 8 -> IPV4_RULE;
            case 9 -> IPV6_IFADDR;
            case 11 -> IPV6_ROUTE;
            case 19 -> IPV6_RULE;
            case 32 -> NEXTHOP;
            default -> new RtnlGroup(number, "RTNLGRP_" + number);
        };
    }

    @Override
    public String toString() {
        return name;
    }
}
