package io.github.netlink4j.rtnl;

import java.util.ArrayList;
import java.util.List;

/**
 * The state {@link RtEvents#resync()} read back after an overrun (or at start): every object of
 * the subscribed kinds, as freshly dumped.
 *
 * @param links      every link (when subscribed to {@link RtnlGroup#LINK})
 * @param addresses  every address of the subscribed families
 * @param neighbours every neighbour entry (when subscribed to {@link RtnlGroup#NEIGH})
 * @param others     route, rule and nexthop state, as NEW events (see {@code RouteEventHooks})
 */
public record RtSnapshot(List<Link> links, List<Address> addresses, List<Neighbour> neighbours,
                         List<RtEvent> others) {
    public RtSnapshot {
        links = List.copyOf(links);
        addresses = List.copyOf(addresses);
        neighbours = List.copyOf(neighbours);
        others = List.copyOf(others);
    }

    /** The snapshot as NEW events: links, then addresses, then neighbours, then the others. */
    public List<RtEvent> events() {
        List<RtEvent> out = new ArrayList<>(links.size() + addresses.size() + neighbours.size() + others.size());
        links.forEach(l -> out.add(new RtEvent.LinkEvent(RtEvent.Action.NEW, l)));
        addresses.forEach(a -> out.add(new RtEvent.AddressEvent(RtEvent.Action.NEW, a)));
        neighbours.forEach(n -> out.add(new RtEvent.NeighbourEvent(RtEvent.Action.NEW, n)));
        out.addAll(others);
        return out;
    }
}
