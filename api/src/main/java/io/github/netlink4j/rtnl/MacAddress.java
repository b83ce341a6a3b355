package io.github.netlink4j.rtnl;

import io.github.netlink4j.core.wire.ByteString;

import java.util.Objects;

/**
 * A link-layer (hardware) address: 6 bytes for Ethernet, but any length up to MAX_ADDR_LEN (32)
 * that a device type uses (4 for an IPv4 tunnel, 0 for none). Written as ip writes it:
 * {@code 02:00:00:00:00:01}.
 *
 * @param bytes the address, 0..32 bytes
 */
public record MacAddress(ByteString bytes) {
    /** MAX_ADDR_LEN (include/linux/netdevice.h): the longest hardware address. */
    public static final int MAX_ADDR_LEN = 32;

    public MacAddress {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.size() > MAX_ADDR_LEN) {
            throw new IllegalArgumentException("a link-layer address has 0.." + MAX_ADDR_LEN + " bytes, was " + bytes.size());
        }
    }

    /** The address with these bytes (copied). */
    public static MacAddress of(byte... bytes) {
        return new MacAddress(ByteString.of(bytes));
    }

    /**
     * Parses {@code 02:00:00:00:00:01}: hex bytes of one or two digits separated by colons, as ip
     * reads {@code address LLADDR}.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static MacAddress parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            throw new IllegalArgumentException("link-layer address must be hex bytes separated by ':', was \"\"");
        }
        String[] parts = text.split(":", -1);
        if (parts.length > MAX_ADDR_LEN) {
            throw new IllegalArgumentException("a link-layer address has at most " + MAX_ADDR_LEN + " bytes, \""
                    + text + "\" has " + parts.length);
        }
        byte[] b = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 2 || Character.digit(p.charAt(0), 16) < 0
                    || (p.length() == 2 && Character.digit(p.charAt(1), 16) < 0)) {
                throw new IllegalArgumentException("link-layer address must be hex bytes separated by ':', was \""
                        + text + "\"");
            }
            b[i] = (byte) Integer.parseInt(p, 16);
        }
        return of(b);
    }

    /** The number of bytes. */
    public int length() {
        return bytes.size();
    }

    /** {@code 02:00:00:00:00:01}; empty for a zero-length address. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(bytes.size() * 3);
        for (int i = 0; i < bytes.size(); i++) {
            if (i > 0) {
                sb.append(':');
            }
            int v = bytes.get(i) & 0xff;
            sb.append(Character.forDigit(v >> 4, 16)).append(Character.forDigit(v & 0xf, 16));
        }
        return sb.toString();
    }
}
