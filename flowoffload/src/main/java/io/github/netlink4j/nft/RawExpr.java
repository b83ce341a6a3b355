package io.github.netlink4j.nft;

import io.github.netlink4j.core.wire.ByteString;
import io.github.netlink4j.core.wire.MessageWriter;

import java.util.Objects;

/**
 * An expression kept as received: one this library does not know, or a form of a known one it does
 * not model (a payload write, a {@code meta set}). Its NFTA_EXPR_DATA contents are re-emitted byte
 * for byte.
 *
 * @param kind the expression's kernel name (NFTA_EXPR_NAME)
 * @param data the attributes inside NFTA_EXPR_DATA, as received
 */
public record RawExpr(String kind, ByteString data) implements Expr {
    public RawExpr {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(data, "data");
        if (kind.isEmpty() || kind.length() > 15) {
            throw new IllegalArgumentException("expression name must be 1..15 characters, was '" + kind + "'");
        }
    }

    @Override
    public void encodeData(MessageWriter w) {
        w.putBytes(data);
    }

    @Override
    public String toString() {
        return "[ " + kind + " raw " + data.hex() + " ]";
    }
}
