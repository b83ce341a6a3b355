package io.github.netlink4j.rtnl;

import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.MessageWriter;

/**
 * The kind-specific part of a link: {@code IFLA_LINKINFO} carries {@code IFLA_INFO_KIND} (this
 * kind's name) and {@code IFLA_INFO_DATA} (what {@link #encodeData} writes).
 *
 * <pre>
 * IFLA_LINKINFO
 *   IFLA_INFO_KIND  "gretap"
 *   IFLA_INFO_DATA
 *     ...kind attributes (IFLA_GRE_*, IFLA_VRF_*, ...)
 * </pre>
 *
 * Implementations are immutable records; each kind has a {@link LinkKindCodec} that decodes it,
 * found through {@link Extensions}. A kind this library does not know decodes as
 * {@link RawLinkKind} and re-encodes byte for byte.
 *
 * <p>Not sealed: kinds live in other modules (tunnel, vrf) and in applications.
 */
public interface LinkKind {
    /** IFLA_INFO_KIND, e.g. {@code "gretap"}. */
    String kind();

    /** Writes the contents of IFLA_INFO_DATA (attributes only); nothing when the kind has none. */
    void encodeData(MessageWriter w);

    /** Whether IFLA_INFO_DATA is written at all (false for kinds with no data, as ip does). */
    default boolean hasData() {
        return true;
    }

    /** The schema of IFLA_INFO_DATA, for naming attributes in kernel errors. */
    default AttrSchema dataSchema() {
        return AttrSchema.OPAQUE;
    }

    /** The ip words from {@code type} on, e.g. {@code "type gretap external"}. */
    String toIpArgs();
}
