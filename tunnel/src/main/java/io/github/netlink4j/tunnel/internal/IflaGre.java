package io.github.netlink4j.tunnel.internal;

import io.github.netlink4j.core.wire.Attr;
import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.Codecs;

import java.net.InetAddress;

/** include/uapi/linux/if_tunnel.h: IFLA_GRE_* and the GRE flags; include/uapi/linux/if_link.h: IFLA_VXLAN_*. */
public final class IflaGre {
    private IflaGre() {
    }

    // GRE flags (__be16, include/uapi/linux/if_tunnel.h)
    public static final int GRE_CSUM = 0x8000;
    public static final int GRE_KEY = 0x2000;
    public static final int GRE_SEQ = 0x1000;

    public static final Attr<Integer> IFLA_GRE_LINK = Attr.of(1, "IFLA_GRE_LINK", Codecs.U32);
    public static final Attr<Integer> IFLA_GRE_IFLAGS = Attr.of(2, "IFLA_GRE_IFLAGS", Codecs.U16_BE);
    public static final Attr<Integer> IFLA_GRE_OFLAGS = Attr.of(3, "IFLA_GRE_OFLAGS", Codecs.U16_BE);
    public static final Attr<Integer> IFLA_GRE_IKEY = Attr.of(4, "IFLA_GRE_IKEY", Codecs.U32_BE);
    public static final Attr<Integer> IFLA_GRE_OKEY = Attr.of(5, "IFLA_GRE_OKEY", Codecs.U32_BE);
    public static final Attr<InetAddress> IFLA_GRE_LOCAL = Attr.of(6, "IFLA_GRE_LOCAL", Codecs.INET);
    public static final Attr<InetAddress> IFLA_GRE_REMOTE = Attr.of(7, "IFLA_GRE_REMOTE", Codecs.INET);
    public static final Attr<Integer> IFLA_GRE_TTL = Attr.of(8, "IFLA_GRE_TTL", Codecs.U8);
    public static final Attr<Integer> IFLA_GRE_TOS = Attr.of(9, "IFLA_GRE_TOS", Codecs.U8);
    public static final Attr<Integer> IFLA_GRE_PMTUDISC = Attr.of(10, "IFLA_GRE_PMTUDISC", Codecs.U8);
    public static final Attr<Integer> IFLA_GRE_ENCAP_LIMIT = Attr.of(11, "IFLA_GRE_ENCAP_LIMIT", Codecs.U8);
    public static final Attr<Integer> IFLA_GRE_FLOWINFO = Attr.of(12, "IFLA_GRE_FLOWINFO", Codecs.U32_BE);
    public static final Attr<Integer> IFLA_GRE_FLAGS = Attr.of(13, "IFLA_GRE_FLAGS", Codecs.U32);
    public static final Attr<Integer> IFLA_GRE_ERSPAN_VER = Attr.of(22, "IFLA_GRE_ERSPAN_VER", Codecs.U8);
    public static final Attr<Integer> IFLA_GRE_ENCAP_TYPE = Attr.of(14, "IFLA_GRE_ENCAP_TYPE", Codecs.U16);
    public static final Attr<Integer> IFLA_GRE_ENCAP_FLAGS = Attr.of(15, "IFLA_GRE_ENCAP_FLAGS", Codecs.U16);
    public static final Attr<Integer> IFLA_GRE_ENCAP_SPORT = Attr.of(16, "IFLA_GRE_ENCAP_SPORT", Codecs.U16_BE);
    public static final Attr<Integer> IFLA_GRE_ENCAP_DPORT = Attr.of(17, "IFLA_GRE_ENCAP_DPORT", Codecs.U16_BE);
    public static final Attr<Boolean> IFLA_GRE_COLLECT_METADATA = Attr.of(18, "IFLA_GRE_COLLECT_METADATA", Codecs.FLAG);
    public static final Attr<Integer> IFLA_GRE_FWMARK = Attr.of(20, "IFLA_GRE_FWMARK", Codecs.U32);

