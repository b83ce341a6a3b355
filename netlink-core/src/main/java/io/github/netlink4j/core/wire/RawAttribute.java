package io.github.netlink4j.core.wire;

import java.util.Objects;

/**
 * An attribute kept as it was received, because this library does not know it (an attribute from a
 * newer kernel, an unknown link kind's data). Re-encoding writes it back byte for byte.
 *
 * @param type    the nla_type field as received, NLA_F_NESTED / NLA_F_NET_BYTEORDER bits included
 * @param payload the payload, without header or padding
 */
public record RawAttribute(int type, ByteString payload) {
    public RawAttribute {
        Objects.requireNonNull(payload, "payload");
        if (type < 0 || type > 0xffff) {
            throw new IllegalArgumentException("attribute type must be in 0..65535, was " + type);
        }
        if (payload.size() > 0xffff - Nlmsg.NLA_HDRLEN) {
            throw new IllegalArgumentException("attribute payload must be at most 65531 bytes, was " + payload.size());
        }
    }

    /** The type without flag bits. */
    public int number() {
        return type & Nlmsg.NLA_TYPE_MASK;
    }

    public void writeTo(MessageWriter w) {
        w.putRaw(type, payload);
    }

    @Override
    public String toString() {
        return "attr " + number() + " " + payload;
    }
}
