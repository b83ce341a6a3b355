package io.github.netlink4j.nft;

/** A comparison: {@code enum nft_cmp_ops} (nf_tables.h), an open enum; {@link #symbol()} is nft's. */
public record CmpOp(int number, String name, String symbol) {
    public static final CmpOp EQ = new CmpOp(0, "NFT_CMP_EQ", "==");
    public static final CmpOp NEQ = new CmpOp(1, "NFT_CMP_NEQ", "!=");
    public static final CmpOp LT = new CmpOp(2, "NFT_CMP_LT", "<");
    public static final CmpOp LTE = new CmpOp(3, "NFT_CMP_LTE", "<=");
    public static final CmpOp GT = new CmpOp(4, "NFT_CMP_GT", ">");
    public static final CmpOp GTE = new CmpOp(5, "NFT_CMP_GTE", ">=");

    public static CmpOp of(int n) {
        return switch (n) {
            case 0 -> EQ;
            case 1 -> NEQ;
            case 2 -> LT;
            case 3 -> LTE;
            case 4 -> GT;
            case 5 -> GTE;
            default -> new CmpOp(n, "NFT_CMP_" + n, "op" + n);
        };
    }

    @Override
    public String toString() {
        return switch (number) {
            case 0 -> "eq";
            case 1 -> "neq";
            case 2 -> "lt";
            case 3 -> "lte";
            case 4 -> "gt";
            case 5 -> "gte";
            default -> "op" + number;
        };
    }
}
