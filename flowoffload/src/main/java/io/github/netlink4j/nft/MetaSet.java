package io.github.netlink4j.nft;

import io.github.netlink4j.core.wire.AttrReader;
import io.github.netlink4j.core.wire.MessageWriter;

import java.util.Objects;

/**
 * {@code meta KEY set ...}: writes register {@code sreg} into packet metadata {@code key} (the set
 * form of {@link Meta}; {@code meta mark set 0x64} is an {@link Immediate} value then this).
 *
 * <pre>
 * NFTA_EXPR_DATA
 *   NFTA_META_KEY   be32   enum nft_meta_keys
 *   NFTA_META_SREG  be32
 * </pre>
 */
public record MetaSet(MetaKey key, int sreg) implements Expr {
    public MetaSet {
        Objects.requireNonNull(key, "key");
        Wire.checkReg("meta source", sreg);
    }

    @Override
    public String kind() {
        return "meta";
    }

    @Override
    public void encodeData(MessageWriter w) {
        w.putU32Attr(Meta.NFTA_META_KEY, key.number());
        w.putU32Attr(Meta.NFTA_META_SREG, sreg);
    }

    static MetaSet decode(AttrReader r) {
        int key = -1, sreg = -1;
        while (r.next()) {
            switch (r.type()) {
                case 2 -> key = r.u32Be();
                case 3 -> sreg = r.u32Be();
                default -> {
                    return null;
                }
            }
        }
        return key < 0 || sreg < 0 ? null : new MetaSet(MetaKey.of(key), sreg);
    }

    @Override
    public String toString() {
        return "[ meta set " + key + " with reg " + sreg + " ]";
    }
}
