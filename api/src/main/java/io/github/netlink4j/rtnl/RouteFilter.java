package io.github.netlink4j.rtnl;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Which routes a dump returns ({@code ip route show table 100 dev eth0 proto static}). The kernel
 * filters by table, protocol, type and output device when it can (NETLINK_GET_STRICT_CHK); the
 * rest, and whatever an older kernel ignores, is filtered here.
 *
 * @param family   AF_INET, AF_INET6, or empty for both
 * @param table    a table id, or empty for every table
 * @param dev      an output device by name
 * @param oif      an output device by index
 * @param protocol a protocol
 * @param type     a route type
 */
public record RouteFilter(Optional<AddressFamily> family, OptionalInt table, Optional<String> dev, OptionalInt oif,
                          Optional<RouteProtocol> protocol, Optional<RouteType> type) {
    /** Every route of every table. */
    public static final RouteFilter ALL = new RouteFilter(Optional.empty(), OptionalInt.empty(), Optional.empty(),
            OptionalInt.empty(), Optional.empty(), Optional.empty());

    /** The routes of table {@code id}. */
    public static RouteFilter table(int id) {
        return ALL.withTable(id);
    }

    /** Only table {@code id} (any u32; {@code 0} is refused: leave the table out for every table). */
    public RouteFilter withTable(int id) {
        if (id == 0) {
            throw new IllegalArgumentException("table must be 1..4294967295 (leave it out for every table), was 0");
        }
        return new RouteFilter(family, OptionalInt.of(id), dev, oif, protocol, type);
    }

    /** Only AF_INET or only AF_INET6 routes. */
    public RouteFilter withFamily(AddressFamily f) {
        if (!f.equals(AddressFamily.INET) && !f.equals(AddressFamily.INET6)) {
            throw new IllegalArgumentException("route family must be inet or inet6, was " + f);
        }
        return new RouteFilter(Optional.of(f), table, dev, oif, protocol, type);
    }

    /** Only routes leaving by device {@code name} (or with a path through it), resolved when listing. */
    public RouteFilter withDev(String name) {
        return new RouteFilter(family, table, Optional.of(Route.validDev(name)), OptionalInt.empty(), protocol, type);
    }

    /** Only routes leaving by the device with index {@code index} (or with a path through it). */
    public RouteFilter withOif(int index) {
        if (index < 1) {
            throw new IllegalArgumentException("oif must be an ifindex >= 1, was " + index);
        }
        return new RouteFilter(family, table, Optional.empty(), OptionalInt.of(index), protocol, type);
    }

    /** This filter with device {@code dev} resolved to {@code index}, its name kept for printing. */
    RouteFilter resolved(int index) {
        return new RouteFilter(family, table, dev, OptionalInt.of(index), protocol, type);
    }

    /** Only routes of protocol {@code p} ({@code proto static}). */
    public RouteFilter withProtocol(RouteProtocol p) {
        return new RouteFilter(family, table, dev, oif, Optional.of(p), type);
    }

    /** Only routes of type {@code t} ({@code type blackhole}). */
    public RouteFilter withType(RouteType t) {
        return new RouteFilter(family, table, dev, oif, protocol, Optional.of(t));
    }

    /** Whether {@code r} passes (with devices already resolved to {@code oif}). */
    public boolean matches(Route r) {
        // (no lambdas: every route of a filtered dump comes through here)
        if (family.isPresent() && !family.get().equals(r.family())) {
            return false;
        }
        if (table.isPresent() && table.getAsInt() != r.table()) {
            return false;
        }
        if (oif.isPresent() && !(r.oif().isPresent() && r.oif().getAsInt() == oif.getAsInt())) {
            boolean hop = false;
            for (RouteHop h : r.nexthops()) {
                hop |= h.oif().equals(oif);
            }
            if (!hop) {
                return false;
            }
        }
        if (protocol.isPresent() && !(r.protocol().isPresent() && protocol.get().equals(r.protocol().get()))) {
            return false;
        }
        return type.isEmpty() || (r.type().isPresent() && type.get().equals(r.type().get()));
    }
}
