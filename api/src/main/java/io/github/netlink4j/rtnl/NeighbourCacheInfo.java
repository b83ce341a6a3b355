package io.github.netlink4j.rtnl;

/**
 * Timers of a neighbour entry (NDA_CACHEINFO, struct nda_cacheinfo of include/uapi/linux/neighbour.h),
 * all u32, in clock ticks (USER_HZ) since the event.
 *
 * @param confirmed ticks since the entry was last confirmed
 * @param used      ticks since it was last used
 * @param updated   ticks since it was last updated
 * @param refcnt    references held on it
 */
public record NeighbourCacheInfo(long confirmed, long used, long updated, long refcnt) {
    public NeighbourCacheInfo {
        check("confirmed", confirmed);
        check("used", used);
        check("updated", updated);
        check("refcnt", refcnt);
    }

    private static void check(String what, long v) {
        if (v < 0 || v > 0xFFFFFFFFL) {
            throw new IllegalArgumentException(what + " must be in 0..4294967295 (u32), was " + v);
        }
    }
}
