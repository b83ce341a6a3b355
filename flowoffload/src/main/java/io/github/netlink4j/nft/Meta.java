package io.github.netlink4j.nft;

import io.github.netlink4j.core.wire.Attr;
import io.github.netlink4j.core.wire.AttrReader;
import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.Codecs;
import io.github.netlink4j.core.wire.MessageWriter;

import java.util.Objects;

/**
 * {@code meta}: loads packet metadata {@code key} into register {@code dreg} (the load form; the set form is
 * {@link MetaSet}).
 *
 * <pre>
 * NFTA_EXPR_DATA
 *   NFTA_META_KEY   be32   enum nft_meta_keys    (nft writes the key first)
 *   NFTA_META_DREG  be32
 * </pre>
 */
public record Meta(MetaKey key, int dreg) implements Expr {
    // enum nft_meta_attributes
    static final Attr<Integer> NFTA_META_DREG = Attr.of(1, "NFTA_META_DREG", Codecs.U32_BE);
    static final Attr<Integer> NFTA_META_KEY = Attr.of(2, "NFTA_META_KEY", Codecs.U32_BE);
    static final Attr<Integer> NFTA_META_SREG = Attr.of(3, "NFTA_META_SREG", Codecs.U32_BE);
    static final AttrSchema SCHEMA = AttrSchema.of("nft_meta", "NFTA_META_", NFTA_META_DREG, NFTA_META_KEY, NFTA_META_SREG);

    public Meta {
        Objects.requireNonNull(key, "key");
        Wire.checkReg("meta destination", dreg);
    }

    @Override
    public String kind() {
        return "meta";
    }

    @Override
    public void encodeData(MessageWriter w) {
        w.putU32Attr(NFTA_META_KEY, key.number());
        w.putU32Attr(NFTA_META_DREG, dreg);
    }

    static Meta decode(AttrReader r) {
        int key = -1, dreg = -1;
        while (r.next()) {
            switch (r.type()) {
                case 1 -> dreg = r.u32Be();
                case 2 -> key = r.u32Be();
                default -> {
                    return null;
                }
            }
        }
        return key < 0 || dreg < 0 ? null : new Meta(MetaKey.of(key), dreg);
    }

    @Override
    public String toString() {
        return "[ meta load " + key + " => reg " + dreg + " ]";
    }
}
