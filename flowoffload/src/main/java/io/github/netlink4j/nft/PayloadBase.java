package io.github.netlink4j.nft;

/**
 * Where a payload offset counts from: {@code enum nft_payload_bases} (nf_tables.h), an open enum.
 */
public record PayloadBase(int number, String name) {
    public static final PayloadBase LL = new PayloadBase(0, "NFT_PAYLOAD_LL_HEADER");
    public static final PayloadBase NETWORK = new PayloadBase(1, "NFT_PAYLOAD_NETWORK_HEADER");
    public static final PayloadBase TRANSPORT = new PayloadBase(2, "NFT_PAYLOAD_TRANSPORT_HEADER");

    public static PayloadBase of(int n) {
        return switch (n) {
            case 0 -> LL;
            case 1 -> NETWORK;
            case 2 -> TRANSPORT;
            default -> new PayloadBase(n, "NFT_PAYLOAD_" + n);
        };
    }

    @Override
    public String toString() {
        return switch (number) {
            case 0 -> "link";
            case 1 -> "network";
            case 2 -> "transport";
            default -> "base " + number;
        };
    }
}
