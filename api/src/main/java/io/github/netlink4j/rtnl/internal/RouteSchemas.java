package io.github.netlink4j.rtnl.internal;

import io.github.netlink4j.core.wire.Attr;
import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.ByteString;
import io.github.netlink4j.core.wire.Codecs;

import java.net.InetAddress;

/**
 * Route, nexthop-object and rule attributes: include/uapi/linux/rtnetlink.h (RTA_*, RTAX_*,
 * RTNH_F_*, RTM_F_*), include/uapi/linux/nexthop.h (NHA_*), include/uapi/linux/fib_rules.h (FRA_*,
 * FR_ACT_*). The C names are the Java names.
 */
public final class RouteSchemas {
    private RouteSchemas() {
    }

    public static final int RTM_NEWROUTE = 24;
    public static final int RTM_DELROUTE = 25;
    public static final int RTM_GETROUTE = 26;
    public static final int RTM_NEWRULE = 32;
    public static final int RTM_DELRULE = 33;
    public static final int RTM_GETRULE = 34;
    public static final int RTM_NEWNEXTHOP = 104;
    public static final int RTM_DELNEXTHOP = 105;
    public static final int RTM_GETNEXTHOP = 106;
    public static final int RTM_GETLINK = 18;

    /** struct rtmsg: family, dst_len, src_len, tos, table, protocol, scope, type (u8 each); u32 flags. */
    public static final int RTMSG_LEN = 12;
    /** struct nhmsg: family, scope, protocol, resvd (u8 each); u32 flags. */
    public static final int NHMSG_LEN = 8;
    /** struct fib_rule_hdr: family, dst_len, src_len, tos, table, res1, res2, action (u8 each); u32 flags. */
    public static final int FIB_RULE_HDR_LEN = 12;
    /** struct rtnexthop: u16 rtnh_len, u8 rtnh_flags, u8 rtnh_hops, s32 rtnh_ifindex. */
    public static final int RTNEXTHOP_LEN = 8;

    // enum rt_class_t
    public static final int RT_TABLE_UNSPEC = 0;
    public static final int RT_TABLE_DEFAULT = 253;
    public static final int RT_TABLE_MAIN = 254;
    public static final int RT_TABLE_LOCAL = 255;

    // rtm_flags
    public static final int RTNH_F_DEAD = 1;
    public static final int RTNH_F_PERVASIVE = 2;
    public static final int RTNH_F_ONLINK = 4;
    public static final int RTNH_F_OFFLOAD = 8;
    public static final int RTNH_F_LINKDOWN = 16;
    public static final int RTM_F_NOTIFY = 0x100;
    public static final int RTM_F_CLONED = 0x200;
    public static final int RTM_F_LOOKUP_TABLE = 0x1000;
    public static final int RTM_F_FIB_MATCH = 0x2000;

    // enum rtattr_type_t
    public static final Attr<InetAddress> RTA_DST = Attr.of(1, "RTA_DST", Codecs.INET);
    public static final Attr<InetAddress> RTA_SRC = Attr.of(2, "RTA_SRC", Codecs.INET);
    public static final Attr<Integer> RTA_IIF = Attr.of(3, "RTA_IIF", Codecs.U32);
    public static final Attr<Integer> RTA_OIF = Attr.of(4, "RTA_OIF", Codecs.U32);
    public static final Attr<InetAddress> RTA_GATEWAY = Attr.of(5, "RTA_GATEWAY", Codecs.INET);
    public static final Attr<Integer> RTA_PRIORITY = Attr.of(6, "RTA_PRIORITY", Codecs.U32);
    public static final Attr<InetAddress> RTA_PREFSRC = Attr.of(7, "RTA_PREFSRC", Codecs.INET);
    public static final Attr<Void> RTA_METRICS = Attr.nested(8, "RTA_METRICS", () -> RouteSchemas.RTAX);
    /** Holds struct rtnexthop entries, each followed by its attributes: not an attribute list. */
    public static final Attr<ByteString> RTA_MULTIPATH = Attr.of(9, "RTA_MULTIPATH", Codecs.BYTES);
    public static final Attr<Integer> RTA_FLOW = Attr.of(11, "RTA_FLOW", Codecs.U32);
    public static final Attr<ByteString> RTA_CACHEINFO = Attr.of(12, "RTA_CACHEINFO", Codecs.BYTES);
    public static final Attr<Integer> RTA_TABLE = Attr.of(15, "RTA_TABLE", Codecs.U32);
    public static final Attr<Integer> RTA_MARK = Attr.of(16, "RTA_MARK", Codecs.U32);
    /** struct rtvia { __kernel_sa_family_t rtvia_family; __u8 rtvia_addr[]; } */
    public static final Attr<ByteString> RTA_VIA = Attr.of(18, "RTA_VIA", Codecs.BYTES);
    public static final Attr<Integer> RTA_PREF = Attr.of(20, "RTA_PREF", Codecs.U8);
    public static final Attr<Integer> RTA_ENCAP_TYPE = Attr.of(21, "RTA_ENCAP_TYPE", Codecs.U16);
    public static final Attr<Void> RTA_ENCAP = Attr.nested(22, "RTA_ENCAP");
    public static final Attr<Long> RTA_EXPIRES = Attr.of(23, "RTA_EXPIRES", Codecs.U64);
    public static final Attr<Integer> RTA_UID = Attr.of(25, "RTA_UID", Codecs.U32);
    public static final Attr<Integer> RTA_IP_PROTO = Attr.of(27, "RTA_IP_PROTO", Codecs.U8);
    public static final Attr<Integer> RTA_SPORT = Attr.of(28, "RTA_SPORT", Codecs.U16_BE);
    public static final Attr<Integer> RTA_DPORT = Attr.of(29, "RTA_DPORT", Codecs.U16_BE);
    public static final Attr<Integer> RTA_NH_ID = Attr.of(30, "RTA_NH_ID", Codecs.U32);

