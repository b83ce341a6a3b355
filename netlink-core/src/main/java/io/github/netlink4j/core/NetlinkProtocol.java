package io.github.netlink4j.core;

import java.util.Objects;

/**
 * A netlink protocol family, the third argument of {@code socket(AF_NETLINK, ..., proto)}; an
 * open enum. Values from include/uapi/linux/netlink.h.
 */
public record NetlinkProtocol(int number, String name) {
    /** #define NETLINK_ROUTE 0 */
    public static final NetlinkProtocol ROUTE = new NetlinkProtocol(0, "NETLINK_ROUTE");
    /** #define NETLINK_NETFILTER 12 */
    public static final NetlinkProtocol NETFILTER = new NetlinkProtocol(12, "NETLINK_NETFILTER");
    /** #define NETLINK_GENERIC 16 */
    public static final NetlinkProtocol GENERIC = new NetlinkProtocol(16, "NETLINK_GENERIC");

    public NetlinkProtocol {
        Objects.requireNonNull(name, "name");
        if (number < 0 || number > 31) {
            throw new IllegalArgumentException("netlink protocol must be in 0..31 (MAX_LINKS), was " + number);
        }
    }

    public static NetlinkProtocol of(int number) {
        return switch (number) {
            case 0 -> ROUTE;
            case 12 -> NETFILTER;
            case 16 -> GENERIC;
            default -> new NetlinkProtocol(number, "NETLINK_" + number);
        };
    }

    @Override
    public String toString() {
        return name;
    }
}
