package io.github.netlink4j.nft;

import io.github.netlink4j.core.wire.Attr;
import io.github.netlink4j.core.wire.AttrReader;
import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.Codecs;
import io.github.netlink4j.core.wire.MessageWriter;

/**
 * {@code limit}: matches up to {@code rate} packets (or bytes) per {@code unitSeconds}, with a burst.
 * nft writes a burst of 5 packets by default ({@code limit rate 10/second}).
 *
 * <pre>
 * NFTA_EXPR_DATA
 *   NFTA_LIMIT_RATE   be64
 *   NFTA_LIMIT_UNIT   be64   seconds
 *   NFTA_LIMIT_BURST  be32
 *   NFTA_LIMIT_TYPE   be32   enum nft_limit_type (NFT_LIMIT_PKTS 0, NFT_LIMIT_PKT_BYTES 1)
 *   NFTA_LIMIT_FLAGS  be32   NFT_LIMIT_F_INV
 * </pre>
 */
public record Limit(long rate, long unitSeconds, int burst, boolean bytes, boolean inverted) implements Expr {
    // enum nft_limit_attributes
    static final Attr<Long> NFTA_LIMIT_RATE = Attr.of(1, "NFTA_LIMIT_RATE", Codecs.U64_BE);
    static final Attr<Long> NFTA_LIMIT_UNIT = Attr.of(2, "NFTA_LIMIT_UNIT", Codecs.U64_BE);
    static final Attr<Integer> NFTA_LIMIT_BURST = Attr.of(3, "NFTA_LIMIT_BURST", Codecs.U32_BE);
    static final Attr<Integer> NFTA_LIMIT_TYPE = Attr.of(4, "NFTA_LIMIT_TYPE", Codecs.U32_BE);
    static final Attr<Integer> NFTA_LIMIT_FLAGS = Attr.of(5, "NFTA_LIMIT_FLAGS", Codecs.U32_BE);
    static final AttrSchema SCHEMA = AttrSchema.of("nft_limit", "NFTA_LIMIT_", NFTA_LIMIT_RATE, NFTA_LIMIT_UNIT,
            NFTA_LIMIT_BURST, NFTA_LIMIT_TYPE, NFTA_LIMIT_FLAGS);

    public Limit {
        if (rate < 1) {
            throw new IllegalArgumentException("limit rate must be >= 1, was " + rate);
        }
        if (unitSeconds < 1) {
            throw new IllegalArgumentException("limit unit must be >= 1 second, was " + unitSeconds);
        }
        if (burst < 0) {
            throw new IllegalArgumentException("limit burst must be >= 0, was " + burst);
        }
    }

    /** {@code limit rate N/second} (burst 5 packets, as nft). */
    public static Limit perSecond(long rate) {
        return new Limit(rate, 1, 5, false, false);
    }

    @Override
    public String kind() {
        return "limit";
    }

    @Override
    public void encodeData(MessageWriter w) {
        w.put(NFTA_LIMIT_RATE, rate);
        w.put(NFTA_LIMIT_UNIT, unitSeconds);
        w.putU32Attr(NFTA_LIMIT_BURST, burst);
        w.putU32Attr(NFTA_LIMIT_TYPE, bytes ? 1 : 0);
        w.putU32Attr(NFTA_LIMIT_FLAGS, inverted ? 1 : 0);
    }

    static Limit decode(AttrReader r) {
        long rate = -1, unit = -1;
        int burst = 0, type = 0, flags = 0;
        while (r.next()) {
            switch (r.type()) {
                case 1 -> rate = r.u64Be();
                case 2 -> unit = r.u64Be();
                case 3 -> burst = r.u32Be();
                case 4 -> type = r.u32Be();
                case 5 -> flags = r.u32Be();
                case 6 -> {
                }
                default -> {
                    return null;
                }
            }
        }
        if (rate < 1 || unit < 1 || burst < 0 || (type != 0 && type != 1) || (flags & ~1) != 0) {
            return null;
        }
        return new Limit(rate, unit, burst, type == 1, flags == 1);
    }

    String unitWord() {
        return switch ((int) Math.min(unitSeconds, Integer.MAX_VALUE)) {
            case 1 -> "second";
            case 60 -> "minute";
            case 3600 -> "hour";
            case 86400 -> "day";
            case 604800 -> "week";
            default -> unitSeconds + "s";
        };
    }

    @Override
    public String toString() {
        return "[ limit rate " + rate + "/" + unitWord() + " burst " + burst + " type " + (bytes ? "bytes" : "packets")
                + " flags 0x" + (inverted ? 1 : 0) + " ]";
    }
}