    // RTAX_* (route metrics, inside RTA_METRICS)
    public static final Attr<Integer> RTAX_LOCK = Attr.of(1, "RTAX_LOCK", Codecs.U32);
    public static final Attr<Integer> RTAX_MTU = Attr.of(2, "RTAX_MTU", Codecs.U32);
    public static final Attr<Integer> RTAX_WINDOW = Attr.of(3, "RTAX_WINDOW", Codecs.U32);
    public static final Attr<Integer> RTAX_RTT = Attr.of(4, "RTAX_RTT", Codecs.U32);
    public static final Attr<Integer> RTAX_RTTVAR = Attr.of(5, "RTAX_RTTVAR", Codecs.U32);
    public static final Attr<Integer> RTAX_SSTHRESH = Attr.of(6, "RTAX_SSTHRESH", Codecs.U32);
    public static final Attr<Integer> RTAX_CWND = Attr.of(7, "RTAX_CWND", Codecs.U32);
    public static final Attr<Integer> RTAX_ADVMSS = Attr.of(8, "RTAX_ADVMSS", Codecs.U32);
    public static final Attr<Integer> RTAX_REORDERING = Attr.of(9, "RTAX_REORDERING", Codecs.U32);
    public static final Attr<Integer> RTAX_HOPLIMIT = Attr.of(10, "RTAX_HOPLIMIT", Codecs.U32);
    public static final Attr<Integer> RTAX_INITCWND = Attr.of(11, "RTAX_INITCWND", Codecs.U32);
    public static final Attr<Integer> RTAX_FEATURES = Attr.of(12, "RTAX_FEATURES", Codecs.U32);
    public static final Attr<Integer> RTAX_RTO_MIN = Attr.of(13, "RTAX_RTO_MIN", Codecs.U32);
    public static final Attr<Integer> RTAX_INITRWND = Attr.of(14, "RTAX_INITRWND", Codecs.U32);
    public static final Attr<Integer> RTAX_QUICKACK = Attr.of(15, "RTAX_QUICKACK", Codecs.U32);

    public static final AttrSchema RTAX = AttrSchema.of("rtax", "RTAX_", RTAX_LOCK, RTAX_MTU, RTAX_WINDOW, RTAX_RTT,
            RTAX_RTTVAR, RTAX_SSTHRESH, RTAX_CWND, RTAX_ADVMSS, RTAX_REORDERING, RTAX_HOPLIMIT, RTAX_INITCWND,
            RTAX_FEATURES, RTAX_RTO_MIN, RTAX_INITRWND, RTAX_QUICKACK);

    public static final AttrSchema RTA = AttrSchema.of("rtmsg", "RTA_", RTA_DST, RTA_SRC, RTA_IIF, RTA_OIF, RTA_GATEWAY,
            RTA_PRIORITY, RTA_PREFSRC, RTA_METRICS, RTA_MULTIPATH, RTA_FLOW, RTA_CACHEINFO, RTA_TABLE, RTA_MARK,
            RTA_VIA, RTA_PREF, RTA_ENCAP_TYPE, RTA_ENCAP, RTA_EXPIRES, RTA_UID, RTA_IP_PROTO, RTA_SPORT, RTA_DPORT,
            RTA_NH_ID);

    // enum nexthop attributes (nexthop.h)
    public static final Attr<Integer> NHA_ID = Attr.of(1, "NHA_ID", Codecs.U32);
    /** An array of struct nexthop_grp { __u32 id; __u8 weight; __u8 resvd1; __u16 resvd2; }. */
    public static final Attr<ByteString> NHA_GROUP = Attr.of(2, "NHA_GROUP", Codecs.BYTES);
    public static final Attr<Integer> NHA_GROUP_TYPE = Attr.of(3, "NHA_GROUP_TYPE", Codecs.U16);
    public static final Attr<Boolean> NHA_BLACKHOLE = Attr.of(4, "NHA_BLACKHOLE", Codecs.FLAG);
    public static final Attr<Integer> NHA_OIF = Attr.of(5, "NHA_OIF", Codecs.U32);
    public static final Attr<InetAddress> NHA_GATEWAY = Attr.of(6, "NHA_GATEWAY", Codecs.INET);
    public static final Attr<Integer> NHA_ENCAP_TYPE = Attr.of(7, "NHA_ENCAP_TYPE", Codecs.U16);
    public static final Attr<Void> NHA_ENCAP = Attr.nested(8, "NHA_ENCAP");
    public static final Attr<Boolean> NHA_GROUPS = Attr.of(9, "NHA_GROUPS", Codecs.FLAG);
    public static final Attr<Integer> NHA_MASTER = Attr.of(10, "NHA_MASTER", Codecs.U32);
    public static final Attr<Boolean> NHA_FDB = Attr.of(11, "NHA_FDB", Codecs.FLAG);

