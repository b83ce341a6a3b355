package io.github.netlink4j.rtnl;

/**
 * A route type (rtm_type, RTN_*), an open enum: values from include/uapi/linux/rtnetlink.h; {@link #of(int)} gives a new
 * instance for a number this library does not name.
 *
 * @param number the kernel's value
 * @param name   the word ip uses for it
 */
public record RouteType(int number, String name) {
    public static final RouteType UNSPEC = new RouteType(0, "unspec");
    public static final RouteType UNICAST = new RouteType(1, "unicast");
    public static final RouteType LOCAL = new RouteType(2, "local");
    public static final RouteType BROADCAST = new RouteType(3, "broadcast");
    public static final RouteType ANYCAST = new RouteType(4, "anycast");
    public static final RouteType MULTICAST = new RouteType(5, "multicast");
    public static final RouteType BLACKHOLE = new RouteType(6, "blackhole");
    public static final RouteType UNREACHABLE = new RouteType(7, "unreachable");
    public static final RouteType PROHIBIT = new RouteType(8, "prohibit");
    public static final RouteType THROW = new RouteType(9, "throw");
    public static final RouteType NAT = new RouteType(10, "nat");
    public static final RouteType XRESOLVE = new RouteType(11, "xresolve");

    public RouteType {
        if (number < 0 || number > 255) {
            throw new IllegalArgumentException("RouteType must be in 0..255, was " + number);
        }
        java.util.Objects.requireNonNull(name, "name");
    }

    /** The constant for {@code number}, or a new unnamed instance. */
    public static RouteType of(int number) {
        return switch (number) {
            case 0 -> UNSPEC;
            case 1 -> UNICAST;
            case 2 -> LOCAL;
            case 3 -> BROADCAST;
            case 4 -> ANYCAST;
            case 5 -> MULTICAST;
            case 6 -> BLACKHOLE;
            case 7 -> UNREACHABLE;
            case 8 -> PROHIBIT;
            case 9 -> THROW;
            case 10 -> NAT;
            case 11 -> XRESOLVE;
            default -> new RouteType(number, Integer.toString(number));
        };
    }

    /** The constant named {@code name} as ip writes it, or a number. */
    public static RouteType parse(String name) {
        return switch (name) {
            case "unspec" -> UNSPEC;
            case "unicast" -> UNICAST;
            case "local" -> LOCAL;
            case "broadcast" -> BROADCAST;
            case "anycast" -> ANYCAST;
            case "multicast" -> MULTICAST;
            case "blackhole" -> BLACKHOLE;
            case "unreachable" -> UNREACHABLE;
            case "prohibit" -> PROHIBIT;
            case "throw" -> THROW;
            case "nat" -> NAT;
            case "xresolve" -> XRESOLVE;
            default -> {
                try {
                    yield of(Integer.parseInt(name));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("unknown RouteType \"" + name + "\"");
                }
            }
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RouteType other && other.number == number;
    }

    @Override
    public int hashCode() {
        return number;
    }

    @Override
    public String toString() {
        return name;
    }
}