    public static final AttrSchema IFLA_GRE = AttrSchema.of("gre", "IFLA_GRE_", IFLA_GRE_LINK, IFLA_GRE_IFLAGS,
            IFLA_GRE_OFLAGS, IFLA_GRE_IKEY, IFLA_GRE_OKEY, IFLA_GRE_LOCAL, IFLA_GRE_REMOTE, IFLA_GRE_TTL, IFLA_GRE_TOS,
            IFLA_GRE_PMTUDISC, IFLA_GRE_ENCAP_LIMIT, IFLA_GRE_FLOWINFO, IFLA_GRE_FLAGS, IFLA_GRE_ERSPAN_VER, IFLA_GRE_ENCAP_TYPE, IFLA_GRE_ENCAP_FLAGS, IFLA_GRE_ENCAP_SPORT, IFLA_GRE_ENCAP_DPORT,
            IFLA_GRE_COLLECT_METADATA, IFLA_GRE_FWMARK);

    public static final Attr<Integer> IFLA_VXLAN_ID = Attr.of(1, "IFLA_VXLAN_ID", Codecs.U32);
    public static final Attr<InetAddress> IFLA_VXLAN_GROUP = Attr.of(2, "IFLA_VXLAN_GROUP", Codecs.INET4);
    public static final Attr<Integer> IFLA_VXLAN_LINK = Attr.of(3, "IFLA_VXLAN_LINK", Codecs.U32);
    public static final Attr<InetAddress> IFLA_VXLAN_LOCAL = Attr.of(4, "IFLA_VXLAN_LOCAL", Codecs.INET4);
    public static final Attr<Integer> IFLA_VXLAN_TTL = Attr.of(5, "IFLA_VXLAN_TTL", Codecs.U8);
    public static final Attr<Integer> IFLA_VXLAN_LEARNING = Attr.of(7, "IFLA_VXLAN_LEARNING", Codecs.U8);
    public static final Attr<Integer> IFLA_VXLAN_PORT = Attr.of(15, "IFLA_VXLAN_PORT", Codecs.U16_BE);
    public static final Attr<InetAddress> IFLA_VXLAN_GROUP6 = Attr.of(16, "IFLA_VXLAN_GROUP6", Codecs.INET6);
    public static final Attr<InetAddress> IFLA_VXLAN_LOCAL6 = Attr.of(17, "IFLA_VXLAN_LOCAL6", Codecs.INET6);
    public static final Attr<Integer> IFLA_VXLAN_COLLECT_METADATA = Attr.of(25, "IFLA_VXLAN_COLLECT_METADATA", Codecs.U8);

    // IFLA_GENEVE_* (include/uapi/linux/if_link.h)
    public static final Attr<Integer> IFLA_GENEVE_ID = Attr.of(1, "IFLA_GENEVE_ID", Codecs.U32);
    public static final Attr<InetAddress> IFLA_GENEVE_REMOTE = Attr.of(2, "IFLA_GENEVE_REMOTE", Codecs.INET4);
    public static final Attr<Integer> IFLA_GENEVE_TTL = Attr.of(3, "IFLA_GENEVE_TTL", Codecs.U8);
    public static final Attr<Integer> IFLA_GENEVE_TOS = Attr.of(4, "IFLA_GENEVE_TOS", Codecs.U8);
    public static final Attr<Integer> IFLA_GENEVE_PORT = Attr.of(5, "IFLA_GENEVE_PORT", Codecs.U16_BE);
    public static final Attr<Boolean> IFLA_GENEVE_COLLECT_METADATA = Attr.of(6, "IFLA_GENEVE_COLLECT_METADATA", Codecs.FLAG);
    public static final Attr<InetAddress> IFLA_GENEVE_REMOTE6 = Attr.of(7, "IFLA_GENEVE_REMOTE6", Codecs.INET6);
    public static final Attr<Integer> IFLA_GENEVE_LABEL = Attr.of(11, "IFLA_GENEVE_LABEL", Codecs.U32_BE);
    public static final AttrSchema IFLA_GENEVE = AttrSchema.of("geneve", "IFLA_GENEVE_", IFLA_GENEVE_ID, IFLA_GENEVE_REMOTE,
            IFLA_GENEVE_TTL, IFLA_GENEVE_TOS, IFLA_GENEVE_PORT, IFLA_GENEVE_COLLECT_METADATA, IFLA_GENEVE_REMOTE6,
            IFLA_GENEVE_LABEL);