    public static final AttrSchema NHA = AttrSchema.of("nhmsg", "NHA_", NHA_ID, NHA_GROUP, NHA_GROUP_TYPE, NHA_BLACKHOLE,
            NHA_OIF, NHA_GATEWAY, NHA_ENCAP_TYPE, NHA_ENCAP, NHA_GROUPS, NHA_MASTER, NHA_FDB);

    // enum fib rule attributes (fib_rules.h)
    public static final Attr<InetAddress> FRA_DST = Attr.of(1, "FRA_DST", Codecs.INET);
    public static final Attr<InetAddress> FRA_SRC = Attr.of(2, "FRA_SRC", Codecs.INET);
    public static final Attr<String> FRA_IIFNAME = Attr.of(3, "FRA_IIFNAME", Codecs.STRING);
    public static final Attr<Integer> FRA_GOTO = Attr.of(4, "FRA_GOTO", Codecs.U32);
    public static final Attr<Integer> FRA_PRIORITY = Attr.of(6, "FRA_PRIORITY", Codecs.U32);
    public static final Attr<Integer> FRA_FWMARK = Attr.of(10, "FRA_FWMARK", Codecs.U32);
    public static final Attr<Integer> FRA_FLOW = Attr.of(11, "FRA_FLOW", Codecs.U32);
    public static final Attr<Long> FRA_TUN_ID = Attr.of(12, "FRA_TUN_ID", Codecs.U64_BE);
    public static final Attr<Integer> FRA_SUPPRESS_IFGROUP = Attr.of(13, "FRA_SUPPRESS_IFGROUP", Codecs.U32);
    public static final Attr<Integer> FRA_SUPPRESS_PREFIXLEN = Attr.of(14, "FRA_SUPPRESS_PREFIXLEN", Codecs.U32);
    public static final Attr<Integer> FRA_TABLE = Attr.of(15, "FRA_TABLE", Codecs.U32);
    public static final Attr<Integer> FRA_FWMASK = Attr.of(16, "FRA_FWMASK", Codecs.U32);
    public static final Attr<String> FRA_OIFNAME = Attr.of(17, "FRA_OIFNAME", Codecs.STRING);
    public static final Attr<Integer> FRA_L3MDEV = Attr.of(19, "FRA_L3MDEV", Codecs.U8);
    public static final Attr<Integer> FRA_PROTOCOL = Attr.of(21, "FRA_PROTOCOL", Codecs.U8);

    public static final AttrSchema FRA = AttrSchema.of("fib_rule_hdr", "FRA_", FRA_DST, FRA_SRC, FRA_IIFNAME, FRA_GOTO,
            FRA_PRIORITY, FRA_FWMARK, FRA_FLOW, FRA_TUN_ID, FRA_SUPPRESS_IFGROUP, FRA_SUPPRESS_PREFIXLEN, FRA_TABLE,
            FRA_FWMASK, FRA_OIFNAME, FRA_L3MDEV, FRA_PROTOCOL);

    // enum fib rule actions
    public static final int FR_ACT_UNSPEC = 0;
    public static final int FR_ACT_TO_TBL = 1;
    public static final int FR_ACT_GOTO = 2;
    public static final int FR_ACT_NOP = 3;
    public static final int FR_ACT_BLACKHOLE = 6;
    public static final int FR_ACT_UNREACHABLE = 7;
    public static final int FR_ACT_PROHIBIT = 8;

    /** The message type's C name. */
    public static String name(int type) {
        return switch (type) {
            case RTM_NEWROUTE -> "RTM_NEWROUTE";
            case RTM_DELROUTE -> "RTM_DELROUTE";
            case RTM_GETROUTE -> "RTM_GETROUTE";
            case RTM_NEWRULE -> "RTM_NEWRULE";
            case RTM_DELRULE -> "RTM_DELRULE";
            case RTM_GETRULE -> "RTM_GETRULE";
            case RTM_NEWNEXTHOP -> "RTM_NEWNEXTHOP";
            case RTM_DELNEXTHOP -> "RTM_DELNEXTHOP";
            case RTM_GETNEXTHOP -> "RTM_GETNEXTHOP";
            case RTM_GETLINK -> "RTM_GETLINK";
            default -> "RTM_" + type;
        };
    }
}
