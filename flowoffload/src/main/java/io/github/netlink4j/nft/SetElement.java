package io.github.netlink4j.nft;

import io.github.netlink4j.core.wire.ByteString;

import java.util.Objects;

/**
 * One element of a set: its key bytes and flags ({@link #INTERVAL_END}, NFT_SET_ELEM_INTERVAL_END:
 * in an interval set, the element that ends the interval its predecessor starts, exclusive).
 */
public record SetElement(ByteString key, int flags) {
    public static final int INTERVAL_END = 0x1;

    public SetElement {
        Objects.requireNonNull(key, "key");
        Wire.checkData("set element key", key);
    }

    public static SetElement of(ByteString key) {
        return new SetElement(key, 0);
    }

    /** An IPv4 or IPv6 address. */
    public static SetElement address(String address) {
        return of(ByteString.of(Match.addressBytes(address)));
    }

    /** A port (inet_service, big-endian). */
    public static SetElement port(int port) {
        return of(Match.be16(Match.checkPort(port)));
    }

    /**
     * The elements of an interval set for the prefix {@code A/N}: its first address, and the
     * address after its last flagged NFT_SET_ELEM_INTERVAL_END (as nft writes an interval).
     */
    public static java.util.List<SetElement> prefix(String prefix) {
        int slash = prefix.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("'" + prefix + "' is not a prefix (A/N)");
        }
        byte[] a = Match.addressBytes(prefix.substring(0, slash));
        int len;
        try {
            len = Integer.parseInt(prefix.substring(slash + 1));
        } catch (NumberFormatException e) {
            len = -1;
        }
        if (len < 0 || len > a.length * 8) {
            throw new IllegalArgumentException("prefix length in '" + prefix + "' must be in 0.." + (a.length * 8));
        }
        java.math.BigInteger start = new java.math.BigInteger(1, a).shiftRight(a.length * 8 - len).shiftLeft(a.length * 8 - len);
        java.math.BigInteger end = start.add(java.math.BigInteger.ONE.shiftLeft(a.length * 8 - len));
        java.util.List<SetElement> out = new java.util.ArrayList<>(2);
        out.add(of(ByteString.of(fixed(start, a.length))));
        if (end.bitLength() <= a.length * 8) { // a prefix that runs to the end of the address space has no end element
            out.add(new SetElement(ByteString.of(fixed(end, a.length)), INTERVAL_END));
        }
        return out;
    }

    private static byte[] fixed(java.math.BigInteger v, int size) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[size];
        int n = Math.min(raw.length, size);
        System.arraycopy(raw, raw.length - n, out, size - n, n);
        return out;
    }

    @Override
    public String toString() {
        return key.hex() + ((flags & INTERVAL_END) != 0 ? " (interval end)" : "");
    }
}
