package io.github.netlink4j.nft;

import io.github.netlink4j.core.wire.Attr;
import io.github.netlink4j.core.wire.AttrReader;
import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.Codecs;
import io.github.netlink4j.core.wire.MessageWriter;

/**
 * {@code reject}: drops the packet and answers it: {@code enum nft_reject_types} (NFT_REJECT_ICMP_UNREACH 0,
 * NFT_REJECT_TCP_RST 1, NFT_REJECT_ICMPX_UNREACH 2) with an ICMP code (for ICMPX, {@code enum
 * nft_reject_inet_code}: NFT_REJECT_ICMPX_PORT_UNREACH 1 is nft's plain {@code reject}).
 *
 * <pre>
 * NFTA_EXPR_DATA
 *   NFTA_REJECT_TYPE       be32
 *   NFTA_REJECT_ICMP_CODE  u8
 * </pre>
 */
public record Reject(int type, int icmpCode) implements Expr {
    // enum nft_reject_attributes
    static final Attr<Integer> NFTA_REJECT_TYPE = Attr.of(1, "NFTA_REJECT_TYPE", Codecs.U32_BE);
    static final Attr<Integer> NFTA_REJECT_ICMP_CODE = Attr.of(2, "NFTA_REJECT_ICMP_CODE", Codecs.U8);
    static final AttrSchema SCHEMA = AttrSchema.of("nft_reject", "NFTA_REJECT_", NFTA_REJECT_TYPE, NFTA_REJECT_ICMP_CODE);
    public static final int NFT_REJECT_ICMP_UNREACH = 0;
    public static final int NFT_REJECT_TCP_RST = 1;
    public static final int NFT_REJECT_ICMPX_UNREACH = 2;
    public static final int NFT_REJECT_ICMPX_PORT_UNREACH = 1;

    public Reject {
        if (type < 0 || type > 2) {
            throw new IllegalArgumentException("reject type must be in 0..2 (enum nft_reject_types), was " + type);
        }
        if (icmpCode < 0 || icmpCode > 255) {
            throw new IllegalArgumentException("reject icmp code must be in 0..255, was " + icmpCode);
        }
    }

    /** nft's plain {@code reject} in an inet table: ICMPX port unreachable. */
    public static Reject icmpxPortUnreachable() {
        return new Reject(NFT_REJECT_ICMPX_UNREACH, NFT_REJECT_ICMPX_PORT_UNREACH);
    }

    @Override
    public String kind() {
        return "reject";
    }

    @Override
    public void encodeData(MessageWriter w) {
        w.putU32Attr(NFTA_REJECT_TYPE, type);
        w.put(NFTA_REJECT_ICMP_CODE, icmpCode);
    }

    static Reject decode(AttrReader r) {
        int type = -1, code = 0;
        while (r.next()) {
            switch (r.type()) {
                case 1 -> type = r.u32Be();
                case 2 -> code = r.u8();
                default -> {
                    return null;
                }
            }
        }
        return type < 0 || type > 2 ? null : new Reject(type, code);
    }

    @Override
    public String toString() {
        return "[ reject type " + type + " code " + icmpCode + " ]";
    }
}
