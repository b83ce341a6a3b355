package io.github.netlink4j.rtnl;

import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.MessageWriter;

/**
 * A lightweight-tunnel encapsulation carried by a route or nexthop ({@code encap ...}):
 * {@code RTA_ENCAP_TYPE} / {@code NHA_ENCAP_TYPE} hold {@link #encapType()}, and {@code RTA_ENCAP} /
 * {@code NHA_ENCAP} hold what {@link #encode} writes.
 *
 * <pre>
 * RTA_ENCAP_TYPE  u16 LWTUNNEL_ENCAP_IP (2)
 * RTA_ENCAP       (NLA_F_NESTED)
 *   LWTUNNEL_IP_ID     be64
 *   LWTUNNEL_IP_DST    be32
 *   LWTUNNEL_IP_FLAGS  be16
 * </pre>
 *
 * Implementations are immutable records decoded by a {@link RouteEncapCodec} found through
 * {@link Extensions}; an unknown type decodes as {@link RawRouteEncap}. Not sealed: encaps live in
 * other modules (tunnel) and in applications.
 */
public interface RouteEncap {
    /** enum lwtunnel_encap_types value (include/uapi/linux/lwtunnel.h), e.g. 2 for LWTUNNEL_ENCAP_IP. */
    int encapType();

    /** Writes the contents of RTA_ENCAP (attributes only). */
    void encode(MessageWriter w);

    /** The schema of RTA_ENCAP's contents, for naming attributes in kernel errors. */
    default AttrSchema schema() {
        return AttrSchema.OPAQUE;
    }

    /**
     * This encap as the kernel stores and reports it back: fields the kernel fills with a default
     * when a request leaves them out are made explicit, so a requested encap and a dumped one can be
     * compared with {@code equals}. The default returns {@code this}.
     */
    default RouteEncap normalized() {
        return this;
    }

    /** The ip words from {@code encap} on, e.g. {@code "encap ip id 1000 dst 172.168.0.1 key"}. */
    String toIpArgs();
}
