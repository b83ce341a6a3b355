package io.github.netlink4j.nft;

import io.github.netlink4j.core.wire.Attr;
import io.github.netlink4j.core.wire.AttrReader;
import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.ByteString;
import io.github.netlink4j.core.wire.Codecs;
import io.github.netlink4j.core.wire.MessageWriter;
import io.github.netlink4j.nft.internal.Nf;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code immediate}: loads a constant into register {@code dreg}: a value (an address or port for
 * NAT) or, into NFT_REG_VERDICT, a verdict ({@code accept}, {@code drop}, {@code jump CHAIN}...).
 * Exactly one of {@code value} and {@code verdict} is present.
 *
 * <pre>
 * NFTA_EXPR_DATA
 *   NFTA_IMMEDIATE_DREG  be32
 *   NFTA_IMMEDIATE_DATA  (nested)
 *     NFTA_DATA_VALUE    bytes                      (a value)
 *     NFTA_DATA_VERDICT  (nested)                   (or a verdict)
 *       NFTA_VERDICT_CODE   be32
 *       NFTA_VERDICT_CHAIN  string   (jump, goto)
 * </pre>
 */
public record Immediate(int dreg, Optional<ByteString> value, Optional<Verdict> verdict) implements Expr {
    // enum nft_immediate_attributes
    static final Attr<Integer> NFTA_IMMEDIATE_DREG = Attr.of(1, "NFTA_IMMEDIATE_DREG", Codecs.U32_BE);
    static final Attr<Void> NFTA_IMMEDIATE_DATA = Attr.nested(2, "NFTA_IMMEDIATE_DATA", () -> Nf.DATA);
    static final AttrSchema SCHEMA = AttrSchema.of("nft_immediate", "NFTA_IMMEDIATE_", NFTA_IMMEDIATE_DREG, NFTA_IMMEDIATE_DATA);

    public Immediate {
        Wire.checkReg("immediate destination", dreg);
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(verdict, "verdict");
        if (value.isPresent() == verdict.isPresent()) {
            throw new IllegalArgumentException("an immediate holds a value or a verdict, exactly one");
        }
        if (verdict.isPresent() && dreg != 0) {
            throw new IllegalArgumentException("a verdict goes into register 0 (NFT_REG_VERDICT), not " + dreg);
        }
        value.ifPresent(v -> Wire.checkData("immediate value", v));
    }

    /** The rule's verdict. */
    public static Immediate verdict(Verdict v) {
        return new Immediate(0, Optional.empty(), Optional.of(v));
    }

    /** A value into register {@code dreg}. */
    public static Immediate value(int dreg, ByteString v) {
        return new Immediate(dreg, Optional.of(v), Optional.empty());
    }

    @Override
    public String kind() {
        return "immediate";
    }

    @Override
    public void encodeData(MessageWriter w) {
        w.putU32Attr(NFTA_IMMEDIATE_DREG, dreg);
        if (value.isPresent()) {
            Wire.putData(w, NFTA_IMMEDIATE_DATA, value.get());
        } else {
            Verdict v = verdict.get();
            int data = w.beginNested(NFTA_IMMEDIATE_DATA);
            int vd = w.beginNested(Nf.NFTA_DATA_VERDICT);
            w.putU32Attr(Nf.NFTA_VERDICT_CODE, v.code());
            if (v.chain().isPresent()) {
                w.put(Nf.NFTA_VERDICT_CHAIN, v.chain().get());
            }
            w.endNested(vd);
            w.endNested(data);
        }
    }

    static Immediate decode(AttrReader r) {
        int dreg = -1;
        ByteString value = null;
        Verdict verdict = null;
        while (r.next()) {
            switch (r.type()) {
                case 1 -> dreg = r.u32Be();
                case 2 -> {
                    AttrReader d = r.nested(Nf.DATA);
                    while (d.next()) {
                        if (d.type() == 1) {
                            value = d.bytes();
                        } else if (d.type() == 2) {
                            AttrReader v = d.nested(Nf.VERDICT);
                            Integer code = null;
                            String chain = null;
                            while (v.next()) {
                                if (v.type() == 1) {
                                    code = v.u32Be();
                                } else if (v.type() == 2) {
                                    chain = v.string();
                                } else {
                                    return null; // NFTA_VERDICT_CHAIN_ID and newer
                                }
                            }
                            if (code == null || ((code == -3 || code == -4) != (chain != null))) {
                                return null;
                            }
                            verdict = Verdict.of(code, chain);
                        }
                    }
                }
                default -> {
                    return null;
                }
            }
        }
        if (dreg < 0 || (value == null) == (verdict == null) || (verdict != null && dreg != 0)
                || (value != null && (value.size() < 1 || value.size() > 64))) {
            return null;
        }
        return new Immediate(dreg, Optional.ofNullable(value), Optional.ofNullable(verdict));
    }

    @Override
    public String toString() {
        return value.map(v -> "[ immediate reg " + dreg + " " + Wire.words(v) + " ]")
                .orElseGet(() -> "[ immediate reg 0 " + verdict.get().toString().replace("jump ", "jump -> ")
                        .replace("goto ", "goto -> ") + " ]");
    }
}
