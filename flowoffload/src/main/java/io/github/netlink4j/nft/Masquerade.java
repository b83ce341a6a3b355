package io.github.netlink4j.nft;

import io.github.netlink4j.core.wire.Attr;
import io.github.netlink4j.core.wire.AttrReader;
import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.Codecs;
import io.github.netlink4j.core.wire.MessageWriter;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * {@code masq}: source NAT to the address of the outgoing interface, optionally to a port range in
 * registers.
 *
 * <pre>
 * NFTA_EXPR_DATA                    (empty for a plain "masquerade")
 *   NFTA_MASQ_FLAGS          be32   NF_NAT_RANGE_*
 *   NFTA_MASQ_REG_PROTO_MIN  be32
 *   NFTA_MASQ_REG_PROTO_MAX  be32
 * </pre>
 */
public record Masquerade(OptionalInt flags, OptionalInt regProtoMin, OptionalInt regProtoMax) implements Expr {
    // enum nft_masq_attributes
    static final Attr<Integer> NFTA_MASQ_FLAGS = Attr.of(1, "NFTA_MASQ_FLAGS", Codecs.U32_BE);
    static final Attr<Integer> NFTA_MASQ_REG_PROTO_MIN = Attr.of(2, "NFTA_MASQ_REG_PROTO_MIN", Codecs.U32_BE);
    static final Attr<Integer> NFTA_MASQ_REG_PROTO_MAX = Attr.of(3, "NFTA_MASQ_REG_PROTO_MAX", Codecs.U32_BE);
    static final AttrSchema SCHEMA = AttrSchema.of("nft_masq", "NFTA_MASQ_", NFTA_MASQ_FLAGS, NFTA_MASQ_REG_PROTO_MIN,
            NFTA_MASQ_REG_PROTO_MAX);

    public Masquerade {
        Objects.requireNonNull(flags, "flags");
        Objects.requireNonNull(regProtoMin, "regProtoMin");
        Objects.requireNonNull(regProtoMax, "regProtoMax");
    }

    /** A plain {@code masquerade}. */
    public Masquerade() {
        this(OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty());
    }

    @Override
    public String kind() {
        return "masq";
    }

    @Override
    public void encodeData(MessageWriter w) {
        Wire.putOpt(w, NFTA_MASQ_FLAGS, flags);
        Wire.putOpt(w, NFTA_MASQ_REG_PROTO_MIN, regProtoMin);
        Wire.putOpt(w, NFTA_MASQ_REG_PROTO_MAX, regProtoMax);
    }

    static Masquerade decode(AttrReader r) {
        OptionalInt[] v = {OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty()};
        while (r.next()) {
            if (r.type() < 1 || r.type() > 3) {
                return null;
            }
            v[r.type() - 1] = OptionalInt.of(r.u32Be());
        }
        return new Masquerade(v[0], v[1], v[2]);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[ masq");
        regProtoMin.ifPresent(x -> sb.append(" proto_min reg ").append(x));
        regProtoMax.ifPresent(x -> sb.append(" proto_max reg ").append(x));
        flags.ifPresent(x -> sb.append(" flags 0x").append(Integer.toHexString(x)));
        return sb.append(" ]").toString();
    }
}
