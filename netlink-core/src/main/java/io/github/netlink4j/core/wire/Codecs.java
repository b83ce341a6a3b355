package io.github.netlink4j.core.wire;

import io.github.netlink4j.core.MalformedMessageException;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The attribute codecs of the netlink vocabulary. Byte order is part of the name: {@code U32} is
 * host order (most rtnetlink integers), {@code U32_BE} is network order (nfnetlink integers,
 * LWTUNNEL_IP_FLAGS, GRE flags and keys).
 *
 * <p>Unsigned 8, 16 and 32-bit values are Java {@code int}s (a u32 above 2^31-1 is a negative
 * {@code int} with the same bits); 64-bit values are {@code long}s with the same convention.
 */
public final class Codecs {
    private Codecs() {
    }

    private static final boolean LITTLE = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    /** NLA_U8. */
    public static final AttrCodec<Integer> U8 = new FixedInt(1, false, "u8");
    /** NLA_U16, host order. */
    public static final AttrCodec<Integer> U16 = new FixedInt(2, false, "u16");
    /** NLA_U16 in network order (NLA_BE16). */
    public static final AttrCodec<Integer> U16_BE = new FixedInt(2, true, "be16");
    /** NLA_U32, host order; the int's bits are the u32's. */
    public static final AttrCodec<Integer> U32 = new FixedInt(4, false, "u32");
    /** NLA_U32 in network order (NLA_BE32). */
    public static final AttrCodec<Integer> U32_BE = new FixedInt(4, true, "be32");
    /** NLA_S32, host order. */
    public static final AttrCodec<Integer> S32 = new FixedInt(4, false, "s32") {
        @Override
        public void validate(String attrName, Integer value) {
        }

        @Override
        public String format(Integer value) {
            return Integer.toString(value);
        }
    };
    /** NLA_U64, host order; the long's bits are the u64's. */
    public static final AttrCodec<Long> U64 = new FixedLong(false, "u64");
    /** NLA_U64 in network order (NLA_BE64), e.g. LWTUNNEL_IP_ID. */
    public static final AttrCodec<Long> U64_BE = new FixedLong(true, "be64");

    /** NLA_FLAG: presence is the value; the payload is empty. */
    public static final AttrCodec<Boolean> FLAG = new AttrCodec<>() {
        @Override
        public void validate(String attrName, Boolean value) {
            if (!Boolean.TRUE.equals(value)) {
                throw new IllegalArgumentException(attrName + ": a flag attribute is written only when true, was " + value);
            }
        }

        @Override
        public void write(MessageWriter w, Boolean value) {
        }

        @Override
        public Boolean read(ByteBuffer buf, int offset, int length) {
            if (length != 0) {
                throw bad("flag attribute has a " + length + "-byte payload, expected 0", buf, offset);
            }
            return Boolean.TRUE;
        }
    };

    /** NLA_NUL_STRING: UTF-8 text and a terminating NUL; reading stops at the first NUL. */
    public static final AttrCodec<String> STRING = new AttrCodec<>() {
        @Override
        public void validate(String attrName, String value) {
            if (value.indexOf('\0') >= 0) {
                throw new IllegalArgumentException(attrName + ": string must not contain NUL, was \"" + value.replace("\0", "\\0") + "\"");
            }
        }

        @Override
        public void write(MessageWriter w, String value) {
            w.putString(value);
        }

        @Override
        public String read(ByteBuffer buf, int offset, int length) {
            int end = offset;
            int limit = offset + length;
            while (end < limit && buf.get(end) != 0) {
                end++;
            }
            byte[] b = new byte[end - offset];
            buf.get(offset, b);
            return new String(b, StandardCharsets.UTF_8);
        }

        @Override
        public String format(String value) {
            return value;
        }
    };

    /** Raw bytes, copied. */
    public static final AttrCodec<ByteString> BYTES = new AttrCodec<>() {
        @Override
        public void write(MessageWriter w, ByteString value) {
            w.putBytes(value);
        }

        @Override
        public ByteString read(ByteBuffer buf, int offset, int length) {
            return ByteString.copyOf(buf, offset, length);
        }

        @Override
        public String format(ByteString value) {
            return value.hex();
        }
    };

    /** An IPv4 address, 4 bytes in network order. */
    public static final AttrCodec<InetAddress> INET4 = new Inet(4);
    /** An IPv6 address, 16 bytes. */
    public static final AttrCodec<InetAddress> INET6 = new Inet(16);
    /** An IPv4 or IPv6 address, told apart by payload length (4 or 16). */
    public static final AttrCodec<InetAddress> INET = new Inet(0);

    /**
     * Whether {@link Inet4Address#hashCode()} is the address itself (first octet in the high byte),
     * as it has been in every OpenJDK: then an IPv4 address is written without the copy that
     * {@link InetAddress#getAddress()} makes. Checked once; otherwise the copy is made.
     */
    static final boolean IPV4_HASH_IS_ADDRESS = ipv4HashIsAddress();

