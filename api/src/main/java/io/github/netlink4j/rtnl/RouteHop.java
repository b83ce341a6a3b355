package io.github.netlink4j.rtnl;

import io.github.netlink4j.core.wire.RawAttribute;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One path of a multipath route ({@code nexthop via A dev D weight W}): a struct rtnexthop inside
 * RTA_MULTIPATH and its attributes.
 *
 * @param gateway  RTA_GATEWAY, or RTA_VIA when of the other family
 * @param dev      the device by name (requests; resolved to an index before sending)
 * @param oif      rtnh_ifindex (decoded routes; or given directly)
 * @param weight   1..256 (rtnh_hops + 1); 1 unless given
 * @param flags    rtnh_flags (RTNH_F_ONLINK = 4...)
 * @param encap    RTA_ENCAP_TYPE + RTA_ENCAP of this path
 * @param unknown  other attributes of the path, kept raw
 */
public record RouteHop(Optional<InetAddress> gateway, Optional<String> dev, OptionalInt oif, int weight, int flags,
                       Optional<RouteEncap> encap, List<RawAttribute> unknown) {
    public RouteHop {
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(dev, "dev");
        Objects.requireNonNull(oif, "oif");
        Objects.requireNonNull(encap, "encap");
        if (weight < 1 || weight > 256) {
            throw new IllegalArgumentException("nexthop weight must be in 1..256, was " + weight);
        }
        if (flags < 0 || flags > 255) {
            throw new IllegalArgumentException("nexthop flags must be in 0..255, was " + flags);
        }
        unknown = List.copyOf(unknown);
    }

    /** A path through {@code gateway} (numeric address). */
    public static RouteHop via(String gateway) {
        return new RouteHop(Optional.of(Inet.parse(gateway)), Optional.empty(), OptionalInt.empty(), 1, 0,
                Optional.empty(), List.of());
    }

    /** A path out of device {@code dev}. */
    public static RouteHop dev(String dev) {
        return new RouteHop(Optional.empty(), Optional.of(Route.validDev(dev)), OptionalInt.empty(), 1, 0,
                Optional.empty(), List.of());
    }

    /** This path out of device {@code d} (resolved to an index when sent). */
    public RouteHop withDev(String d) {
        return new RouteHop(gateway, Optional.of(Route.validDev(d)), OptionalInt.empty(), weight, flags, encap, unknown);
    }

    /** This path out of the device with index {@code index} (a name, if any, is kept for printing). */
    public RouteHop withOif(int index) {
        if (index < 1) {
            throw new IllegalArgumentException("oif must be an ifindex >= 1, was " + index);
        }
        return new RouteHop(gateway, dev, OptionalInt.of(index), weight, flags, encap, unknown);
    }

    /** {@code weight W}, 1..256. */
    public RouteHop withWeight(int w) {
        return new RouteHop(gateway, dev, oif, w, flags, encap, unknown);
    }

    /** {@code encap ...} on this path. */
    public RouteHop withEncap(RouteEncap e) {
        return new RouteHop(gateway, dev, oif, weight, flags, Optional.of(e), unknown);
    }

    /** {@code onlink}: the path's gateway is on the link even without a matching prefix. */
    public RouteHop onlink() {
        return new RouteHop(gateway, dev, oif, weight, flags | 4, encap, unknown);
    }

    String toIpArgs(AddressFamily routeFamily) {
        StringBuilder sb = new StringBuilder("nexthop");
        gateway.ifPresent(g -> sb.append(" via ")
                .append(AddressFamily.of(g).equals(routeFamily) ? "" : AddressFamily.of(g) + " ")
                .append(Inet.format(g)));
        if (dev.isPresent()) {
            sb.append(" dev ").append(dev.get());
        } else {
            oif.ifPresent(i -> sb.append(" dev if").append(i));
        }
        if (weight != 1) {
            sb.append(" weight ").append(weight);
        }
        if ((flags & 4) != 0) {
            sb.append(" onlink");
        }
        encap.ifPresent(e -> sb.append(' ').append(e.toIpArgs()));
        return sb.toString();
    }
}
