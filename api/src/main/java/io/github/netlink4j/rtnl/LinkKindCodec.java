package io.github.netlink4j.rtnl;

import io.github.netlink4j.core.wire.AttrReader;
import io.github.netlink4j.core.wire.AttrSchema;

/**
 * Decodes one link kind from a dump. Registered through {@link Extensions} (or found with
 * {@link java.util.ServiceLoader}: {@code provides io.github.netlink4j.rtnl.LinkKindCodec}).
 */
public interface LinkKindCodec {
    /** The IFLA_INFO_KIND this codec decodes. */
    String kind();

    /** The schema of this kind's IFLA_INFO_DATA. */
    AttrSchema dataSchema();

    /**
     * Decodes the kind from the contents of IFLA_INFO_DATA.
     *
     * @param data a reader over IFLA_INFO_DATA's attributes, or null when the link has no IFLA_INFO_DATA
     */
    LinkKind decode(AttrReader data);
}
