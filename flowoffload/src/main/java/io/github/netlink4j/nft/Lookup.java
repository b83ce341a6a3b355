package io.github.netlink4j.nft;

import io.github.netlink4j.core.wire.Attr;
import io.github.netlink4j.core.wire.AttrReader;
import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.Codecs;
import io.github.netlink4j.core.wire.MessageWriter;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * {@code lookup}: register {@code sreg} is (or, with NFT_LOOKUP_F_INV, is not) an element of set
 * {@code set}. {@code setId} names a set created in the same transaction (NFTA_SET_ID), as nft
 * does for anonymous sets.
 *
 * <pre>
 * NFTA_EXPR_DATA
 *   NFTA_LOOKUP_SREG    be32
 *   NFTA_LOOKUP_SET     string
 *   NFTA_LOOKUP_SET_ID  be32   (optional)
 *   NFTA_LOOKUP_DREG    be32   (optional, maps)
 *   NFTA_LOOKUP_FLAGS   be32   (optional)
 * </pre>
 */
public record Lookup(String set, int sreg, OptionalInt setId, OptionalInt dreg, OptionalInt flags) implements Expr {
    // enum nft_lookup_attributes
    static final Attr<String> NFTA_LOOKUP_SET = Attr.of(1, "NFTA_LOOKUP_SET", Codecs.STRING);
    static final Attr<Integer> NFTA_LOOKUP_SREG = Attr.of(2, "NFTA_LOOKUP_SREG", Codecs.U32_BE);
    static final Attr<Integer> NFTA_LOOKUP_DREG = Attr.of(3, "NFTA_LOOKUP_DREG", Codecs.U32_BE);
    static final Attr<Integer> NFTA_LOOKUP_SET_ID = Attr.of(4, "NFTA_LOOKUP_SET_ID", Codecs.U32_BE);
    static final Attr<Integer> NFTA_LOOKUP_FLAGS = Attr.of(5, "NFTA_LOOKUP_FLAGS", Codecs.U32_BE);
    static final AttrSchema SCHEMA = AttrSchema.of("nft_lookup", "NFTA_LOOKUP_", NFTA_LOOKUP_SET, NFTA_LOOKUP_SREG,
            NFTA_LOOKUP_DREG, NFTA_LOOKUP_SET_ID, NFTA_LOOKUP_FLAGS);
    /** NFT_LOOKUP_F_INV */
    public static final int NFT_LOOKUP_F_INV = 1;

    public Lookup {
        Objects.requireNonNull(set, "set");
        if (set.isEmpty() || set.length() > 255) {
            throw new IllegalArgumentException("set name must be 1..255 characters (NFT_SET_MAXNAMELEN), was '" + set + "'");
        }
        Wire.checkReg("lookup source", sreg);
        Objects.requireNonNull(setId, "setId");
        Objects.requireNonNull(dreg, "dreg");
        Objects.requireNonNull(flags, "flags");
    }

    /** {@code REG @set}: a lookup in a named set. */
    public Lookup(String set, int sreg) {
        this(set, sreg, OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty());
    }

    @Override
    public String kind() {
        return "lookup";
    }

    @Override
    public void encodeData(MessageWriter w) {
        w.putU32Attr(NFTA_LOOKUP_SREG, sreg);
        w.put(NFTA_LOOKUP_SET, set);
        Wire.putOpt(w, NFTA_LOOKUP_SET_ID, setId);
        Wire.putOpt(w, NFTA_LOOKUP_DREG, dreg);
        Wire.putOpt(w, NFTA_LOOKUP_FLAGS, flags);
    }

    static Lookup decode(AttrReader r) {
        String set = null;
        int sreg = -1;
        OptionalInt id = OptionalInt.empty(), dreg = OptionalInt.empty(), flags = OptionalInt.empty();
        while (r.next()) {
            switch (r.type()) {
                case 1 -> set = r.string();
                case 2 -> sreg = r.u32Be();
                case 3 -> dreg = OptionalInt.of(r.u32Be());
                case 4 -> id = OptionalInt.of(r.u32Be());
                case 5 -> {
                    int f = r.u32Be();
                    flags = f == 0 ? OptionalInt.empty() : OptionalInt.of(f); // the kernel dumps 0 when nft sent none
                }
                default -> {
                    return null;
                }
            }
        }
        if (set == null || set.isEmpty() || sreg < 0 || sreg > 23) {
            return null;
        }
        return new Lookup(set, sreg, id, dreg, flags);
    }

    @Override
    public String toString() {
        return "[ lookup reg " + sreg + " set " + set + (flags.orElse(0) == 1 ? " inverted" : "") + " ]";
    }
}
