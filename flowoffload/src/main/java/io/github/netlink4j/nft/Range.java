package io.github.netlink4j.nft;

import io.github.netlink4j.core.wire.Attr;
import io.github.netlink4j.core.wire.AttrReader;
import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.ByteString;
import io.github.netlink4j.core.wire.Codecs;
import io.github.netlink4j.core.wire.MessageWriter;
import io.github.netlink4j.nft.internal.Nf;

/**
 * {@code range}: register {@code sreg} lies in [from, to] (or, {@code negated}, outside it),
 * compared as big-endian numbers ({@code tcp dport 1000-2000}).
 *
 * <pre>
 * NFTA_EXPR_DATA
 *   NFTA_RANGE_SREG       be32
 *   NFTA_RANGE_OP         be32   enum nft_range_ops (NFT_RANGE_EQ 0, NFT_RANGE_NEQ 1)
 *   NFTA_RANGE_FROM_DATA  (nested) NFTA_DATA_VALUE
 *   NFTA_RANGE_TO_DATA    (nested) NFTA_DATA_VALUE
 * </pre>
 */
public record Range(int sreg, boolean negated, ByteString from, ByteString to) implements Expr {
    // enum nft_range_attributes
    static final Attr<Integer> NFTA_RANGE_SREG = Attr.of(1, "NFTA_RANGE_SREG", Codecs.U32_BE);
    static final Attr<Integer> NFTA_RANGE_OP = Attr.of(2, "NFTA_RANGE_OP", Codecs.U32_BE);
    static final Attr<Void> NFTA_RANGE_FROM_DATA = Attr.nested(3, "NFTA_RANGE_FROM_DATA", () -> Nf.DATA);
    static final Attr<Void> NFTA_RANGE_TO_DATA = Attr.nested(4, "NFTA_RANGE_TO_DATA", () -> Nf.DATA);
    static final AttrSchema SCHEMA = AttrSchema.of("nft_range", "NFTA_RANGE_", NFTA_RANGE_SREG, NFTA_RANGE_OP,
            NFTA_RANGE_FROM_DATA, NFTA_RANGE_TO_DATA);

    public Range {
        Wire.checkReg("range source", sreg);
        Wire.checkData("range start", from);
        Wire.checkData("range end", to);
        if (from.size() != to.size()) {
            throw new IllegalArgumentException("range bounds must have the same size, were " + from.size() + " and " + to.size());
        }
    }

    @Override
    public String kind() {
        return "range";
    }

    @Override
    public void encodeData(MessageWriter w) {
        w.putU32Attr(NFTA_RANGE_SREG, sreg);
        w.putU32Attr(NFTA_RANGE_OP, negated ? 1 : 0);
        Wire.putData(w, NFTA_RANGE_FROM_DATA, from);
        Wire.putData(w, NFTA_RANGE_TO_DATA, to);
    }

    static Range decode(AttrReader r) {
        int sreg = -1, op = -1;
        ByteString from = null, to = null;
        while (r.next()) {
            switch (r.type()) {
                case 1 -> sreg = r.u32Be();
                case 2 -> op = r.u32Be();
                case 3 -> from = Wire.dataValue(r);
                case 4 -> to = Wire.dataValue(r);
                default -> {
                    return null;
                }
            }
        }
        if (sreg < 0 || (op != 0 && op != 1) || from == null || to == null || from.size() != to.size()) {
            return null;
        }
        return new Range(sreg, op == 1, from, to);
    }

    @Override
    public String toString() {
        return "[ range " + (negated ? "neq" : "eq") + " reg " + sreg + " " + Wire.words(from) + " " + Wire.words(to) + " ]";
    }
}
