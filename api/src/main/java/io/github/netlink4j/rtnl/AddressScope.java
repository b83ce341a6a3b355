package io.github.netlink4j.rtnl;

/**
 * The scope of an address (ifa_scope): an open enum of {@code enum rt_scope_t} in
 * include/uapi/linux/rtnetlink.h.
 *
 * @param number the RT_SCOPE_* value (u8)
 * @param name   the ip word, e.g. {@code link}
 */
public record AddressScope(int number, String name) {
    /** RT_SCOPE_UNIVERSE: a global address. */
    public static final AddressScope GLOBAL = new AddressScope(0, "global");
    /** RT_SCOPE_SITE. */
    public static final AddressScope SITE = new AddressScope(200, "site");
    /** RT_SCOPE_LINK: valid on this link only. */
    public static final AddressScope LINK = new AddressScope(253, "link");
    /** RT_SCOPE_HOST: valid inside this host only. */
    public static final AddressScope HOST = new AddressScope(254, "host");
    /** RT_SCOPE_NOWHERE. */
    public static final AddressScope NOWHERE = new AddressScope(255, "nowhere");

    public AddressScope {
        java.util.Objects.requireNonNull(name, "name");
        if (number < 0 || number > 255) {
            throw new IllegalArgumentException("scope must be in 0..255 (u8), was " + number);
        }
    }

    public static AddressScope of(int number) {
        return switch (number) {
            case 0 -> GLOBAL;
            case 200 -> SITE;
            case 253 -> LINK;
            case 254 -> HOST;
            case 255 -> NOWHERE;
            default -> new AddressScope(number, Integer.toString(number));
        };
    }

    /**
     * The scope ip gives an address when none is named: host for 127.0.0.0/8, global otherwise
     * (iproute2's default_scope()).
     */
    public static AddressScope defaultFor(java.net.InetAddress address) {
        return address instanceof java.net.Inet4Address && (address.getAddress()[0] & 0xff) == 127 ? HOST : GLOBAL;
    }

    @Override
    public String toString() {
        return name;
    }
}
