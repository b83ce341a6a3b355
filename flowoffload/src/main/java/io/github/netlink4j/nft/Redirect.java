package io.github.netlink4j.nft;

import io.github.netlink4j.core.wire.Attr;
import io.github.netlink4j.core.wire.AttrReader;
import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.Codecs;
import io.github.netlink4j.core.wire.MessageWriter;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * {@code redir}: destination NAT to the local machine, optionally to a port range in registers.
 *
 * <pre>
 * NFTA_EXPR_DATA
 *   NFTA_REDIR_REG_PROTO_MIN  be32
 *   NFTA_REDIR_REG_PROTO_MAX  be32
 *   NFTA_REDIR_FLAGS          be32   NF_NAT_RANGE_*
 * </pre>
 */
public record Redirect(OptionalInt regProtoMin, OptionalInt regProtoMax, OptionalInt flags) implements Expr {
    // enum nft_redir_attributes
    static final Attr<Integer> NFTA_REDIR_REG_PROTO_MIN = Attr.of(1, "NFTA_REDIR_REG_PROTO_MIN", Codecs.U32_BE);
    static final Attr<Integer> NFTA_REDIR_REG_PROTO_MAX = Attr.of(2, "NFTA_REDIR_REG_PROTO_MAX", Codecs.U32_BE);
    static final Attr<Integer> NFTA_REDIR_FLAGS = Attr.of(3, "NFTA_REDIR_FLAGS", Codecs.U32_BE);
    static final AttrSchema SCHEMA = AttrSchema.of("nft_redir", "NFTA_REDIR_", NFTA_REDIR_REG_PROTO_MIN,
            NFTA_REDIR_REG_PROTO_MAX, NFTA_REDIR_FLAGS);

    public Redirect {
        Objects.requireNonNull(regProtoMin, "regProtoMin");
        Objects.requireNonNull(regProtoMax, "regProtoMax");
        Objects.requireNonNull(flags, "flags");
    }

    @Override
    public String kind() {
        return "redir";
    }

    @Override
    public void encodeData(MessageWriter w) {
        Wire.putOpt(w, NFTA_REDIR_REG_PROTO_MIN, regProtoMin);
        Wire.putOpt(w, NFTA_REDIR_REG_PROTO_MAX, regProtoMax);
        Wire.putOpt(w, NFTA_REDIR_FLAGS, flags);
    }

    static Redirect decode(AttrReader r) {
        OptionalInt[] v = {OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty()};
        while (r.next()) {
            if (r.type() < 1 || r.type() > 3) {
                return null;
            }
            v[r.type() - 1] = OptionalInt.of(r.u32Be());
        }
        return new Redirect(v[0], v[1], v[2]);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[ redir");
        regProtoMin.ifPresent(x -> sb.append(" proto_min reg ").append(x));
        regProtoMax.ifPresent(x -> sb.append(" proto_max reg ").append(x));
        flags.ifPresent(x -> sb.append(" flags 0x").append(Integer.toHexString(x)));
        return sb.append(" ]").toString();
    }
}
