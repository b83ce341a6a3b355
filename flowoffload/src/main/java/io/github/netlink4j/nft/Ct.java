package io.github.netlink4j.nft;

import io.github.netlink4j.core.wire.Attr;
import io.github.netlink4j.core.wire.AttrReader;
import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.Codecs;
import io.github.netlink4j.core.wire.MessageWriter;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * {@code ct}: loads conntrack data {@code key} (state, mark, status, direction...) into register
 * {@code dreg}, optionally of one direction (IP_CT_DIR_ORIGINAL 0, IP_CT_DIR_REPLY 1). The load form;
 * {@code ct ... set} decodes as {@link RawExpr}.
 *
 * <pre>
 * NFTA_EXPR_DATA
 *   NFTA_CT_KEY        be32   enum nft_ct_keys   (nft writes the key first)
 *   NFTA_CT_DREG       be32
 *   NFTA_CT_DIRECTION  u8     (optional)
 * </pre>
 */
public record Ct(CtKey key, int dreg, OptionalInt direction) implements Expr {
    // enum nft_ct_attributes
    static final Attr<Integer> NFTA_CT_DREG = Attr.of(1, "NFTA_CT_DREG", Codecs.U32_BE);
    static final Attr<Integer> NFTA_CT_KEY = Attr.of(2, "NFTA_CT_KEY", Codecs.U32_BE);
    static final Attr<Integer> NFTA_CT_DIRECTION = Attr.of(3, "NFTA_CT_DIRECTION", Codecs.U8);
    static final Attr<Integer> NFTA_CT_SREG = Attr.of(4, "NFTA_CT_SREG", Codecs.U32_BE);
    static final AttrSchema SCHEMA = AttrSchema.of("nft_ct", "NFTA_CT_", NFTA_CT_DREG, NFTA_CT_KEY, NFTA_CT_DIRECTION, NFTA_CT_SREG);

    public Ct {
        Objects.requireNonNull(key, "key");
        Wire.checkReg("ct destination", dreg);
        Objects.requireNonNull(direction, "direction");
        if (direction.isPresent() && (direction.getAsInt() < 0 || direction.getAsInt() > 1)) {
            throw new IllegalArgumentException("ct direction must be 0 (original) or 1 (reply), was " + direction.getAsInt());
        }
    }

    public Ct(CtKey key, int dreg) {
        this(key, dreg, OptionalInt.empty());
    }

    @Override
    public String kind() {
        return "ct";
    }

    @Override
    public void encodeData(MessageWriter w) {
        w.putU32Attr(NFTA_CT_KEY, key.number());
        w.putU32Attr(NFTA_CT_DREG, dreg);
        if (direction.isPresent()) {
            w.put(NFTA_CT_DIRECTION, direction.getAsInt());
        }
    }

    static Ct decode(AttrReader r) {
        int key = -1, dreg = -1, dir = -1;
        while (r.next()) {
            switch (r.type()) {
                case 1 -> dreg = r.u32Be();
                case 2 -> key = r.u32Be();
                case 3 -> dir = r.u8();
                default -> {
                    return null;
                }
            }
        }
        if (key < 0 || dreg < 0 || dir > 1) {
            return null;
        }
        return new Ct(CtKey.of(key), dreg, dir < 0 ? OptionalInt.empty() : OptionalInt.of(dir));
    }

    @Override
    public String toString() {
        return "[ ct load " + key + " => reg " + dreg + (direction.isPresent() ? ", dir "
                + (direction.getAsInt() == 0 ? "original" : "reply") : "") + " ]";
    }
}
