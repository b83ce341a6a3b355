package io.github.netlink4j.rtnl.internal;

import io.github.netlink4j.core.wire.Attr;
import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.rtnl.AddressCacheInfo;
import io.github.netlink4j.core.wire.Codecs;

import java.net.InetAddress;

/**
 * The IFA_* attributes of struct ifaddrmsg messages (RTM_NEWADDR, RTM_DELADDR, RTM_GETADDR), from
 * include/uapi/linux/if_addr.h.
 *
 * <pre>
 * struct ifaddrmsg { __u8 ifa_family; __u8 ifa_prefixlen; __u8 ifa_flags; __u8 ifa_scope; __u32 ifa_index; };
 * struct ifa_cacheinfo { __u32 ifa_prefered; __u32 ifa_valid; __u32 cstamp; __u32 tstamp; };
 * </pre>
 */
public final class IfaSchema {
    private IfaSchema() {
    }

    /** The prefix (or, point-to-point, the peer) address. */
    public static final Attr<InetAddress> IFA_ADDRESS = Attr.of(1, "IFA_ADDRESS", Codecs.INET);
    /** The local address. */
    public static final Attr<InetAddress> IFA_LOCAL = Attr.of(2, "IFA_LOCAL", Codecs.INET);
    public static final Attr<String> IFA_LABEL = Attr.of(3, "IFA_LABEL", Codecs.STRING);
    public static final Attr<InetAddress> IFA_BROADCAST = Attr.of(4, "IFA_BROADCAST", Codecs.INET);
    public static final Attr<InetAddress> IFA_ANYCAST = Attr.of(5, "IFA_ANYCAST", Codecs.INET);
    /** struct ifa_cacheinfo, 16 bytes. */
    public static final Attr<AddressCacheInfo> IFA_CACHEINFO = Attr.of(6, "IFA_CACHEINFO", RtCodecs.IFA_CACHEINFO);
    public static final Attr<InetAddress> IFA_MULTICAST = Attr.of(7, "IFA_MULTICAST", Codecs.INET);
    /** u32 extension of ifa_flags; when present the kernel ignores ifa_flags. */
    public static final Attr<Integer> IFA_FLAGS = Attr.of(8, "IFA_FLAGS", Codecs.U32);
    /** u32 metric of the prefix route. */
    public static final Attr<Integer> IFA_RT_PRIORITY = Attr.of(9, "IFA_RT_PRIORITY", Codecs.U32);
    public static final Attr<Integer> IFA_TARGET_NETNSID = Attr.of(10, "IFA_TARGET_NETNSID", Codecs.S32);
    /** u8 address protocol (IFAPROT_*). */
    public static final Attr<Integer> IFA_PROTO = Attr.of(11, "IFA_PROTO", Codecs.U8);

    public static final AttrSchema IFA = AttrSchema.of("ifaddrmsg", "IFA_",
            IFA_ADDRESS, IFA_LOCAL, IFA_LABEL, IFA_BROADCAST, IFA_ANYCAST, IFA_CACHEINFO, IFA_MULTICAST, IFA_FLAGS,
            IFA_RT_PRIORITY, IFA_TARGET_NETNSID, IFA_PROTO);

    /** sizeof(struct ifa_cacheinfo). */
    public static final int CACHEINFO_LEN = 16;
}
