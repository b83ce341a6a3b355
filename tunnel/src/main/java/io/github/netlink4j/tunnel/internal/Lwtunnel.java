package io.github.netlink4j.tunnel.internal;

import io.github.netlink4j.core.wire.Attr;
import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.Codecs;

import java.net.InetAddress;

/** include/uapi/linux/lwtunnel.h: the encap types and the attributes of encap ip / ip6. */
public final class Lwtunnel {
    private Lwtunnel() {
    }

    /** The address codec of attribute {@code type} of {@code schema} (INET4 for ip, INET6 for ip6). */
    @SuppressWarnings("unchecked")
    public static io.github.netlink4j.core.wire.AttrCodec<InetAddress> codecOf(AttrSchema schema, int type) {
        return (io.github.netlink4j.core.wire.AttrCodec<InetAddress>) schema.attr(type).codec();
    }

    // enum lwtunnel_encap_types
    public static final int LWTUNNEL_ENCAP_IP = 2;
    public static final int LWTUNNEL_ENCAP_IP6 = 4;

    // enum lwtunnel_ip_t
    public static final Attr<Long> LWTUNNEL_IP_ID = Attr.of(1, "LWTUNNEL_IP_ID", Codecs.U64_BE);
    public static final Attr<InetAddress> LWTUNNEL_IP_DST = Attr.of(2, "LWTUNNEL_IP_DST", Codecs.INET4);
    public static final Attr<InetAddress> LWTUNNEL_IP_SRC = Attr.of(3, "LWTUNNEL_IP_SRC", Codecs.INET4);
    public static final Attr<Integer> LWTUNNEL_IP_TTL = Attr.of(4, "LWTUNNEL_IP_TTL", Codecs.U8);
    public static final Attr<Integer> LWTUNNEL_IP_TOS = Attr.of(5, "LWTUNNEL_IP_TOS", Codecs.U8);
    public static final Attr<Integer> LWTUNNEL_IP_FLAGS = Attr.of(6, "LWTUNNEL_IP_FLAGS", Codecs.U16_BE);
    public static final AttrSchema LWTUNNEL_IP = AttrSchema.of("lwtunnel_ip", "LWTUNNEL_IP_", LWTUNNEL_IP_ID,
            LWTUNNEL_IP_DST, LWTUNNEL_IP_SRC, LWTUNNEL_IP_TTL, LWTUNNEL_IP_TOS, LWTUNNEL_IP_FLAGS);

    // enum lwtunnel_ip6_t
    public static final Attr<Long> LWTUNNEL_IP6_ID = Attr.of(1, "LWTUNNEL_IP6_ID", Codecs.U64_BE);
    public static final Attr<InetAddress> LWTUNNEL_IP6_DST = Attr.of(2, "LWTUNNEL_IP6_DST", Codecs.INET6);
    public static final Attr<InetAddress> LWTUNNEL_IP6_SRC = Attr.of(3, "LWTUNNEL_IP6_SRC", Codecs.INET6);
    public static final Attr<Integer> LWTUNNEL_IP6_HOPLIMIT = Attr.of(4, "LWTUNNEL_IP6_HOPLIMIT", Codecs.U8);
    public static final Attr<Integer> LWTUNNEL_IP6_TC = Attr.of(5, "LWTUNNEL_IP6_TC", Codecs.U8);
    public static final Attr<Integer> LWTUNNEL_IP6_FLAGS = Attr.of(6, "LWTUNNEL_IP6_FLAGS", Codecs.U16_BE);
    public static final AttrSchema LWTUNNEL_IP6 = AttrSchema.of("lwtunnel_ip6", "LWTUNNEL_IP6_", LWTUNNEL_IP6_ID,
            LWTUNNEL_IP6_DST, LWTUNNEL_IP6_SRC, LWTUNNEL_IP6_HOPLIMIT, LWTUNNEL_IP6_TC, LWTUNNEL_IP6_FLAGS);
}
