package io.github.netlink4j.nft;

/**
 * A conntrack state bit of {@code ct state} (NFT_CT_STATE loads a host-order u32 bitmask):
 * NF_CT_STATE_INVALID_BIT, NF_CT_STATE_BIT(IP_CT_ESTABLISHED / RELATED / NEW) and
 * NF_CT_STATE_UNTRACKED_BIT from include/uapi/linux/netfilter/nf_conntrack_common.h.
 */
public enum CtState {
    INVALID(1, "invalid"),
    ESTABLISHED(2, "established"),
    RELATED(4, "related"),
    NEW(8, "new"),
    UNTRACKED(64, "untracked");

    private final int bit;
    private final String keyword;

    CtState(int bit, String keyword) {
        this.bit = bit;
        this.keyword = keyword;
    }

    public int bit() {
        return bit;
    }

    public String keyword() {
        return keyword;
    }

    /** nft's list for {@code mask}, e.g. {@code established,related}; unknown bits in hex. */
    static String format(int mask) {
        StringBuilder sb = new StringBuilder();
        int rest = mask;
        for (CtState s : values()) {
            if ((mask & s.bit) != 0) {
                sb.append(sb.length() > 0 ? "," : "").append(s.keyword);
                rest &= ~s.bit;
            }
        }
        if (rest != 0 || sb.length() == 0) {
            sb.append(sb.length() > 0 ? "," : "").append(String.format("0x%x", rest));
        }
        return sb.toString();
    }
}
