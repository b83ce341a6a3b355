package io.github.netlink4j.nft;

/** What {@code ct} loads: {@code enum nft_ct_keys} (nf_tables.h), an open enum. */
public record CtKey(int number, String name, String keyword) {
    public static final CtKey STATE = new CtKey(0, "NFT_CT_STATE", "state");
    public static final CtKey DIRECTION = new CtKey(1, "NFT_CT_DIRECTION", "direction");
    public static final CtKey STATUS = new CtKey(2, "NFT_CT_STATUS", "status");
    public static final CtKey MARK = new CtKey(3, "NFT_CT_MARK", "mark");

    public static CtKey of(int n) {
        return switch (n) {
            case 0 -> STATE;
            case 1 -> DIRECTION;
            case 2 -> STATUS;
            case 3 -> MARK;
            default -> new CtKey(n, "NFT_CT_" + n, "ct" + n);
        };
    }

    @Override
    public String toString() {
        return keyword;
    }
}
