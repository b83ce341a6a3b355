package io.github.netlink4j.rtnl;

/**
 * Lifetimes of an address (IFA_CACHEINFO, struct ifa_cacheinfo of include/uapi/linux/if_addr.h).
 * Every field is a u32; {@link #FOREVER} (INFINITY_LIFE_TIME) means no expiry.
 *
 * @param preferred seconds the address stays preferred ({@code preferred_lft})
 * @param valid     seconds the address stays valid ({@code valid_lft})
 * @param created   when it was created, hundredths of seconds since boot (reported by the kernel; 0 in requests)
 * @param updated   when it was last updated, hundredths of seconds since boot
 */
public record AddressCacheInfo(long preferred, long valid, long created, long updated) {
    /** INFINITY_LIFE_TIME: {@code forever}. */
    public static final long FOREVER = 0xFFFFFFFFL;

    public AddressCacheInfo {
        check("preferred", preferred);
        check("valid", valid);
        check("created", created);
        check("updated", updated);
    }

    private static void check(String what, long v) {
        if (v < 0 || v > FOREVER) {
            throw new IllegalArgumentException(what + " must be in 0..4294967295 (u32), was " + v);
        }
    }

    /**
     * Lifetimes for a request ({@code valid_lft V preferred_lft P}), checked as ip checks them: valid
     * not 0, preferred not above valid.
     */
    public static AddressCacheInfo lifetimes(long valid, long preferred) {
        if (valid == 0) {
            throw new IllegalArgumentException("valid_lft must not be 0");
        }
        if (Long.compareUnsigned(preferred, valid) > 0) {
            throw new IllegalArgumentException("preferred_lft " + preferred + " is greater than valid_lft " + valid);
        }
        return new AddressCacheInfo(preferred, valid, 0, 0);
    }

    /** {@code forever} or the number. */
    public static String lifetime(long v) {
        return v == FOREVER ? "forever" : Long.toString(v);
    }
}
