package io.github.netlink4j.rtnl;

/**
 * Who installed a route (rtm_protocol, RTPROT_*), an open enum: values from include/uapi/linux/rtnetlink.h; {@link #of(int)} gives a new
 * instance for a number this library does not name.
 *
 * @param number the kernel's value
 * @param name   the word ip uses for it
 */
public record RouteProtocol(int number, String name) {
    public static final RouteProtocol UNSPEC = new RouteProtocol(0, "unspec");
    public static final RouteProtocol REDIRECT = new RouteProtocol(1, "redirect");
    public static final RouteProtocol KERNEL = new RouteProtocol(2, "kernel");
    public static final RouteProtocol BOOT = new RouteProtocol(3, "boot");
    public static final RouteProtocol STATIC = new RouteProtocol(4, "static");
    public static final RouteProtocol GATED = new RouteProtocol(8, "gated");
    public static final RouteProtocol RA = new RouteProtocol(9, "ra");
    public static final RouteProtocol MRT = new RouteProtocol(10, "mrt");
    public static final RouteProtocol ZEBRA = new RouteProtocol(11, "zebra");
    public static final RouteProtocol BIRD = new RouteProtocol(12, "bird");
    public static final RouteProtocol DNROUTED = new RouteProtocol(13, "dnrouted");
    public static final RouteProtocol XORP = new RouteProtocol(14, "xorp");
    public static final RouteProtocol NTK = new RouteProtocol(15, "ntk");
    public static final RouteProtocol DHCP = new RouteProtocol(16, "dhcp");
    public static final RouteProtocol MROUTED = new RouteProtocol(17, "mrouted");
    public static final RouteProtocol KEEPALIVED = new RouteProtocol(18, "keepalived");
    public static final RouteProtocol BABEL = new RouteProtocol(42, "babel");
    public static final RouteProtocol OPENR = new RouteProtocol(99, "openr");
    public static final RouteProtocol BGP = new RouteProtocol(186, "bgp");
    public static final RouteProtocol ISIS = new RouteProtocol(187, "isis");
    public static final RouteProtocol OSPF = new RouteProtocol(188, "ospf");
    public static final RouteProtocol RIP = new RouteProtocol(189, "rip");
    public static final RouteProtocol EIGRP = new RouteProtocol(192, "eigrp");

    public RouteProtocol {
        if (number < 0 || number > 255) {
            throw new IllegalArgumentException("RouteProtocol must be in 0..255, was " + number);
        }
        java.util.Objects.requireNonNull(name, "name");
    }

    /** The constant for {@code number}, or a new unnamed instance. */
    public static RouteProtocol of(int number) {
        return switch (number) {
            case 0 -> UNSPEC;
            case 1 -> REDIRECT;
            case 2 -> KERNEL;
            case 3 -> BOOT;
            case 4 -> STATIC;
            case 8 -> GATED;
            case 9 -> RA;
            case 10 -> MRT;
            case 11 -> ZEBRA;
            case 12 -> BIRD;
            case 13 -> DNROUTED;
            case 14 -> XORP;
            case 15 -> NTK;
            case 16 -> DHCP;
            case 17 -> MROUTED;
            case 18 -> KEEPALIVED;
            case 42 -> BABEL;
            case 99 -> OPENR;
            case 186 -> BGP;
            case 187 -> ISIS;
            case 188 -> OSPF;
            case 189 -> RIP;
            case 192 -> EIGRP;
            default -> new RouteProtocol(number, Integer.toString(number));
        };
    }

    /** The constant named {@code name} as ip writes it, or a number. */
    public static RouteProtocol parse(String name) {
        return switch (name) {
            case "unspec" -> UNSPEC;
            case "redirect" -> REDIRECT;
            case "kernel" -> KERNEL;
            case "boot" -> BOOT;
            case "static" -> STATIC;
            case "gated" -> GATED;
            case "ra" -> RA;
            case "mrt" -> MRT;
            case "zebra" -> ZEBRA;
            case "bird" -> BIRD;
            case "dnrouted" -> DNROUTED;
            case "xorp" -> XORP;
            case "ntk" -> NTK;
            case "dhcp" -> DHCP;
            case "mrouted" -> MROUTED;
            case "keepalived" -> KEEPALIVED;
            case "babel" -> BABEL;
            case "openr" -> OPENR;
            case "bgp" -> BGP;
            case "isis" -> ISIS;
            case "ospf" -> OSPF;
            case "rip" -> RIP;
            case "eigrp" -> EIGRP;
            default -> {
                try {
                    yield of(Integer.parseInt(name));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("unknown RouteProtocol \"" + name + "\"");
                }
            }
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RouteProtocol other && other.number == number;
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
