package io.github.netlink4j.nft;

import io.github.netlink4j.core.wire.MessageWriter;

/**
 * One nf_tables expression of a rule, as a value. Each kind is its own record and encodes itself;
 * rules decoded from the kernel hold the same types, and an expression this library does not know
 * (or a form of a known one it does not model) is kept as a {@link RawExpr} and re-emitted byte
 * for byte.
 *
 * <pre>
 * NFTA_LIST_ELEM (nested)                  include/uapi/linux/netfilter/nf_tables.h
 *   NFTA_EXPR_NAME   string   kind()
 *   NFTA_EXPR_DATA   (nested) encodeData()
 * </pre>
 *
 * {@code toString()} prints the expression as {@code nft --debug=netlink} does; a whole
 * {@link Rule} prints as nft's rule syntax.
 */
public sealed interface Expr permits Payload, Meta, MetaSet, Cmp, Bitwise, Range, Immediate, Ct, Nat, Masquerade, Redirect,
        FlowOffload, Counter, Lookup, Log, Limit, Reject, RawExpr {
    /** The expression's kernel name (NFTA_EXPR_NAME), e.g. {@code payload}. */
    String kind();

    /** Writes the attributes inside NFTA_EXPR_DATA. */
    void encodeData(MessageWriter w);
}
