package io.github.netlink4j.rtnl.internal;

import io.github.netlink4j.core.MalformedMessageException;
import io.github.netlink4j.core.wire.Attr;
import io.github.netlink4j.core.wire.AttrCodec;
import io.github.netlink4j.core.wire.ByteString;
import io.github.netlink4j.core.wire.Hex;
import io.github.netlink4j.core.wire.MessageWriter;
import io.github.netlink4j.rtnl.AddressCacheInfo;
import io.github.netlink4j.rtnl.MacAddress;
import io.github.netlink4j.rtnl.NeighbourCacheInfo;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Attribute codecs of rtnetlink beyond the core vocabulary. */
public final class RtCodecs {
    private RtCodecs() {
    }

    /**
     * NLA_STRING written without a terminating NUL, as iproute2 writes IFLA_INFO_KIND and
     * IFLA_IFALIAS ({@code addattr_l(..., s, strlen(s))}); reading stops at a NUL if there is one.
     */
    public static final AttrCodec<String> STRING_NO_NUL = new AttrCodec<>() {
        @Override
        public void validate(String attrName, String value) {
            if (value.indexOf('\0') >= 0) {
                throw new IllegalArgumentException(attrName + ": string must not contain NUL, was \""
                        + value.replace("\0", "\\0") + "\"");
            }
        }

        @Override
        public void write(MessageWriter w, String value) {
            int n = value.length();
            for (int i = 0; i < n; i++) {
                if (value.charAt(i) >= 0x80) {
                    w.putBytes(value.getBytes(StandardCharsets.UTF_8));
                    return;
                }
            }
            for (int i = 0; i < n; i++) {
                w.putU8(value.charAt(i));
            }
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

    /** A link-layer address (IFLA_ADDRESS, IFLA_BROADCAST, NDA_LLADDR): 0..32 bytes (MAX_ADDR_LEN). */
    public static final AttrCodec<MacAddress> MAC = new AttrCodec<>() {
        @Override
        public void write(MessageWriter w, MacAddress value) {
            w.putBytes(value.bytes());
        }

        @Override
        public MacAddress read(ByteBuffer buf, int offset, int length) {
            if (length > MacAddress.MAX_ADDR_LEN) {
                throw new MalformedMessageException("link-layer address of " + length + " bytes, at most "
                        + MacAddress.MAX_ADDR_LEN, "", offset, Hex.excerpt(buf, offset));
            }
            return new MacAddress(ByteString.copyOf(buf, offset, length));
        }

        @Override
        public String format(MacAddress value) {
            return value.toString();
        }
    };

    /** struct ifa_cacheinfo { __u32 ifa_prefered; __u32 ifa_valid; __u32 cstamp; __u32 tstamp; }. */
    public static final AttrCodec<AddressCacheInfo> IFA_CACHEINFO = new AttrCodec<>() {
        @Override
        public void write(MessageWriter w, AddressCacheInfo c) {
            w.putU32((int) c.preferred()).putU32((int) c.valid()).putU32((int) c.created()).putU32((int) c.updated());
        }

        @Override
        public AddressCacheInfo read(ByteBuffer buf, int offset, int length) {
            requireLength("struct ifa_cacheinfo", 16, buf, offset, length);
            return new AddressCacheInfo(u32(buf, offset), u32(buf, offset + 4), u32(buf, offset + 8), u32(buf, offset + 12));
        }
    };

    /** struct nda_cacheinfo { __u32 ndm_confirmed; __u32 ndm_used; __u32 ndm_updated; __u32 ndm_refcnt; }. */
    public static final AttrCodec<NeighbourCacheInfo> NDA_CACHEINFO = new AttrCodec<>() {
        @Override
        public void write(MessageWriter w, NeighbourCacheInfo c) {
            w.putU32((int) c.confirmed()).putU32((int) c.used()).putU32((int) c.updated()).putU32((int) c.refcnt());
        }

        @Override
        public NeighbourCacheInfo read(ByteBuffer buf, int offset, int length) {
            requireLength("struct nda_cacheinfo", 16, buf, offset, length);
            return new NeighbourCacheInfo(u32(buf, offset), u32(buf, offset + 4), u32(buf, offset + 8), u32(buf, offset + 12));
        }
    };

    /** Writes u8 attribute {@code a} without boxing; {@code v} must be in 0..255. */
    public static void putU8(MessageWriter w, Attr<Integer> a, int v) {
        if (v < 0 || v > 0xff) {
            throw new IllegalArgumentException(a.name() + " must be in 0..255 (u8), was " + v);
        }
        int s = w.beginAttribute(a.type());
        w.putU8(v);
        w.endNested(s);
    }

    /** Writes u16 attribute {@code a} (host order) without boxing; {@code v} must be in 0..65535. */
    public static void putU16(MessageWriter w, Attr<Integer> a, int v) {
        if (v < 0 || v > 0xffff) {
            throw new IllegalArgumentException(a.name() + " must be in 0..65535 (u16), was " + v);
        }
        int s = w.beginAttribute(a.type());
        w.putU16(v);
        w.endNested(s);
    }

    /** Writes every attribute of {@code list} as received (no iterator). */
    public static void putAll(MessageWriter w, java.util.List<io.github.netlink4j.core.wire.RawAttribute> list) {
        for (int i = 0, n = list.size(); i < n; i++) {
            list.get(i).writeTo(w);
        }
    }

    private static void requireLength(String what, int expected, ByteBuffer buf, int offset, int length) {
        if (length != expected) {
            throw new MalformedMessageException(what + " of " + length + " bytes, expected " + expected, "", offset,
                    Hex.excerpt(buf, offset));
        }
    }

    private static long u32(ByteBuffer buf, int offset) {
        return buf.getInt(offset) & 0xFFFFFFFFL;
    }
}
