package io.github.netlink4j.core.wire;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Encodes netlink messages in one pass into a reusable direct buffer (host byte order unless a
 * method says {@code Be}). Lengths are back-patched: {@link #beginMessage} and {@link #beginNested}
 * return the start offset that {@link #endMessage} and {@link #endNested} complete.
 *
 * <p>The buffer grows when a message does not fit; offsets stay valid across growth. Not thread
 * safe: one writer per thread or per lock.
 *
 * <pre>
 * struct nlmsghdr { __u32 nlmsg_len; __u16 nlmsg_type; __u16 nlmsg_flags; __u32 nlmsg_seq; __u32 nlmsg_pid; };
 * struct nlattr   { __u16 nla_len; __u16 nla_type; };   // payload follows, padded to NLA_ALIGNTO (4)
 * </pre>
 */
public final class MessageWriter {
    private ByteBuffer buf;

    public MessageWriter() {
        this(8192);
    }

    public MessageWriter(int initialCapacity) {
        buf = ByteBuffer.allocateDirect(Math.max(64, initialCapacity)).order(ByteOrder.nativeOrder());
    }

    /** Discards everything written; the buffer is kept for reuse. */
    public MessageWriter clear() {
        buf.clear();
        return this;
    }

    /** Drops everything written from {@code position} on (to undo a message that did not fit). */
    public void truncate(int position) {
        if (position < 0 || position > buf.position()) {
            throw new IllegalArgumentException("position must be in 0.." + buf.position() + ", was " + position);
        }
        buf.position(position);
    }

    /** The number of bytes written so far. */
    public int position() {
        return buf.position();
    }

    /**
     * The written bytes [from, position) ready to send: a view whose position is 0 and limit is the
     * length. Valid until the next write.
     */
    public ByteBuffer slice(int from) {
        return buf.duplicate().order(ByteOrder.nativeOrder()).limit(buf.position()).position(from).slice()
                .order(ByteOrder.nativeOrder());
    }

    /** The underlying buffer (position = bytes written); valid until the next write. */
    public ByteBuffer buffer() {
        return buf;
    }

    /** A copy of bytes [from, to). */
    public byte[] toByteArray(int from, int to) {
        byte[] b = new byte[to - from];
        buf.get(from, b);
        return b;
    }

    /** A copy of everything written. */
    public byte[] toByteArray() {
        return toByteArray(0, buf.position());
    }

    private void ensure(int n) {
        if (buf.remaining() < n) {
            int cap = buf.capacity();
            while (cap - buf.position() < n) {
                cap *= 2;
            }
            ByteBuffer bigger = ByteBuffer.allocateDirect(cap).order(ByteOrder.nativeOrder());
            buf.flip();
            bigger.put(buf);
            buf = bigger;
        }
    }

    // --- messages -------------------------------------------------------------------------

    /**
     * Starts a message: writes an nlmsghdr with length 0, seq 0, pid 0.
     *
     * @return the offset of the header, for {@link #endMessage} and {@link #setSeq}
     */
    public int beginMessage(int type, int flags) {
        ensure(Nlmsg.HDRLEN);
        int start = buf.position();
        buf.putInt(0);
        buf.putShort((short) type);
        buf.putShort((short) flags);
        buf.putInt(0);
        buf.putInt(0);
        return start;
    }

    /** Completes the message started at {@code start}: pads to 4 bytes and back-patches nlmsg_len. */
    public void endMessage(int start) {
        align();
        buf.putInt(start, buf.position() - start);
    }

    /** Sets nlmsg_seq of the message at {@code start}. */
    public void setSeq(int start, int seq) {
        buf.putInt(start + 8, seq);
    }

    /** Ors {@code flags} into nlmsg_flags of the message at {@code start}. */
    public void addFlags(int start, int flags) {
        buf.putShort(start + 6, (short) (buf.getShort(start + 6) | flags));
    }

    /** Sets nlmsg_flags of the message at {@code start}. */
    public void setFlags(int start, int flags) {
        buf.putShort(start + 6, (short) flags);
    }

    // --- attributes -----------------------------------------------------------------------

    /** Writes attribute {@code attr} with {@code value}, validating the value first. */
    public <T> MessageWriter put(Attr<T> attr, T value) {
        AttrCodec<T> codec = attr.codec();
        codec.validate(attr.name(), value);
        ensure(Nlmsg.NLA_HDRLEN);
        int start = buf.position();
        buf.putInt(0);
        codec.write(this, value);
        int len = buf.position() - start;
        if (len > 0xffff) {
            throw new IllegalArgumentException(attr.name() + " payload is " + (len - 4) + " bytes, more than an attribute holds (65531)");
        }
        buf.putShort(start, (short) len);
        buf.putShort(start + 2, (short) attr.type());
        align();
        return this;
    }

    /** Writes {@code attr} only when {@code value} is non-null. */
    public <T> MessageWriter putIfPresent(Attr<T> attr, T value) {
        if (value != null) {
            put(attr, value);
        }
        return this;
    }

    /** Writes a flag attribute (zero-length payload). */
    public MessageWriter putFlag(Attr<Boolean> attr) {
        return put(attr, Boolean.TRUE);
    }

    /** Writes a u32 attribute without boxing. */
    public MessageWriter putU32Attr(Attr<Integer> attr, int value) {
        ensure(8);
        buf.putShort((short) 8);
        buf.putShort((short) attr.type());
        if (attr.codec() == Codecs.U32_BE) {
            buf.putInt(toBig(value));
        } else {
            buf.putInt(value);
        }
        return this;
    }

    /**
     * Writes u8, u16 or u32 attribute {@code attr} without boxing, in the byte order and size of its
     * codec ({@link Codecs#U8}, {@link Codecs#U16}, {@link Codecs#U16_BE}, {@link Codecs#U32},
     * {@link Codecs#U32_BE}, {@link Codecs#S32}), validating the value as {@link #put} does. Other
     * codecs go through {@link #put}.
     */
    public MessageWriter putInt(Attr<Integer> attr, int value) {
        AttrCodec<Integer> codec = attr.codec();
        if (!(codec instanceof Codecs.FixedInt)) {
            return put(attr, value);
        }
        Codecs.FixedInt c = (Codecs.FixedInt) codec;
        int size = c.size;
        if (size < 4 && (value < 0 || value >= (1 << (8 * size)))) {
            c.validate(attr.name(), value); // throws, naming the range
        }
        ensure(8);
        buf.putShort((short) (Nlmsg.NLA_HDRLEN + size));
        buf.putShort((short) attr.type());
        switch (size) {
            case 1 -> buf.put((byte) value);
            case 2 -> {
                if (c.bigEndian) {
                    buf.put((byte) (value >>> 8));
                    buf.put((byte) value);
                } else {
                    buf.putShort((short) value);
                }
            }
            default -> buf.putInt(c.bigEndian ? toBig(value) : value);
        }
        return align();
    }

    /**
     * Writes u64 attribute {@code attr} without boxing, in the byte order of its codec
     * ({@link Codecs#U64}, {@link Codecs#U64_BE}); other codecs go through {@link #put}.
     */
    public MessageWriter putLong(Attr<Long> attr, long value) {
        AttrCodec<Long> codec = attr.codec();
        if (!(codec instanceof Codecs.FixedLong)) {
            return put(attr, value);
        }
        ensure(12);
        buf.putShort((short) 12);
        buf.putShort((short) attr.type());
        boolean big = ((Codecs.FixedLong) codec).bigEndian;
        buf.putLong(big && buf.order() != ByteOrder.BIG_ENDIAN ? Long.reverseBytes(value) : value);
        return this;
    }

    /**
     * The 4 or 16 bytes of {@code a} in network order, as {@link InetAddress#getAddress()} gives
     * them, without the copy it makes for an IPv4 address.
     */
    public MessageWriter putAddress(InetAddress a) {
        if (a instanceof java.net.Inet4Address && Codecs.IPV4_HASH_IS_ADDRESS) {
            ensure(4);
            buf.putInt(toBig(a.hashCode()));
            return this;
        }
        return putBytes(a.getAddress());
    }

    private int toBig(int v) {
        return buf.order() == ByteOrder.BIG_ENDIAN ? v : Integer.reverseBytes(v);
    }

    /** Writes an attribute kept raw ({@code type} may carry NLA_F_* bits) byte for byte. */
    public MessageWriter putRaw(int type, ByteString payload) {
        ensure(Nlmsg.NLA_HDRLEN + payload.size() + 3);
        int len = Nlmsg.NLA_HDRLEN + payload.size();
        if (len > 0xffff) {
            throw new IllegalArgumentException("attribute " + type + " payload is " + payload.size() + " bytes, more than an attribute holds");
        }
        buf.putShort((short) len);
        buf.putShort((short) type);
        payload.writeTo(buf);
        align();
        return this;
    }

    /**
     * Starts nested attribute {@code attr}; its type is written with NLA_F_NESTED.
     *
     * @return the offset to pass to {@link #endNested}
     */
    public int beginNested(Attr<?> attr) {
        return beginNested(attr.type());
    }

    /**
     * Starts an attribute whose payload is written piecemeal (structs, or attributes that iproute2
     * writes without NLA_F_NESTED such as RTA_METRICS); complete it with {@link #endNested}.
     */
    public int beginAttribute(int type) {
        ensure(Nlmsg.NLA_HDRLEN);
        int start = buf.position();
        buf.putShort((short) 0);
        buf.putShort((short) type);
        return start;
    }

    /** Starts a nested attribute of numeric {@code type} (e.g. a list element numbered by index). */
    public int beginNested(int type) {
        ensure(Nlmsg.NLA_HDRLEN);
        int start = buf.position();
        buf.putShort((short) 0);
        buf.putShort((short) (type | Nlmsg.NLA_F_NESTED));
        return start;
    }

    /** Completes the nested attribute started at {@code start}, back-patching its length. */
    public void endNested(int start) {
        int len = buf.position() - start;
        if (len > 0xffff) {
            throw new IllegalArgumentException("nested attribute " + (buf.getShort(start + 2) & Nlmsg.NLA_TYPE_MAX)
                    + " is " + len + " bytes, more than an attribute holds (65535)");
        }
        buf.putShort(start, (short) len);
        align();
    }

    // --- raw payload (fixed headers such as struct rtmsg) -----------------------------------

    public MessageWriter putU8(int v) {
        ensure(1);
        buf.put((byte) v);
        return this;
    }

    /** u16 in host order. */
    public MessageWriter putU16(int v) {
        ensure(2);
        buf.putShort((short) v);
        return this;
    }

    /** u16 in network (big-endian) order. */
    public MessageWriter putU16Be(int v) {
        ensure(2);
        buf.put((byte) (v >>> 8));
        buf.put((byte) v);
        return this;
    }

    /** u32 in host order. */
    public MessageWriter putU32(int v) {
        ensure(4);
        buf.putInt(v);
        return this;
    }

    /** u32 in network (big-endian) order. */
    public MessageWriter putU32Be(int v) {
        ensure(4);
        buf.putInt(buf.order() == ByteOrder.BIG_ENDIAN ? v : Integer.reverseBytes(v));
        return this;
    }

    /** u64 in host order. */
    public MessageWriter putU64(long v) {
        ensure(8);
        buf.putLong(v);
        return this;
    }

    /** u64 in network (big-endian) order. */
    public MessageWriter putU64Be(long v) {
        ensure(8);
        buf.putLong(buf.order() == ByteOrder.BIG_ENDIAN ? v : Long.reverseBytes(v));
        return this;
    }

    public MessageWriter putBytes(byte[] b) {
        ensure(b.length);
        buf.put(b);
        return this;
    }

    public MessageWriter putBytes(ByteString b) {
        ensure(b.size());
        b.writeTo(buf);
        return this;
    }

    /** UTF-8 bytes of {@code s} and a terminating NUL. */
    public MessageWriter putString(String s) {
        int n = s.length();
        boolean ascii = true;
        for (int i = 0; i < n; i++) {
            if (s.charAt(i) >= 0x80) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            ensure(n + 1);
            for (int i = 0; i < n; i++) {
                buf.put((byte) s.charAt(i));
            }
        } else {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            ensure(b.length + 1);
            buf.put(b);
        }
        buf.put((byte) 0);
        return this;
    }

    public MessageWriter putZeros(int n) {
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf.put((byte) 0);
        }
        return this;
    }

    /** Pads with zeros to the next 4-byte boundary (NLA_ALIGN / NLMSG_ALIGN). */
    public MessageWriter align() {
        int pad = Nlmsg.align(buf.position()) - buf.position();
        if (pad > 0) {
            putZeros(pad);
        }
        return this;
    }
}
