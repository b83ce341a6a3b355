package io.github.netlink4j.rtnl.internal;

import io.github.netlink4j.core.wire.Attr;
import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.ByteString;
import io.github.netlink4j.core.wire.Codecs;
import io.github.netlink4j.rtnl.MacAddress;

/**
 * The IFLA_* attributes of struct ifinfomsg messages (RTM_NEWLINK, RTM_DELLINK, RTM_GETLINK), from
 * include/uapi/linux/if_link.h, and IFLA_LINKINFO's IFLA_INFO_* children.
 *
 * <pre>
 * struct ifinfomsg { unsigned char ifi_family; unsigned char __ifi_pad; unsigned short ifi_type;
 *                    int ifi_index; unsigned ifi_flags; unsigned ifi_change; };
 * </pre>
 */
public final class IflaSchema {
    private IflaSchema() {
    }

    public static final Attr<MacAddress> IFLA_ADDRESS = Attr.of(1, "IFLA_ADDRESS", RtCodecs.MAC);
    public static final Attr<MacAddress> IFLA_BROADCAST = Attr.of(2, "IFLA_BROADCAST", RtCodecs.MAC);
    public static final Attr<String> IFLA_IFNAME = Attr.of(3, "IFLA_IFNAME", Codecs.STRING);
    public static final Attr<Integer> IFLA_MTU = Attr.of(4, "IFLA_MTU", Codecs.U32);
    public static final Attr<Integer> IFLA_LINK = Attr.of(5, "IFLA_LINK", Codecs.U32);
    public static final Attr<String> IFLA_QDISC = Attr.of(6, "IFLA_QDISC", Codecs.STRING);
    public static final Attr<Integer> IFLA_MASTER = Attr.of(10, "IFLA_MASTER", Codecs.U32);
    public static final Attr<Integer> IFLA_TXQLEN = Attr.of(13, "IFLA_TXQLEN", Codecs.U32);
    public static final Attr<Integer> IFLA_OPERSTATE = Attr.of(16, "IFLA_OPERSTATE", Codecs.U8);
    public static final Attr<Integer> IFLA_LINKMODE = Attr.of(17, "IFLA_LINKMODE", Codecs.U8);
    /** Its contents depend on IFLA_INFO_KIND: see {@link #LINKINFO}. */
    public static final Attr<Void> IFLA_LINKINFO = Attr.nested(18, "IFLA_LINKINFO", () -> IflaSchema.LINKINFO);
    public static final Attr<Integer> IFLA_NET_NS_PID = Attr.of(19, "IFLA_NET_NS_PID", Codecs.U32);
    /** iproute2 writes the alias without its NUL. */
    public static final Attr<String> IFLA_IFALIAS = Attr.of(20, "IFLA_IFALIAS", RtCodecs.STRING_NO_NUL);
    /** struct rtnl_link_stats64, host byte order: see {@link io.github.netlink4j.rtnl.LinkStats}. */
    public static final Attr<ByteString> IFLA_STATS64 = Attr.of(23, "IFLA_STATS64", Codecs.BYTES);
    public static final Attr<Void> IFLA_AF_SPEC = Attr.nested(26, "IFLA_AF_SPEC");
    public static final Attr<Integer> IFLA_GROUP = Attr.of(27, "IFLA_GROUP", Codecs.U32);
    public static final Attr<Integer> IFLA_NET_NS_FD = Attr.of(28, "IFLA_NET_NS_FD", Codecs.U32);
    public static final Attr<Integer> IFLA_EXT_MASK = Attr.of(29, "IFLA_EXT_MASK", Codecs.U32);
    public static final Attr<Integer> IFLA_PROMISCUITY = Attr.of(30, "IFLA_PROMISCUITY", Codecs.U32);
    public static final Attr<Integer> IFLA_NUM_TX_QUEUES = Attr.of(31, "IFLA_NUM_TX_QUEUES", Codecs.U32);
    public static final Attr<Integer> IFLA_NUM_RX_QUEUES = Attr.of(32, "IFLA_NUM_RX_QUEUES", Codecs.U32);
    public static final Attr<Integer> IFLA_CARRIER = Attr.of(33, "IFLA_CARRIER", Codecs.U8);
    public static final Attr<Integer> IFLA_LINK_NETNSID = Attr.of(37, "IFLA_LINK_NETNSID", Codecs.S32);
    public static final Attr<Integer> IFLA_PROTO_DOWN = Attr.of(39, "IFLA_PROTO_DOWN", Codecs.U8);
    public static final Attr<Integer> IFLA_TARGET_NETNSID = Attr.of(46, "IFLA_TARGET_NETNSID", Codecs.S32);
    public static final Attr<Integer> IFLA_MIN_MTU = Attr.of(50, "IFLA_MIN_MTU", Codecs.U32);
    public static final Attr<Integer> IFLA_MAX_MTU = Attr.of(51, "IFLA_MAX_MTU", Codecs.U32);
    public static final Attr<Void> IFLA_PROP_LIST = Attr.nested(52, "IFLA_PROP_LIST", () -> IflaSchema.PROP_LIST);
    public static final Attr<String> IFLA_ALT_IFNAME = Attr.of(53, "IFLA_ALT_IFNAME", Codecs.STRING);
    public static final Attr<MacAddress> IFLA_PERM_ADDRESS = Attr.of(54, "IFLA_PERM_ADDRESS", RtCodecs.MAC);

