package io.github.netlink4j.rtnl;

import io.github.netlink4j.core.wire.AttrReader;
import io.github.netlink4j.core.wire.AttrSchema;

/**
 * Decodes one lightweight-tunnel encap type. Registered through {@link Extensions} (or found with
 * {@link java.util.ServiceLoader}: {@code provides io.github.netlink4j.rtnl.RouteEncapCodec}).
 */
public interface RouteEncapCodec {
    /** The RTA_ENCAP_TYPE this codec decodes. */
    int encapType();

    /** The schema of the encap's attributes. */
    AttrSchema schema();

    /** Decodes from a reader over RTA_ENCAP's (or NHA_ENCAP's) attributes. */
    RouteEncap decode(AttrReader encap);
}
