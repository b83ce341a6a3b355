package io.github.netlink4j.rtnl;

import java.util.ArrayList;
import java.util.List;

/**
 * Device flags (ifi_flags / ifi_change of struct ifinfomsg): enum net_device_flags of
 * include/uapi/linux/if.h. An open set: bits this class has no name for are kept.
 *
 * @param bits the IFF_* bits
 */
public record LinkFlags(int bits) {
    public static final int IFF_UP = 1;
    public static final int IFF_BROADCAST = 1 << 1;
    public static final int IFF_DEBUG = 1 << 2;
    public static final int IFF_LOOPBACK = 1 << 3;
    public static final int IFF_POINTOPOINT = 1 << 4;
    public static final int IFF_NOTRAILERS = 1 << 5;
    public static final int IFF_RUNNING = 1 << 6;
    public static final int IFF_NOARP = 1 << 7;
    public static final int IFF_PROMISC = 1 << 8;
    public static final int IFF_ALLMULTI = 1 << 9;
    public static final int IFF_MASTER = 1 << 10;
    public static final int IFF_SLAVE = 1 << 11;
    public static final int IFF_MULTICAST = 1 << 12;
    public static final int IFF_PORTSEL = 1 << 13;
    public static final int IFF_AUTOMEDIA = 1 << 14;
    public static final int IFF_DYNAMIC = 1 << 15;
    public static final int IFF_LOWER_UP = 1 << 16;
    public static final int IFF_DORMANT = 1 << 17;
    public static final int IFF_ECHO = 1 << 18;

    /** No flag set. */
    public static final LinkFlags NONE = new LinkFlags(0);

    private static final String[] NAMES = {"UP", "BROADCAST", "DEBUG", "LOOPBACK", "POINTOPOINT", "NOTRAILERS",
        "RUNNING", "NOARP", "PROMISC", "ALLMULTI", "MASTER", "SLAVE", "MULTICAST", "PORTSEL", "AUTOMEDIA",
        "DYNAMIC", "LOWER_UP", "DORMANT", "ECHO"};

    public static LinkFlags of(int bits) {
        return bits == 0 ? NONE : new LinkFlags(bits);
    }

    /** Whether every bit of {@code flag} is set. */
    public boolean has(int flag) {
        return (bits & flag) == flag;
    }

    /** IFF_UP: administratively up. */
    public boolean isUp() {
        return has(IFF_UP);
    }

    /** IFF_LOWER_UP: the driver signals carrier. */
    public boolean isLowerUp() {
        return has(IFF_LOWER_UP);
    }

    public LinkFlags with(int flag) {
        return of(bits | flag);
    }

    public LinkFlags without(int flag) {
        return of(bits & ~flag);
    }

    /** The names of the set bits as ip prints them ({@code UP}, {@code LOWER_UP}, {@code 0x80000} when unnamed). */
    public List<String> names() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            if ((bits & (1 << i)) != 0) {
                out.add(i < NAMES.length ? NAMES[i] : "0x" + Integer.toHexString(1 << i));
            }
        }
        return out;
    }

    /** The ip name of a single IFF_* bit. */
    static String nameOf(int bit) {
        int i = Integer.numberOfTrailingZeros(bit);
        return i < NAMES.length ? NAMES[i] : "0x" + Integer.toHexString(bit);
    }

    @Override
    public String toString() {
        return "<" + String.join(",", names()) + ">";
    }
}
