package io.github.netlink4j.rtnl;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * An IPv4 or IPv6 address with a prefix length, as in {@code 10.0.0.0/24} or {@code 2001:db8::/64}.
 * The address is kept as given (host bits are not cleared: {@code 10.0.0.1/24} is an interface
 * address); {@link #network()} clears them.
 *
 * @param address the address
 * @param length  the prefix length, 0..32 for IPv4, 0..128 for IPv6
 */
public record InetPrefix(InetAddress address, int length) {
    public InetPrefix {
        Objects.requireNonNull(address, "address");
        int max = maxLength(address);
        if (length < 0 || length > max) {
            throw new IllegalArgumentException("prefix length of " + address.getHostAddress() + " must be in 0.." + max
                    + ", was " + length);
        }
    }

    /** A host prefix: /32 or /128. */
    public static InetPrefix host(InetAddress address) {
        return new InetPrefix(address, maxLength(address));
    }

    /**
     * Parses {@code "10.0.0.0/24"}, {@code "2001:db8::/64"} or a bare address (a host prefix).
     * Only numeric addresses are accepted: nothing is looked up.
     */
    public static InetPrefix parse(String text) {
        Objects.requireNonNull(text, "text");
        int slash = text.indexOf('/');
        InetAddress a = Inet.parse(slash < 0 ? text : text.substring(0, slash));
        if (slash < 0) {
            return host(a);
        }
        String len = text.substring(slash + 1);
        int n;
        try {
            n = Integer.parseInt(len);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("prefix length must be a number, was \"" + len + "\" in \"" + text + "\"");
        }
        return new InetPrefix(a, n);
    }

    static int maxLength(InetAddress a) {
        return a instanceof Inet4Address ? 32 : 128;
    }

    public boolean isIpv4() {
        return address instanceof Inet4Address;
    }

    /** AF_INET or AF_INET6. */
    public AddressFamily family() {
        return isIpv4() ? AddressFamily.INET : AddressFamily.INET6;
    }

    /** Whether this is a /32 or /128. */
    public boolean isHost() {
        return length == maxLength(address);
    }

    /** The prefix with host bits cleared. */
    public InetPrefix network() {
        byte[] b = address.getAddress();
        for (int i = 0; i < b.length; i++) {
            int keep = Math.max(0, Math.min(8, length - i * 8));
            b[i] &= (byte) (0xff << (8 - keep));
        }
        try {
            return new InetPrefix(InetAddress.getByAddress(b), length);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** Whether {@code a} is inside this prefix. */
    public boolean contains(InetAddress a) {
        if (a.getAddress().length != address.getAddress().length) {
            return false;
        }
        return new InetPrefix(a, length).network().equals(network());
    }

    /** {@code 10.0.0.0/24}; a host prefix prints as the bare address, as ip does. */
    @Override
    public String toString() {
        return isHost() ? Inet.format(address) : Inet.format(address) + "/" + length;
    }
}
