package io.github.netlink4j.core.wire;

import io.github.netlink4j.core.MalformedMessageException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A cursor over the netlink messages in a received datagram ({@code buf[position, limit)}). The
 * current message is valid until the buffer is reused; copy what must outlive it.
 */
public final class MessageReader {
    private final ByteBuffer buf;
    private final int end;
    private int next;
    private int cur = -1;
    private int len;

    public MessageReader(ByteBuffer buf) {
        if (buf.order() != ByteOrder.nativeOrder()) {
            throw new IllegalArgumentException("message buffers must be in host byte order");
        }
        this.buf = buf;
        this.next = buf.position();
        this.end = buf.limit();
    }

    /** Advances to the next message; false at the end of the datagram. */
    public boolean next() {
        if (next >= end) {
            cur = -1;
            return false;
        }
        if (end - next < Nlmsg.HDRLEN) {
            throw new MalformedMessageException("trailing " + (end - next) + " bytes too short for a netlink header",
                    "", next, Hex.excerpt(buf, next));
        }
        int l = buf.getInt(next);
        if (l < Nlmsg.HDRLEN || l > end - next) {
            throw new MalformedMessageException("nlmsg_len " + Integer.toUnsignedString(l) + " outside "
                    + Nlmsg.HDRLEN + ".." + (end - next), "", next, Hex.excerpt(buf, next));
        }
        cur = next;
        len = l;
        next = Math.min(end, next + Nlmsg.align(l));
        return true;
    }

    private void requireCurrent() {
        if (cur < 0) {
            throw new IllegalStateException("no current message: call next() first");
        }
    }

    public ByteBuffer buffer() {
        return buf;
    }

    /** Absolute index of the current message's header. */
    public int offset() {
        requireCurrent();
        return cur;
    }

    /** nlmsg_len. */
    public int length() {
        requireCurrent();
        return len;
    }

    /** Absolute index just past the current message. */
    public int end() {
        return offset() + len;
    }

    public int type() {
        requireCurrent();
        return buf.getShort(cur + 4) & 0xffff;
    }

    public int flags() {
        requireCurrent();
        return buf.getShort(cur + 6) & 0xffff;
    }

    public int seq() {
        requireCurrent();
        return buf.getInt(cur + 8);
    }

    public int pid() {
        requireCurrent();
        return buf.getInt(cur + 12);
    }

    /** Absolute index of the payload (after the nlmsghdr). */
    public int payloadOffset() {
        return offset() + Nlmsg.HDRLEN;
    }

    public int payloadLength() {
        return length() - Nlmsg.HDRLEN;
    }

    /**
     * The attributes after a fixed family header of {@code headerLength} bytes (e.g. 12 for struct
     * rtmsg), read with {@code schema}.
     *
     * @throws MalformedMessageException when the payload is shorter than the header
     */
    public AttrReader attributes(int headerLength, AttrSchema schema) {
        requireCurrent();
        int start = payloadOffset() + Nlmsg.align(headerLength);
        if (payloadLength() < headerLength) {
            throw new MalformedMessageException("payload of " + payloadLength() + " bytes is shorter than its "
                    + headerLength + "-byte header", schema.family(), payloadOffset(), Hex.excerpt(buf, payloadOffset()));
        }
        return new AttrReader(buf, Math.min(start, end()), end(), schema);
    }

    /** Checks the payload holds at least {@code headerLength} bytes. */
    public void requirePayload(int headerLength, String what) {
        if (payloadLength() < headerLength) {
            throw new MalformedMessageException(what + " needs " + headerLength + " bytes, message has "
                    + payloadLength(), "", payloadOffset(), Hex.excerpt(buf, payloadOffset()));
        }
    }

    /** A copy of the current message's bytes. */
    public byte[] copy() {
        byte[] b = new byte[length()];
        buf.get(offset(), b);
        return b;
    }
}
