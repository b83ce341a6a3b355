package io.github.netlink4j.core.wire;

import io.github.netlink4j.core.MalformedMessageException;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A cursor over the attributes in {@code buf[start, end)}, decoding by schema. Values it returns
 * are copies: nothing aliases the (reused) receive buffer.
 *
 * <pre>{@code
 * AttrReader r = ...;
 * while (r.next()) {
 *     switch (r.type()) {
 *         case RTA_OIF -> oif = r.u32();
 *         case RTA_ENCAP -> encap = decodeEncap(r.nested(encapSchema));
 *         default -> unknown.add(r.raw());
 *     }
 * }
 * }</pre>
 *
 * Any violation of the netlink rules (length below 4, past the end) or of the attribute's type
 * (a u32 with 3 bytes) throws {@link MalformedMessageException} naming the attribute path.
 */
public final class AttrReader {
    private final ByteBuffer buf;
    private final int end;
    private final AttrSchema schema;
    private final String parentPath;
    private int next;
    private int cur = -1;
    private int curLen;
    private int curType;

    /**
     * @param buf    the buffer (its byte order must be the host's)
     * @param start  absolute index of the first attribute
     * @param end    absolute index just past the last
     * @param schema the attributes expected at this level
     */
    public AttrReader(ByteBuffer buf, int start, int end, AttrSchema schema) {
        this(buf, start, end, schema, "");
    }

    private AttrReader(ByteBuffer buf, int start, int end, AttrSchema schema, String parentPath) {
        if (buf.order() != ByteOrder.nativeOrder()) {
            throw new IllegalArgumentException("attribute buffers must be in host byte order");
        }
        if (start < 0 || end > buf.limit() || start > end) {
            throw new MalformedMessageException("attribute area [" + start + ", " + end + ") outside the buffer (limit "
                    + buf.limit() + ")", parentPath, Math.max(0, Math.min(start, buf.limit())), "");
        }
        this.buf = buf;
        this.end = end;
        this.schema = schema;
        this.parentPath = parentPath;
        this.next = start;
    }

    /** Advances to the next attribute; false at the end. */
    public boolean next() {
        if (next >= end) {
            cur = -1;
            return false;
        }
        if (end - next < Nlmsg.NLA_HDRLEN) {
            throw malformed("trailing " + (end - next) + " bytes too short for an attribute header", next);
        }
        int len = buf.getShort(next) & 0xffff;
        if (len < Nlmsg.NLA_HDRLEN) {
            throw malformed("attribute length " + len + " below the header size 4", next);
        }
        if (len > end - next) {
            throw malformed("attribute length " + len + " runs past the end of its container by "
                    + (len - (end - next)) + " bytes", next);
        }
        cur = next;
        curLen = len;
        curType = buf.getShort(next + 2) & 0xffff;
        next = Math.min(end, next + Nlmsg.align(len));
        return true;
    }

    private void requireCurrent() {
        if (cur < 0) {
            throw new IllegalStateException("no current attribute: call next() first");
        }
    }

    /** The current attribute's type, without the NLA_F_NESTED / NLA_F_NET_BYTEORDER bits. */
    public int type() {
        requireCurrent();
        return curType & Nlmsg.NLA_TYPE_MASK;
    }

    /** The current attribute's type field as sent, flag bits included. */
    public int rawType() {
        requireCurrent();
        return curType;
    }

    /** The name of the current attribute from the schema ({@code PREFIX + n} when unknown). */
    public String name() {
        return schema.nameOf(type());
    }

    /** Absolute index of the current attribute's payload. */
    public int payloadOffset() {
        requireCurrent();
        return cur + Nlmsg.NLA_HDRLEN;
    }

    public int payloadLength() {
        requireCurrent();
        return curLen - Nlmsg.NLA_HDRLEN;
    }

    /** The attribute path of the current attribute, e.g. {@code RTA_ENCAP > LWTUNNEL_IP_DST}. */
    public String path() {
        return parentPath.isEmpty() ? name() : parentPath + " > " + name();
    }

    /** The buffer being read. */
    public ByteBuffer buffer() {
        return buf;
    }

    /** Decodes the current payload with {@code attr}'s codec. */
    public <T> T get(Attr<T> attr) {
        return decode(attr.codec());
    }

    /** Decodes the current payload with {@code codec}. */
    public <T> T decode(AttrCodec<T> codec) {
        requireCurrent();
        try {
            return codec.read(buf, payloadOffset(), payloadLength());
        } catch (MalformedMessageException e) {
            throw new MalformedMessageException(stripProblem(e), path(), e.offset(), e.excerpt());
        } catch (RuntimeException e) {
            throw malformed("cannot decode: " + e, payloadOffset());
        }
    }

    private static String stripProblem(MalformedMessageException e) {
        String m = e.getMessage();
        int i = m.indexOf(" at offset ");
        return i > 0 ? m.substring(0, i) : m;
    }

    public int u8() {
        return decode(Codecs.U8);
    }

    public int u16() {
        return decode(Codecs.U16);
    }

    public int u16Be() {
        return decode(Codecs.U16_BE);
    }

    public int u32() {
        requireCurrent();
        if (curLen != 8) {
            return decode(Codecs.U32);
        }
        return buf.getInt(cur + Nlmsg.NLA_HDRLEN);
    }

    public int u32Be() {
        return decode(Codecs.U32_BE);
    }

    public long u64() {
        return decode(Codecs.U64);
    }

    public long u64Be() {
        return decode(Codecs.U64_BE);
    }

    public String string() {
        return decode(Codecs.STRING);
    }

    public ByteString bytes() {
        return decode(Codecs.BYTES);
    }

    public InetAddress inet() {
        return decode(Codecs.INET);
    }

    /** The current attribute, header type flags included, as a raw value to re-emit unchanged. */
    public RawAttribute raw() {
        requireCurrent();
        return new RawAttribute(curType, ByteString.copyOf(buf, payloadOffset(), payloadLength()));
    }

    /** A reader over the current attribute's contents, using its schema from this level's schema. */
    public AttrReader nested() {
        Attr<?> a = schema.attr(type());
        return nested(a != null && a.isNested() ? a.schema() : AttrSchema.OPAQUE);
    }

    /** A reader over the current attribute's contents with {@code childSchema}. */
    public AttrReader nested(AttrSchema childSchema) {
        requireCurrent();
        return new AttrReader(buf, payloadOffset(), cur + curLen, childSchema, path());
    }

    /** A malformed-message exception at {@code offset}, naming this level's path. */
    public MalformedMessageException malformed(String problem, int offset) {
        String p = cur >= 0 ? path() : parentPath;
        return new MalformedMessageException(problem, p, offset, Hex.excerpt(buf, Math.min(offset, buf.limit() - 1)));
    }
}
