package io.github.netlink4j.nft;

import io.github.netlink4j.core.wire.Attr;
import io.github.netlink4j.core.wire.AttrReader;
import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.Codecs;
import io.github.netlink4j.core.wire.MessageWriter;

/**
 * {@code payload}: loads {@code len} bytes at {@code offset} from {@code base} into register
 * {@code dreg} (the load form; payload writes decode as {@link RawExpr}).
 *
 * <pre>
 * NFTA_EXPR_DATA
 *   NFTA_PAYLOAD_DREG    be32
 *   NFTA_PAYLOAD_BASE    be32   enum nft_payload_bases
 *   NFTA_PAYLOAD_OFFSET  be32
 *   NFTA_PAYLOAD_LEN     be32
 * </pre>
 */
public record Payload(int dreg, PayloadBase base, int offset, int len) implements Expr {
    // enum nft_payload_attributes
    static final Attr<Integer> NFTA_PAYLOAD_DREG = Attr.of(1, "NFTA_PAYLOAD_DREG", Codecs.U32_BE);
    static final Attr<Integer> NFTA_PAYLOAD_BASE = Attr.of(2, "NFTA_PAYLOAD_BASE", Codecs.U32_BE);
    static final Attr<Integer> NFTA_PAYLOAD_OFFSET = Attr.of(3, "NFTA_PAYLOAD_OFFSET", Codecs.U32_BE);
    static final Attr<Integer> NFTA_PAYLOAD_LEN = Attr.of(4, "NFTA_PAYLOAD_LEN", Codecs.U32_BE);
    static final Attr<Integer> NFTA_PAYLOAD_SREG = Attr.of(5, "NFTA_PAYLOAD_SREG", Codecs.U32_BE);
    static final AttrSchema SCHEMA = AttrSchema.of("nft_payload", "NFTA_PAYLOAD_", NFTA_PAYLOAD_DREG, NFTA_PAYLOAD_BASE,
            NFTA_PAYLOAD_OFFSET, NFTA_PAYLOAD_LEN, NFTA_PAYLOAD_SREG);

    public Payload {
        Wire.checkReg("payload destination", dreg);
        java.util.Objects.requireNonNull(base, "base");
        if (offset < 0 || offset > 255) {
            throw new IllegalArgumentException("payload offset must be in 0..255, was " + offset);
        }
        if (len < 1 || len > 64) {
            throw new IllegalArgumentException("payload length must be in 1..64, was " + len);
        }
    }

    @Override
    public String kind() {
        return "payload";
    }

    @Override
    public void encodeData(MessageWriter w) {
        w.putU32Attr(NFTA_PAYLOAD_DREG, dreg);
        w.putU32Attr(NFTA_PAYLOAD_BASE, base.number());
        w.putU32Attr(NFTA_PAYLOAD_OFFSET, offset);
        w.putU32Attr(NFTA_PAYLOAD_LEN, len);
    }

    static Payload decode(AttrReader r) {
        int dreg = -1, base = -1, off = -1, len = -1;
        while (r.next()) {
            switch (r.type()) {
                case 1 -> dreg = r.u32Be();
                case 2 -> base = r.u32Be();
                case 3 -> off = r.u32Be();
                case 4 -> len = r.u32Be();
                default -> {
                    return null; // a payload write or checksum: kept raw
                }
            }
        }
        if (dreg < 0 || base < 0 || off < 0 || len < 0) {
            return null;
        }
        return new Payload(dreg, PayloadBase.of(base), off, len);
    }

    @Override
    public String toString() {
        return "[ payload load " + len + "b @ " + base + " header + " + offset + " => reg " + dreg + " ]";
    }
}