    private static boolean ipv4HashIsAddress() {
        try {
            for (byte[] b : new byte[][]{{1, 2, 3, 4}, {(byte) 255, 0, (byte) 128, 7}, {10, (byte) 200, 0, 1}}) {
                InetAddress a = InetAddress.getByAddress(b);
                int bits = (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff);
                if (a.hashCode() != bits) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * The IPv4 addresses this thread decoded last, by a hash of their bits: a dump repeats the same
     * few gateways, encap destinations and sources over and over, and each decoded address is
     * three objects. Addresses are immutable, so values may share them.
     */
    private static final ThreadLocal<InetAddress[]> RECENT_V4 = ThreadLocal.withInitial(() -> new InetAddress[512]);

    /** The IPv4 address {@code bits} (first octet in the high byte), shared with recent decodes. */
    static InetAddress ipv4(int bits) {
        InetAddress[] recent = RECENT_V4.get();
        int slot = (bits * 0x9E3779B9) >>> 23;
        InetAddress a = recent[slot];
        if (a != null && a.hashCode() == bits) {
            return a;
        }
        try {
            a = InetAddress.getByAddress(new byte[]{(byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits});
        } catch (UnknownHostException e) {
            throw new AssertionError("4 bytes", e);
        }
        recent[slot] = a;
        return a;
    }

    static MalformedMessageException bad(String problem, ByteBuffer buf, int offset) {
        return new MalformedMessageException(problem, "", offset, Hex.excerpt(buf, offset));
    }

    static class FixedInt implements AttrCodec<Integer> {
        final int size;
        final boolean bigEndian;
        private final String kind;

        FixedInt(int size, boolean bigEndian, String kind) {
            this.size = size;
            this.bigEndian = bigEndian;
            this.kind = kind;
        }

        @Override
        public void validate(String attrName, Integer value) {
            if (size < 4 && (value < 0 || value >= (1 << (8 * size)))) {
                throw new IllegalArgumentException(attrName + " must be in 0.." + ((1 << (8 * size)) - 1)
                        + " (" + kind + "), was " + value);
            }
        }

        @Override
        public void write(MessageWriter w, Integer value) {
            int v = value;
            switch (size) {
                case 1 -> w.putU8(v);
                case 2 -> {
                    if (bigEndian) {
                        w.putU16Be(v);
                    } else {
                        w.putU16(v);
                    }
                }
                default -> {
                    if (bigEndian) {
                        w.putU32Be(v);
                    } else {
                        w.putU32(v);
                    }
                }
            }
        }

        @Override
        public Integer read(ByteBuffer buf, int offset, int length) {
            if (length != size) {
                throw bad(kind + " attribute has a " + length + "-byte payload, expected " + size, buf, offset);
            }
            return switch (size) {
                case 1 -> buf.get(offset) & 0xff;
                case 2 -> {
                    int lo = buf.get(offset) & 0xff;
                    int hi = buf.get(offset + 1) & 0xff;
                    yield (bigEndian || !LITTLE) ? (lo << 8 | hi) : (hi << 8 | lo);
                }
                default -> {
                    int v = buf.getInt(offset);
                    boolean bufBig = buf.order() == ByteOrder.BIG_ENDIAN;
                    yield bufBig == bigEndian ? v : Integer.reverseBytes(v);
                }
            };
        }

        @Override
        public String format(Integer value) {
            return size == 4 ? Integer.toUnsignedString(value) : Integer.toString(value);
        }
    }

    static final class FixedLong implements AttrCodec<Long> {
        final boolean bigEndian;
        private final String kind;

        FixedLong(boolean bigEndian, String kind) {
            this.bigEndian = bigEndian;
            this.kind = kind;
        }

        @Override
        public void write(MessageWriter w, Long value) {
            if (bigEndian) {
                w.putU64Be(value);
            } else {
                w.putU64(value);
            }
        }

        @Override
        public Long read(ByteBuffer buf, int offset, int length) {
            if (length != 8) {
                throw bad(kind + " attribute has a " + length + "-byte payload, expected 8", buf, offset);
            }
            long v = buf.getLong(offset);
            boolean bufBig = buf.order() == ByteOrder.BIG_ENDIAN;
            return bufBig == bigEndian ? v : Long.reverseBytes(v);
        }

        @Override
        public String format(Long value) {
            return Long.toUnsignedString(value);
        }
    }

    static final class Inet implements AttrCodec<InetAddress> {
        private final int size;

        Inet(int size) {
            this.size = size;
        }

        @Override
        public void validate(String attrName, InetAddress value) {
            if (size == 4 && !(value instanceof Inet4Address)) {
                throw new IllegalArgumentException(attrName + " must be an IPv4 address, was " + value.getHostAddress());
            }
            if (size == 16 && !(value instanceof Inet6Address)) {
                throw new IllegalArgumentException(attrName + " must be an IPv6 address, was " + value.getHostAddress());
            }
        }

        @Override
        public void write(MessageWriter w, InetAddress value) {
            w.putAddress(value);
        }

        @Override
        public InetAddress read(ByteBuffer buf, int offset, int length) {
            if ((size != 0 && length != size) || (size == 0 && length != 4 && length != 16)) {
                throw bad("address attribute has a " + length + "-byte payload, expected "
                        + (size == 0 ? "4 or 16" : Integer.toString(size)), buf, offset);
            }
            if (length == 4 && IPV4_HASH_IS_ADDRESS) {
                int v = buf.getInt(offset);
                return ipv4(buf.order() == ByteOrder.BIG_ENDIAN ? v : Integer.reverseBytes(v));
            }
            byte[] b = new byte[length];
            buf.get(offset, b);
            try {
                return InetAddress.getByAddress(b);
            } catch (UnknownHostException e) {
                throw new AssertionError("length checked above", e);
            }
        }

        @Override
        public String format(InetAddress value) {
            return value.getHostAddress();
        }
    }
}