    // IFLA_LINKINFO children: enum { IFLA_INFO_UNSPEC, IFLA_INFO_KIND, ... }
    /** iproute2 writes the kind without its NUL. */
    public static final Attr<String> IFLA_INFO_KIND = Attr.of(1, "IFLA_INFO_KIND", RtCodecs.STRING_NO_NUL);
    /** Contents by kind ({@link io.github.netlink4j.rtnl.LinkKindCodec#dataSchema()}). */
    public static final Attr<Void> IFLA_INFO_DATA = Attr.nested(2, "IFLA_INFO_DATA");
    public static final Attr<Void> IFLA_INFO_XSTATS = Attr.nested(3, "IFLA_INFO_XSTATS");
    public static final Attr<String> IFLA_INFO_SLAVE_KIND = Attr.of(4, "IFLA_INFO_SLAVE_KIND", RtCodecs.STRING_NO_NUL);
    public static final Attr<Void> IFLA_INFO_SLAVE_DATA = Attr.nested(5, "IFLA_INFO_SLAVE_DATA");

    public static final AttrSchema LINKINFO = AttrSchema.of("ifla_info", "IFLA_INFO_",
            IFLA_INFO_KIND, IFLA_INFO_DATA, IFLA_INFO_XSTATS, IFLA_INFO_SLAVE_KIND, IFLA_INFO_SLAVE_DATA);

    public static final AttrSchema PROP_LIST = AttrSchema.of("ifla_prop_list", "IFLA_", IFLA_ALT_IFNAME);

    /** The top level of an ifinfomsg message. */
    public static final AttrSchema IFLA = AttrSchema.of("ifinfomsg", "IFLA_",
            IFLA_ADDRESS, IFLA_BROADCAST, IFLA_IFNAME, IFLA_MTU, IFLA_LINK, IFLA_QDISC, IFLA_MASTER, IFLA_TXQLEN,
            IFLA_OPERSTATE, IFLA_LINKMODE, IFLA_LINKINFO, IFLA_NET_NS_PID, IFLA_IFALIAS, IFLA_STATS64, IFLA_AF_SPEC, IFLA_GROUP,
            IFLA_NET_NS_FD, IFLA_EXT_MASK, IFLA_PROMISCUITY, IFLA_NUM_TX_QUEUES, IFLA_NUM_RX_QUEUES, IFLA_CARRIER,
            IFLA_LINK_NETNSID, IFLA_PROTO_DOWN, IFLA_TARGET_NETNSID, IFLA_MIN_MTU, IFLA_MAX_MTU, IFLA_PROP_LIST,
            IFLA_ALT_IFNAME, IFLA_PERM_ADDRESS);

    /** The ifinfomsg schema whose IFLA_LINKINFO > IFLA_INFO_DATA follows {@code data}, for naming extack paths. */
    public static AttrSchema withKindData(AttrSchema data) {
        return IFLA.withNested(IFLA_LINKINFO, LINKINFO.withNested(IFLA_INFO_DATA, data));
    }

    // struct ifinfomsg ifi_flags: enum net_device_flags, include/uapi/linux/if.h
    public static final int IFF_UP = 1;
}
