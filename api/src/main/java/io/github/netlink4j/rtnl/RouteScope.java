package io.github.netlink4j.rtnl;

/**
 * How far a route or address reaches (rtm_scope, RT_SCOPE_*), an open enum: values from include/uapi/linux/rtnetlink.h; {@link #of(int)} gives a new
 * instance for a number this library does not name.
 *
 * @param number the kernel's value
 * @param name   the word ip uses for it
 */
public record RouteScope(int number, String name) {
    public static final RouteScope UNIVERSE = new RouteScope(0, "global");
    public static final RouteScope SITE = new RouteScope(200, "site");
    public static final RouteScope LINK = new RouteScope(253, "link");
    public static final RouteScope HOST = new RouteScope(254, "host");
    public static final RouteScope NOWHERE = new RouteScope(255, "nowhere");

    public RouteScope {
        if (number < 0 || number > 255) {
            throw new IllegalArgumentException("RouteScope must be in 0..255, was " + number);
        }
        java.util.Objects.requireNonNull(name, "name");
    }

    /** The constant for {@code number}, or a new unnamed instance. */
    public static RouteScope of(int number) {
        return switch (number) {
            case 0 -> UNIVERSE;
            case 200 -> SITE;
            case 253 -> LINK;
            case 254 -> HOST;
            case 255 -> NOWHERE;
            default -> new RouteScope(number, Integer.toString(number));
        };
    }

    /** The constant named {@code name} as ip writes it, or a number. */
    public static RouteScope parse(String name) {
        return switch (name) {
            case "global" -> UNIVERSE;
            case "site" -> SITE;
            case "link" -> LINK;
            case "host" -> HOST;
            case "nowhere" -> NOWHERE;
            default -> {
                try {
                    yield of(Integer.parseInt(name));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("unknown RouteScope \"" + name + "\"");
                }
            }
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RouteScope other && other.number == number;
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
