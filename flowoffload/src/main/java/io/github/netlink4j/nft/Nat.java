package io.github.netlink4j.nft;

import io.github.netlink4j.core.wire.Attr;
import io.github.netlink4j.core.wire.AttrReader;
import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.Codecs;
import io.github.netlink4j.core.wire.MessageWriter;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * {@code nat}: source or destination NAT to the addresses and ports held in registers (loaded by
 * {@link Immediate}s before it). {@code family} is the address family of those registers
 * (NFPROTO_IPV4 or NFPROTO_IPV6). Flags are {@code NF_NAT_RANGE_*} of
 * include/uapi/linux/netfilter/nf_nat.h; nft sets NF_NAT_RANGE_PROTO_SPECIFIED when a port is given,
 * and the kernel adds NF_NAT_RANGE_MAP_IPS (and reports addr_max = addr_min) in dumps.
 *
 * <pre>
 * NFTA_EXPR_DATA
 *   NFTA_NAT_TYPE           be32   enum nft_nat_types (NFT_NAT_SNAT 0, NFT_NAT_DNAT 1)
 *   NFTA_NAT_FAMILY         be32
 *   NFTA_NAT_REG_ADDR_MIN   be32   (optional, and so on)
 *   NFTA_NAT_REG_ADDR_MAX   be32
 *   NFTA_NAT_REG_PROTO_MIN  be32
 *   NFTA_NAT_REG_PROTO_MAX  be32
 *   NFTA_NAT_FLAGS          be32
 * </pre>
 */
public record Nat(boolean dnat, Family family, OptionalInt regAddrMin, OptionalInt regAddrMax,
                  OptionalInt regProtoMin, OptionalInt regProtoMax, OptionalInt flags) implements Expr {
    // enum nft_nat_attributes
    static final Attr<Integer> NFTA_NAT_TYPE = Attr.of(1, "NFTA_NAT_TYPE", Codecs.U32_BE);
    static final Attr<Integer> NFTA_NAT_FAMILY = Attr.of(2, "NFTA_NAT_FAMILY", Codecs.U32_BE);
    static final Attr<Integer> NFTA_NAT_REG_ADDR_MIN = Attr.of(3, "NFTA_NAT_REG_ADDR_MIN", Codecs.U32_BE);
    static final Attr<Integer> NFTA_NAT_REG_ADDR_MAX = Attr.of(4, "NFTA_NAT_REG_ADDR_MAX", Codecs.U32_BE);
    static final Attr<Integer> NFTA_NAT_REG_PROTO_MIN = Attr.of(5, "NFTA_NAT_REG_PROTO_MIN", Codecs.U32_BE);
    static final Attr<Integer> NFTA_NAT_REG_PROTO_MAX = Attr.of(6, "NFTA_NAT_REG_PROTO_MAX", Codecs.U32_BE);
    static final Attr<Integer> NFTA_NAT_FLAGS = Attr.of(7, "NFTA_NAT_FLAGS", Codecs.U32_BE);
    static final AttrSchema SCHEMA = AttrSchema.of("nft_nat", "NFTA_NAT_", NFTA_NAT_TYPE, NFTA_NAT_FAMILY,
            NFTA_NAT_REG_ADDR_MIN, NFTA_NAT_REG_ADDR_MAX, NFTA_NAT_REG_PROTO_MIN, NFTA_NAT_REG_PROTO_MAX, NFTA_NAT_FLAGS);
    /** enum nft_nat_types */
    static final int NFT_NAT_SNAT = 0;
    static final int NFT_NAT_DNAT = 1;
    /** #define NF_NAT_RANGE_MAP_IPS (1 << 0) */
    public static final int NF_NAT_RANGE_MAP_IPS = 1;
    /** #define NF_NAT_RANGE_PROTO_SPECIFIED (1 << 1) */
    public static final int NF_NAT_RANGE_PROTO_SPECIFIED = 2;
    /** #define NF_NAT_RANGE_PROTO_RANDOM (1 << 2) */
    public static final int NF_NAT_RANGE_PROTO_RANDOM = 4;
    /** #define NF_NAT_RANGE_PERSISTENT (1 << 3) */
    public static final int NF_NAT_RANGE_PERSISTENT = 8;

    public Nat {
        Objects.requireNonNull(family, "family");
        if (!family.equals(Family.IP) && !family.equals(Family.IP6)) {
            throw new IllegalArgumentException("nat family must be ip (NFPROTO_IPV4) or ip6 (NFPROTO_IPV6), was " + family);
        }
        for (OptionalInt r : new OptionalInt[]{regAddrMin, regAddrMax, regProtoMin, regProtoMax}) {
            Objects.requireNonNull(r);
            if (r.isPresent()) {
                Wire.checkReg("nat", r.getAsInt());
            }
        }
        Objects.requireNonNull(flags, "flags");
    }

    @Override
    public String kind() {
        return "nat";
    }

    @Override
    public void encodeData(MessageWriter w) {
        w.putU32Attr(NFTA_NAT_TYPE, dnat ? NFT_NAT_DNAT : NFT_NAT_SNAT);
        w.putU32Attr(NFTA_NAT_FAMILY, family.number());
        Wire.putOpt(w, NFTA_NAT_REG_ADDR_MIN, regAddrMin);
        Wire.putOpt(w, NFTA_NAT_REG_ADDR_MAX, regAddrMax);
        Wire.putOpt(w, NFTA_NAT_REG_PROTO_MIN, regProtoMin);
        Wire.putOpt(w, NFTA_NAT_REG_PROTO_MAX, regProtoMax);
        Wire.putOpt(w, NFTA_NAT_FLAGS, flags);
    }

    static Nat decode(AttrReader r) {
        int type = -1, fam = -1;
        OptionalInt[] v = {OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty()};
        while (r.next()) {
            int t = r.type();
            if (t == 1) {
                type = r.u32Be();
            } else if (t == 2) {
                fam = r.u32Be();
            } else if (t >= 3 && t <= 7) {
                v[t - 3] = OptionalInt.of(r.u32Be());
            } else {
                return null;
            }
        }
        if ((type != 0 && type != 1) || (fam != 2 && fam != 10)) {
            return null;
        }
        for (int i = 0; i < 4; i++) {
            if (v[i].isPresent() && (v[i].getAsInt() < 0 || v[i].getAsInt() > 23)) {
                return null;
            }
        }
        return new Nat(type == 1, Family.of(fam), v[0], v[1], v[2], v[3], v[4]);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[ nat ").append(dnat ? "dnat" : "snat").append(' ')
                .append(family.keyword());
        regAddrMin.ifPresent(x -> sb.append(" addr_min reg ").append(x));
        regAddrMax.ifPresent(x -> sb.append(" addr_max reg ").append(x));
        regProtoMin.ifPresent(x -> sb.append(" proto_min reg ").append(x));
        regProtoMax.ifPresent(x -> sb.append(" proto_max reg ").append(x));
        flags.ifPresent(x -> sb.append(" flags 0x").append(Integer.toHexString(x)));
        return sb.append(" ]").toString();
    }
}