    // IFLA_IPTUN_* (include/uapi/linux/if_tunnel.h)
    public static final Attr<Integer> IFLA_IPTUN_LINK = Attr.of(1, "IFLA_IPTUN_LINK", Codecs.U32);
    public static final Attr<InetAddress> IFLA_IPTUN_LOCAL = Attr.of(2, "IFLA_IPTUN_LOCAL", Codecs.INET4);
    public static final Attr<InetAddress> IFLA_IPTUN_REMOTE = Attr.of(3, "IFLA_IPTUN_REMOTE", Codecs.INET4);
    public static final Attr<Integer> IFLA_IPTUN_TTL = Attr.of(4, "IFLA_IPTUN_TTL", Codecs.U8);
    public static final Attr<Integer> IFLA_IPTUN_TOS = Attr.of(5, "IFLA_IPTUN_TOS", Codecs.U8);
    public static final Attr<Integer> IFLA_IPTUN_PROTO = Attr.of(9, "IFLA_IPTUN_PROTO", Codecs.U8);
    public static final Attr<Integer> IFLA_IPTUN_PMTUDISC = Attr.of(10, "IFLA_IPTUN_PMTUDISC", Codecs.U8);
    public static final Attr<Integer> IFLA_IPTUN_ENCAP_TYPE = Attr.of(15, "IFLA_IPTUN_ENCAP_TYPE", Codecs.U16);
    public static final Attr<Integer> IFLA_IPTUN_ENCAP_FLAGS = Attr.of(16, "IFLA_IPTUN_ENCAP_FLAGS", Codecs.U16);
    public static final Attr<Integer> IFLA_IPTUN_ENCAP_SPORT = Attr.of(17, "IFLA_IPTUN_ENCAP_SPORT", Codecs.U16_BE);
    public static final Attr<Integer> IFLA_IPTUN_ENCAP_DPORT = Attr.of(18, "IFLA_IPTUN_ENCAP_DPORT", Codecs.U16_BE);
    public static final Attr<Boolean> IFLA_IPTUN_COLLECT_METADATA = Attr.of(19, "IFLA_IPTUN_COLLECT_METADATA", Codecs.FLAG);
    public static final Attr<Integer> IFLA_IPTUN_FWMARK = Attr.of(20, "IFLA_IPTUN_FWMARK", Codecs.U32);
    public static final AttrSchema IFLA_IPTUN = AttrSchema.of("iptun", "IFLA_IPTUN_", IFLA_IPTUN_LINK, IFLA_IPTUN_LOCAL,
            IFLA_IPTUN_REMOTE, IFLA_IPTUN_TTL, IFLA_IPTUN_TOS, IFLA_IPTUN_PROTO, IFLA_IPTUN_PMTUDISC, IFLA_IPTUN_ENCAP_TYPE,
            IFLA_IPTUN_ENCAP_FLAGS, IFLA_IPTUN_ENCAP_SPORT, IFLA_IPTUN_ENCAP_DPORT, IFLA_IPTUN_COLLECT_METADATA,
            IFLA_IPTUN_FWMARK);

    public static final AttrSchema IFLA_VXLAN = AttrSchema.of("vxlan", "IFLA_VXLAN_", IFLA_VXLAN_ID, IFLA_VXLAN_GROUP,
            IFLA_VXLAN_LINK, IFLA_VXLAN_LOCAL, IFLA_VXLAN_TTL, IFLA_VXLAN_LEARNING, IFLA_VXLAN_PORT, IFLA_VXLAN_GROUP6,
            IFLA_VXLAN_LOCAL6, IFLA_VXLAN_COLLECT_METADATA);
}
