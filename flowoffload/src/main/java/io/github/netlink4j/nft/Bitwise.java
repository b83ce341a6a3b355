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
 * {@code bitwise}: {@code dreg = (sreg & mask) ^ xor} over {@code len} bytes (NFT_BITWISE_MASK_XOR,
 * the boolean form nft writes for prefixes and flag tests; shifts decode as {@link RawExpr}).
 *
 * <pre>
 * NFTA_EXPR_DATA
 *   NFTA_BITWISE_SREG  be32
 *   NFTA_BITWISE_DREG  be32
 *   NFTA_BITWISE_LEN   be32
 *   NFTA_BITWISE_MASK  (nested) NFTA_DATA_VALUE
 *   NFTA_BITWISE_XOR   (nested) NFTA_DATA_VALUE
 * </pre>
 */
public record Bitwise(int sreg, int dreg, int len, ByteString mask, ByteString xor) implements Expr {
    // enum nft_bitwise_attributes
    static final Attr<Integer> NFTA_BITWISE_SREG = Attr.of(1, "NFTA_BITWISE_SREG", Codecs.U32_BE);
    static final Attr<Integer> NFTA_BITWISE_DREG = Attr.of(2, "NFTA_BITWISE_DREG", Codecs.U32_BE);
    static final Attr<Integer> NFTA_BITWISE_LEN = Attr.of(3, "NFTA_BITWISE_LEN", Codecs.U32_BE);
    static final Attr<Void> NFTA_BITWISE_MASK = Attr.nested(4, "NFTA_BITWISE_MASK", () -> Nf.DATA);
    static final Attr<Void> NFTA_BITWISE_XOR = Attr.nested(5, "NFTA_BITWISE_XOR", () -> Nf.DATA);
    static final Attr<Integer> NFTA_BITWISE_OP = Attr.of(6, "NFTA_BITWISE_OP", Codecs.U32_BE);
    static final AttrSchema SCHEMA = AttrSchema.of("nft_bitwise", "NFTA_BITWISE_", NFTA_BITWISE_SREG, NFTA_BITWISE_DREG,
            NFTA_BITWISE_LEN, NFTA_BITWISE_MASK, NFTA_BITWISE_XOR, NFTA_BITWISE_OP);

    public Bitwise {
        Wire.checkReg("bitwise source", sreg);
        Wire.checkReg("bitwise destination", dreg);
        Objects.requireNonNull(mask, "mask");
        Objects.requireNonNull(xor, "xor");
        if (len < 1 || len > 64 || mask.size() != len || xor.size() != len) {
            throw new IllegalArgumentException("bitwise length must be 1..64 and equal the mask and xor sizes, was len "
                    + len + ", mask " + mask.size() + ", xor " + xor.size());
        }
    }

    /** {@code reg &= mask} in place. */
    public static Bitwise and(int reg, ByteString mask) {
        return new Bitwise(reg, reg, mask.size(), mask, ByteString.of(new byte[mask.size()]));
    }

    @Override
    public String kind() {
        return "bitwise";
    }

    @Override
    public void encodeData(MessageWriter w) {
        w.putU32Attr(NFTA_BITWISE_SREG, sreg);
        w.putU32Attr(NFTA_BITWISE_DREG, dreg);
        w.putU32Attr(NFTA_BITWISE_LEN, len);
        Wire.putData(w, NFTA_BITWISE_MASK, mask);
        Wire.putData(w, NFTA_BITWISE_XOR, xor);
    }

    static Bitwise decode(AttrReader r) {
        int sreg = -1, dreg = -1, len = -1;
        ByteString mask = null, xor = null;
        while (r.next()) {
            switch (r.type()) {
                case 1 -> sreg = r.u32Be();
                case 2 -> dreg = r.u32Be();
                case 3 -> len = r.u32Be();
                case 4 -> mask = Wire.dataValue(r);
                case 5 -> xor = Wire.dataValue(r);
                case 6 -> {
                    if (r.u32Be() != 0) {
                        return null; // a shift
                    }
                }
                default -> {
                    return null;
                }
            }
        }
        if (sreg < 0 || dreg < 0 || mask == null || xor == null || mask.size() != len || xor.size() != len) {
            return null;
        }
        return new Bitwise(sreg, dreg, len, mask, xor);
    }

    @Override
    public String toString() {
        return "[ bitwise reg " + dreg + " = ( reg " + sreg + " & " + Wire.words(mask) + " ) ^ " + Wire.words(xor) + " ]";
    }
}
