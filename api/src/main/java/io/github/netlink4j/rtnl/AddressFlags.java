package io.github.netlink4j.rtnl;

import java.util.ArrayList;
import java.util.List;

/**
 * Address flags (ifa_flags, extended to 32 bits by IFA_FLAGS): the IFA_F_* bits of
 * include/uapi/linux/if_addr.h. An open set: unnamed bits are kept.
 *
 * @param bits the IFA_F_* bits
 */
public record AddressFlags(int bits) {
    public static final int IFA_F_SECONDARY = 0x01;
    public static final int IFA_F_TEMPORARY = IFA_F_SECONDARY;
    public static final int IFA_F_NODAD = 0x02;
    public static final int IFA_F_OPTIMISTIC = 0x04;
    public static final int IFA_F_DADFAILED = 0x08;
    public static final int IFA_F_HOMEADDRESS = 0x10;
    public static final int IFA_F_DEPRECATED = 0x20;
    public static final int IFA_F_TENTATIVE = 0x40;
    public static final int IFA_F_PERMANENT = 0x80;
    public static final int IFA_F_MANAGETEMPADDR = 0x100;
    public static final int IFA_F_NOPREFIXROUTE = 0x200;
    public static final int IFA_F_MCAUTOJOIN = 0x400;
    public static final int IFA_F_STABLE_PRIVACY = 0x800;

    /** The bits {@code ip addr add} can set: home, nodad, mngtmpaddr, noprefixroute, autojoin. */
    public static final int SETTABLE = IFA_F_HOMEADDRESS | IFA_F_NODAD | IFA_F_MANAGETEMPADDR | IFA_F_NOPREFIXROUTE
            | IFA_F_MCAUTOJOIN;

    public static final AddressFlags NONE = new AddressFlags(0);

    private static final String[] NAMES = {"secondary", "nodad", "optimistic", "dadfailed", "home", "deprecated",
        "tentative", "permanent", "mngtmpaddr", "noprefixroute", "autojoin", "stable-privacy"};

    public static AddressFlags of(int bits) {
        return bits == 0 ? NONE : new AddressFlags(bits);
    }

    public boolean has(int flag) {
        return (bits & flag) == flag;
    }

    public AddressFlags with(int flag) {
        return of(bits | flag);
    }

    public AddressFlags without(int flag) {
        return of(bits & ~flag);
    }

    /** The names of the set bits as ip prints them ({@code nodad}, {@code home}...; {@code 0x1000} unnamed). */
    public List<String> names() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            if ((bits & (1 << i)) != 0) {
                out.add(i < NAMES.length ? NAMES[i] : "0x" + Integer.toHexString(1 << i));
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return String.join(" ", names());
    }
}
