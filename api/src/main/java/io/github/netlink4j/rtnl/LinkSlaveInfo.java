package io.github.netlink4j.rtnl;

import io.github.netlink4j.core.wire.RawAttribute;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a link's master says about it as a port: IFLA_LINKINFO > IFLA_INFO_SLAVE_KIND (the master's
 * kind, e.g. {@code bridge}) and IFLA_INFO_SLAVE_DATA, kept raw and re-encoded byte for byte.
 *
 * @param kind IFLA_INFO_SLAVE_KIND
 * @param data the attributes of IFLA_INFO_SLAVE_DATA, or empty when there was none
 */
public record LinkSlaveInfo(String kind, Optional<List<RawAttribute>> data) {
    public LinkSlaveInfo {
        Objects.requireNonNull(kind, "kind");
        data = data.map(List::copyOf);
    }
}
