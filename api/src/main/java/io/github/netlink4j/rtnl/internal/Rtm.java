package io.github.netlink4j.rtnl.internal;

/**
 * rtnetlink message types, multicast groups and dump filter bits, from
 * include/uapi/linux/rtnetlink.h (the C names are the Java names).
 */
public final class Rtm {
    private Rtm() {
    }

    // enum { RTM_BASE = 16, ... }
    public static final int RTM_NEWLINK = 16;
    public static final int RTM_DELLINK = 17;
    public static final int RTM_GETLINK = 18;
    public static final int RTM_SETLINK = 19;
    public static final int RTM_NEWADDR = 20;
    public static final int RTM_DELADDR = 21;
    public static final int RTM_GETADDR = 22;
    public static final int RTM_NEWROUTE = 24;
    public static final int RTM_DELROUTE = 25;
    public static final int RTM_GETROUTE = 26;
    public static final int RTM_NEWNEIGH = 28;
    public static final int RTM_DELNEIGH = 29;
    public static final int RTM_GETNEIGH = 30;
    public static final int RTM_NEWRULE = 32;
    public static final int RTM_DELRULE = 33;
    public static final int RTM_GETRULE = 34;
    public static final int RTM_NEWNEXTHOP = 104;
    public static final int RTM_DELNEXTHOP = 105;
    public static final int RTM_GETNEXTHOP = 106;

    // #define RTEXT_FILTER_VF (1 << 0) ... RTEXT_FILTER_SKIP_STATS (1 << 3)
    public static final int RTEXT_FILTER_VF = 1;
    public static final int RTEXT_FILTER_SKIP_STATS = 1 << 3;

    // sizeof the family headers that follow the nlmsghdr
    /** struct ifinfomsg: u8 family, u8 pad, u16 type, s32 index, u32 flags, u32 change. */
    public static final int IFINFOMSG_LEN = 16;
    /** struct ifaddrmsg: u8 family, u8 prefixlen, u8 flags, u8 scope, u32 index. */
    public static final int IFADDRMSG_LEN = 8;
    /** struct ndmsg: u8 family, u8 pad1, u16 pad2, s32 ifindex, u16 state, u8 flags, u8 type. */
    public static final int NDMSG_LEN = 12;

    /** AF_PACKET (include/linux/socket.h): the family iproute2 dumps links with. */
    public static final int AF_PACKET = 17;

    /** The C name of an rtnetlink message type, e.g. {@code RTM_NEWLINK}; {@code RTM_<n>} when unknown here. */
    public static String name(int type) {
        return switch (type) {
            case RTM_NEWLINK -> "RTM_NEWLINK";
            case RTM_DELLINK -> "RTM_DELLINK";
            case RTM_GETLINK -> "RTM_GETLINK";
            case RTM_SETLINK -> "RTM_SETLINK";
            case RTM_NEWADDR -> "RTM_NEWADDR";
            case RTM_DELADDR -> "RTM_DELADDR";
            case RTM_GETADDR -> "RTM_GETADDR";
            case RTM_NEWROUTE -> "RTM_NEWROUTE";
            case RTM_DELROUTE -> "RTM_DELROUTE";
            case RTM_GETROUTE -> "RTM_GETROUTE";
            case RTM_NEWNEIGH -> "RTM_NEWNEIGH";
            case RTM_DELNEIGH -> "RTM_DELNEIGH";
            case RTM_GETNEIGH -> "RTM_GETNEIGH";
            case RTM_NEWRULE -> "RTM_NEWRULE";
            case RTM_DELRULE -> "RTM_DELRULE";
            case RTM_GETRULE -> "RTM_GETRULE";
            case RTM_NEWNEXTHOP -> "RTM_NEWNEXTHOP";
            case RTM_DELNEXTHOP -> "RTM_DELNEXTHOP";
            case RTM_GETNEXTHOP -> "RTM_GETNEXTHOP";
            default -> "RTM_" + type;
        };
    }
}
