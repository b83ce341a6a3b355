package io.github.netlink4j.nft;

import java.util.Objects;

/**
 * An nftables address family, the {@code nfgen_family} of every message: an open enum over
 * {@code NFPROTO_*} (include/uapi/linux/netfilter.h). {@link #keyword()} is nft's word for it.
 */
public record Family(int number, String name, String keyword) {
    /** NFPROTO_INET = 1: {@code inet}, IPv4 and IPv6 together. */
    public static final Family INET = new Family(1, "NFPROTO_INET", "inet");
    /** NFPROTO_IPV4 = 2: {@code ip}. */
    public static final Family IP = new Family(2, "NFPROTO_IPV4", "ip");
    /** NFPROTO_ARP = 3: {@code arp}. */
    public static final Family ARP = new Family(3, "NFPROTO_ARP", "arp");
    /** NFPROTO_NETDEV = 5: {@code netdev}. */
    public static final Family NETDEV = new Family(5, "NFPROTO_NETDEV", "netdev");
    /** NFPROTO_BRIDGE = 7: {@code bridge}. */
    public static final Family BRIDGE = new Family(7, "NFPROTO_BRIDGE", "bridge");
    /** NFPROTO_IPV6 = 10: {@code ip6}. */
    public static final Family IP6 = new Family(10, "NFPROTO_IPV6", "ip6");

    public Family {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keyword, "keyword");
        if (number < 0 || number > 255) {
            throw new IllegalArgumentException("family must be in 0..255 (nfgen_family is a u8), was " + number);
        }
    }

    /** The family numbered {@code number}; a new value for a number this library does not know. */
    public static Family of(int number) {
        return switch (number) {
            case 1 -> INET;
            case 2 -> IP;
            case 3 -> ARP;
            case 5 -> NETDEV;
            case 7 -> BRIDGE;
            case 10 -> IP6;
            default -> new Family(number, "NFPROTO_" + number, "family" + number);
        };
    }

    /** The family nft calls {@code keyword} ({@code ip}, {@code ip6}, {@code inet}, {@code netdev}, {@code bridge}, {@code arp}). */
    public static Family of(String keyword) {
        for (Family f : new Family[]{INET, IP, ARP, NETDEV, BRIDGE, IP6}) {
            if (f.keyword.equals(keyword)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown family '" + keyword + "': expected ip, ip6, inet, netdev, bridge or arp");
    }

    @Override
    public String toString() {
        return keyword;
    }
}
