package io.github.netlink4j.rtnl;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Numeric address parsing that never touches DNS. */
public final class Inet {
    private Inet() {
    }

    /**
     * Parses a numeric IPv4 ({@code 10.0.0.1}) or IPv6 ({@code 2001:db8::1}) address.
     *
     * @throws IllegalArgumentException for anything else, host names included
     */
    public static InetAddress parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("address must be a numeric IPv4 or IPv6 address, was \"" + text + "\"");
        }
        boolean v6 = text.indexOf(':') >= 0;
        if (!v6) {
            String[] parts = text.split("\\.", -1);
            if (parts.length != 4) {
                throw new IllegalArgumentException("address must be a numeric IPv4 or IPv6 address, was \"" + text + "\"");
            }
            byte[] b = new byte[4];
            for (int i = 0; i < 4; i++) {
                int v;
                try {
                    if (parts[i].isEmpty() || parts[i].length() > 3) {
                        throw new NumberFormatException();
                    }
                    v = Integer.parseInt(parts[i]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("address must be a numeric IPv4 or IPv6 address, was \"" + text + "\"");
                }
                if (v > 255) {
                    throw new IllegalArgumentException("IPv4 address byte must be in 0..255, was " + v + " in \"" + text + "\"");
                }
                b[i] = (byte) v;
            }
            return of(b);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
                throw new IllegalArgumentException("address must be a numeric IPv4 or IPv6 address, was \"" + text + "\"");
            }
        }
        try {
            InetAddress a = InetAddress.getByName(text); // numeric: no lookup for a literal
            if (!(a instanceof Inet6Address) && !(a instanceof Inet4Address)) {
                throw new IllegalArgumentException("not an IP address: \"" + text + "\"");
            }
            return a;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("address must be a numeric IPv4 or IPv6 address, was \"" + text + "\"");
        }
    }

    /**
     * The address as ip prints it: dotted quad, or IPv6 in its RFC 5952 form (lower case, the
     * longest run of two or more zero groups as {@code ::}).
     */
    public static String format(InetAddress a) {
        byte[] b = a.getAddress();
        if (b.length == 4) {
            return a.getHostAddress();
        }
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = (b[2 * i] & 0xff) << 8 | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (g[i] == 0) {
                int j = i;
                while (j < 8 && g[j] == 0) {
                    j++;
                }
                if (j - i > bestLen) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        if (bestLen < 2) {
            bestStart = -1;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }

    /** The address with these 4 or 16 bytes. */
    public static InetAddress of(byte[] bytes) {
        if (bytes.length != 4 && bytes.length != 16) {
            throw new IllegalArgumentException("an address has 4 or 16 bytes, was " + bytes.length);
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
