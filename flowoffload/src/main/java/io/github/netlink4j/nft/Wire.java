package io.github.netlink4j.nft;

import io.github.netlink4j.core.MalformedMessageException;
import io.github.netlink4j.core.wire.Attr;
import io.github.netlink4j.core.wire.AttrReader;
import io.github.netlink4j.core.wire.ByteString;
import io.github.netlink4j.core.wire.MessageWriter;
import io.github.netlink4j.nft.internal.Nf;

import java.util.OptionalInt;

/** Encoding helpers shared by the expressions and objects of this package. */
final class Wire {
    private Wire() {
    }

    /**
     * A data attribute holding a value:
     * <pre>
     * attr (nested)
     *   NFTA_DATA_VALUE   bytes
     * </pre>
     */
    static void putData(MessageWriter w, Attr<Void> attr, ByteString value) {
        int s = w.beginNested(attr);
        w.put(Nf.NFTA_DATA_VALUE, value);
        w.endNested(s);
    }

    /** The NFTA_DATA_VALUE inside the current (nested) attribute of {@code r}. */
    static ByteString dataValue(AttrReader r) {
        AttrReader d = r.nested(Nf.DATA);
        while (d.next()) {
            if (d.type() == Nf.NFTA_DATA_VALUE.type()) {
                return d.bytes();
            }
        }
        throw r.malformed("no NFTA_DATA_VALUE in " + r.name(), r.payloadOffset());
    }

    static void putOpt(MessageWriter w, Attr<Integer> attr, OptionalInt v) {
        if (v.isPresent()) {
            w.putU32Attr(attr, v.getAsInt());
        }
    }

    static void checkReg(String what, int reg) {
        if (reg < 0 || reg > 23) {
            throw new IllegalArgumentException(what + " register must be in 0..23 (NFT_REG_VERDICT..NFT_REG32_15), was " + reg);
        }
    }

    static void checkData(String what, ByteString data) {
        if (data.size() < 1 || data.size() > 64) {
            throw new IllegalArgumentException(what + " must be 1..64 bytes (NFT_DATA_VALUE_MAXLEN), was " + data.size());
        }
    }

    static MalformedMessageException missing(AttrReader r, String what) {
        return r.malformed("missing " + what, r.buffer().position());
    }

    static String hex(ByteString b) {
        StringBuilder sb = new StringBuilder("0x");
        for (int i = 0; i < b.size(); i++) {
            sb.append(String.format("%02x", b.get(i)));
        }
        return sb.toString();
    }

    /** libnftnl's debug rendering of data: 32-bit words in host order, as {@code nft --debug=netlink} prints. */
    static String words(ByteString b) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < b.size(); i += 4) {
            int v = 0;
            for (int j = 0; j < 4; j++) {
                int idx = i + j;
                int byteVal = idx < b.size() ? b.get(idx) & 0xff : 0;
                v |= byteVal << (8 * j); // little-endian host
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(String.format("0x%08x", v));
        }
        return sb.toString();
    }
}
