package io.github.netlink4j.nft;

import io.github.netlink4j.core.wire.Attr;
import io.github.netlink4j.core.wire.AttrReader;
import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.Codecs;
import io.github.netlink4j.core.wire.MessageWriter;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * {@code counter}: counts packets and bytes. nft sends it empty (the kernel starts at zero); dumps
 * carry the counts.
 *
 * <pre>
 * NFTA_EXPR_DATA
 *   NFTA_COUNTER_BYTES    be64   (optional)
 *   NFTA_COUNTER_PACKETS  be64   (optional)
 * </pre>
 */
public record Counter(OptionalLong packets, OptionalLong bytes) implements Expr {
    // enum nft_counter_attributes
    static final Attr<Long> NFTA_COUNTER_BYTES = Attr.of(1, "NFTA_COUNTER_BYTES", Codecs.U64_BE);
    static final Attr<Long> NFTA_COUNTER_PACKETS = Attr.of(2, "NFTA_COUNTER_PACKETS", Codecs.U64_BE);
    static final Attr<Void> NFTA_COUNTER_PAD = Attr.nested(3, "NFTA_COUNTER_PAD");
    static final AttrSchema SCHEMA = AttrSchema.of("nft_counter", "NFTA_COUNTER_", NFTA_COUNTER_BYTES,
            NFTA_COUNTER_PACKETS, NFTA_COUNTER_PAD);

    public Counter {
        Objects.requireNonNull(packets, "packets");
        Objects.requireNonNull(bytes, "bytes");
    }

    /** A new counter, as nft writes {@code counter}. */
    public Counter() {
        this(OptionalLong.empty(), OptionalLong.empty());
    }

    @Override
    public String kind() {
        return "counter";
    }

    @Override
    public void encodeData(MessageWriter w) {
        if (bytes.isPresent()) {
            w.put(NFTA_COUNTER_BYTES, bytes.getAsLong());
        }
        if (packets.isPresent()) {
            w.put(NFTA_COUNTER_PACKETS, packets.getAsLong());
        }
    }

    static Counter decode(AttrReader r) {
        OptionalLong b = OptionalLong.empty(), p = OptionalLong.empty();
        while (r.next()) {
            switch (r.type()) {
                case 1 -> b = OptionalLong.of(r.u64Be());
                case 2 -> p = OptionalLong.of(r.u64Be());
                case 3 -> {
                }
                default -> {
                    return null;
                }
            }
        }
        return new Counter(p, b);
    }

    @Override
    public String toString() {
        return "[ counter pkts " + packets.orElse(0) + " bytes " + bytes.orElse(0) + " ]";
    }
}
