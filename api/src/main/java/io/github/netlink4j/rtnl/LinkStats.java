package io.github.netlink4j.rtnl;

/**
 * A device's counters as {@code ip -s link show} prints them: the first ten fields of
 * {@code struct rtnl_link_stats64} (include/uapi/linux/if_link.h), reported in IFLA_STATS64.
 * <pre>
 * struct rtnl_link_stats64 {
 *     __u64 rx_packets; __u64 tx_packets; __u64 rx_bytes; __u64 tx_bytes;
 *     __u64 rx_errors;  __u64 tx_errors;  __u64 rx_dropped; __u64 tx_dropped;
 *     __u64 multicast;  __u64 collisions; ... (detailed errors, not modelled)
 * };
 * </pre>
 * Every value is an unsigned 64-bit counter held in a {@code long}.
 */
public record LinkStats(long rxPackets, long txPackets, long rxBytes, long txBytes, long rxErrors, long txErrors,
                        long rxDropped, long txDropped, long multicast, long collisions) {
    /** The bytes of the fields modelled here: 10 x u64. */
    public static final int MODELLED_BYTES = 10 * 8;

    @Override
    public String toString() {
        return "RX " + rxPackets + " packets " + rxBytes + " bytes " + rxErrors + " errors " + rxDropped + " dropped, TX "
                + txPackets + " packets " + txBytes + " bytes " + txErrors + " errors " + txDropped + " dropped";
    }
}
