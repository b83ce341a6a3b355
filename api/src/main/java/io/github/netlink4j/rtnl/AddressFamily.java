package io.github.netlink4j.rtnl;

/**
 * An address family number (AF_*), an open enum: values from include/linux/socket.h.
 *
 * @param number the AF_* value
 * @param name   its name, e.g. {@code inet}, as ip prints it
 */
public record AddressFamily(int number, String name) {
    /** #define AF_UNSPEC 0 */
    public static final AddressFamily UNSPEC = new AddressFamily(0, "unspec");
    /** #define AF_INET 2 */
    public static final AddressFamily INET = new AddressFamily(2, "inet");
    /** #define AF_BRIDGE 7 */
    public static final AddressFamily BRIDGE = new AddressFamily(7, "bridge");
    /** #define AF_INET6 10 */
    public static final AddressFamily INET6 = new AddressFamily(10, "inet6");
    /** #define AF_MPLS 28 */
    public static final AddressFamily MPLS = new AddressFamily(28, "mpls");

    public AddressFamily {
        if (number < 0 || number > 255) {
            throw new IllegalArgumentException("address family must be in 0..255, was " + number);
        }
    }

    public static AddressFamily of(int number) {
        return switch (number) {
            case 0 -> UNSPEC;
            case 2 -> INET;
            case 7 -> BRIDGE;
            case 10 -> INET6;
            case 28 -> MPLS;
            default -> new AddressFamily(number, "af" + number);
        };
    }

    /** The family of {@code a}: INET or INET6. */
    public static AddressFamily of(java.net.InetAddress a) {
        return a instanceof java.net.Inet4Address ? INET : INET6;
    }

    @Override
    public String toString() {
        return name;
    }
}
