package io.github.netlink4j.core.wire;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable sequence of bytes, for opaque payloads (unknown attributes, link-layer addresses,
 * nftables data). Equality is by content.
 */
public final class ByteString implements Comparable<ByteString> {
    public static final ByteString EMPTY = new ByteString(new byte[0]);

    private final byte[] bytes;

    private ByteString(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A copy of {@code bytes}. */
    public static ByteString of(byte... bytes) {
        return bytes.length == 0 ? EMPTY : new ByteString(bytes.clone());
    }

    /** A copy of {@code length} bytes of {@code buf} from absolute index {@code offset}. */
    public static ByteString copyOf(ByteBuffer buf, int offset, int length) {
        if (length == 0) {
            return EMPTY;
        }
        byte[] b = new byte[length];
        buf.get(offset, b, 0, length);
        return new ByteString(b);
    }

    /** Parses hex digits; spaces, colons and newlines between bytes are ignored. */
    public static ByteString fromHex(String hex) {
        String clean = hex.replaceAll("[\\s:]", "");
        if (clean.length() % 2 != 0) {
            throw new IllegalArgumentException("hex string must have an even number of digits, was " + clean.length());
        }
        return new ByteString(HexFormat.of().parseHex(clean));
    }

    public int size() {
        return bytes.length;
    }

    public byte get(int index) {
        return bytes[index];
    }

    /** A copy of the bytes. */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    /** Writes the bytes at the buffer's position, advancing it. */
    public void writeTo(ByteBuffer buf) {
        buf.put(bytes);
    }

    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ByteString other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public int compareTo(ByteString o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public String toString() {
        return "[" + hex() + "]";
    }
}
