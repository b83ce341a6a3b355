package io.github.netlink4j.rtnl;

import java.util.Objects;
import java.util.Optional;

/**
 * Which links a dump returns: {@code ip link show [type KIND] [master DEV]}. The kernel filters
 * (NETLINK_GET_STRICT_CHK is on for the library's sockets); the library checks again, since a kernel
 * without the kind's module ignores the kind filter.
 *
 * @param kind   only links whose IFLA_INFO_KIND is this
 * @param master only links enslaved to this device
 */
public record LinkFilter(Optional<String> kind, Optional<LinkRef> master) {
    /** Every link. */
    public static final LinkFilter ALL = new LinkFilter(Optional.empty(), Optional.empty());

    public LinkFilter {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(master, "master");
        kind.ifPresent(k -> {
            if (k.isEmpty() || k.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("kind must be a non-empty name without NUL, was \"" + k + "\"");
            }
        });
    }

    /** {@code type KIND}. */
    public static LinkFilter kind(String kind) {
        return new LinkFilter(Optional.of(kind), Optional.empty());
    }

    /** {@code master DEV}. */
    public static LinkFilter master(String device) {
        return new LinkFilter(Optional.empty(), Optional.of(LinkRef.name(device)));
    }

    /** {@code master DEV} by ifindex. */
    public static LinkFilter master(int ifindex) {
        return new LinkFilter(Optional.empty(), Optional.of(LinkRef.index(ifindex)));
    }

    /** This filter with {@code type KIND} too. */
    public LinkFilter andKind(String kind) {
        return new LinkFilter(Optional.of(kind), master);
    }

    /** This filter with {@code master DEV} too. */
    public LinkFilter andMaster(String device) {
        return new LinkFilter(kind, Optional.of(LinkRef.name(device)));
    }
}
