package io.github.netlink4j.nft;

import io.github.netlink4j.core.wire.Attr;
import io.github.netlink4j.core.wire.AttrReader;
import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.ByteString;
import io.github.netlink4j.core.wire.Codecs;
import io.github.netlink4j.core.wire.MessageWriter;
import io.github.netlink4j.nft.internal.Nf;

import java.util.Objects;

/**
 * {@code cmp}: compares register {@code sreg} with {@code data}; the rule stops unless it holds.
 * The data is in the byte order of what was loaded (network order for payload, host order for
 * meta mark and ct state).
 *
 * <pre>
 * NFTA_EXPR_DATA
 *   NFTA_CMP_SREG  be32
 *   NFTA_CMP_OP    be32   enum nft_cmp_ops
 *   NFTA_CMP_DATA  (nested)
 *     NFTA_DATA_VALUE  bytes
 * </pre>
 */
public record Cmp(int sreg, CmpOp op, ByteString data) implements Expr {
    // enum nft_cmp_attributes
    static final Attr<Integer> NFTA_CMP_SREG = Attr.of(1, "NFTA_CMP_SREG", Codecs.U32_BE);
    static final Attr<Integer> NFTA_CMP_OP = Attr.of(2, "NFTA_CMP_OP", Codecs.U32_BE);
    static final Attr<Void> NFTA_CMP_DATA = Attr.nested(3, "NFTA_CMP_DATA", () -> Nf.DATA);
    static final AttrSchema SCHEMA = AttrSchema.of("nft_cmp", "NFTA_CMP_", NFTA_CMP_SREG, NFTA_CMP_OP, NFTA_CMP_DATA);

    public Cmp {
        Wire.checkReg("cmp source", sreg);
        Objects.requireNonNull(op, "op");
        Wire.checkData("cmp data", data);
    }

    /** {@code reg == data}. */
    public static Cmp eq(int sreg, ByteString data) {
        return new Cmp(sreg, CmpOp.EQ, data);
    }

    @Override
    public String kind() {
        return "cmp";
    }

    @Override
    public void encodeData(MessageWriter w) {
        w.putU32Attr(NFTA_CMP_SREG, sreg);
        w.putU32Attr(NFTA_CMP_OP, op.number());
        Wire.putData(w, NFTA_CMP_DATA, data);
    }

    static Cmp decode(AttrReader r) {
        int sreg = -1, op = -1;
        ByteString data = null;
        while (r.next()) {
            switch (r.type()) {
                case 1 -> sreg = r.u32Be();
                case 2 -> op = r.u32Be();
                case 3 -> data = Wire.dataValue(r);
                default -> {
                    return null;
                }
            }
        }
        return sreg < 0 || op < 0 || data == null ? null : new Cmp(sreg, CmpOp.of(op), data);
    }

    @Override
    public String toString() {
        return "[ cmp " + op + " reg " + sreg + " " + Wire.words(data) + " ]";
    }
}
