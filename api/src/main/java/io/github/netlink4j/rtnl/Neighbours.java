package io.github.netlink4j.rtnl;

import io.github.netlink4j.core.NetlinkChannel;
import io.github.netlink4j.core.NetlinkRequest;
import io.github.netlink4j.core.wire.MessageReader;
import io.github.netlink4j.rtnl.internal.NeighCodec;
import io.github.netlink4j.rtnl.internal.NeighRequests;
import io.github.netlink4j.rtnl.internal.Rtm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Neighbour (ARP / NDP) entries: {@code ip neigh add / replace / del / show}. Obtained from
 * {@link Rtnetlink#neighbours()}.
 *
 * <pre>{@code
 * int ifindex = rt.links().indexOf("veth0");
 * rt.neighbours().add(Neighbour.builder("10.0.0.2", ifindex).lladdr("02:00:00:00:00:02").build());
 *                                     // ip neigh add 10.0.0.2 lladdr 02:00:00:00:00:02 dev veth0
 * }</pre>
 *
 * Thread safety: as the {@link Rtnetlink} it came from.
 */
public final class Neighbours {
    private final NetlinkChannel channel;
    private final Links links;

    Neighbours(NetlinkChannel channel, Links links) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.links = Objects.requireNonNull(links, "links");
    }

    /** Adds an entry (RTM_NEWNEIGH, NLM_F_CREATE | NLM_F_EXCL). */
    public void add(Neighbour neighbour) {
        channel.execute(addRequest(neighbour));
    }

    /** The request {@link #add} sends, for pipelines. */
    public NetlinkRequest addRequest(Neighbour neighbour) {
        return NeighRequests.add(neighbour, false, null);
    }

    /** Adds or replaces an entry (RTM_NEWNEIGH, NLM_F_CREATE | NLM_F_REPLACE). */
    public void replace(Neighbour neighbour) {
        channel.execute(replaceRequest(neighbour));
    }

    /** The request {@link #replace} sends. */
    public NetlinkRequest replaceRequest(Neighbour neighbour) {
        return NeighRequests.add(neighbour, true, null);
    }

    /** Deletes the entry for {@code neighbour}'s destination on its device (proxy entries included). */
    public void delete(Neighbour neighbour) {
        channel.execute(deleteRequest(neighbour));
    }

    /** The request {@link #delete} sends. */
    public NetlinkRequest deleteRequest(Neighbour neighbour) {
        return NeighRequests.delete(neighbour, null);
    }

    /** Every IPv4 and IPv6 entry ({@code ip neigh show}; proxy entries are not listed). */
    public List<Neighbour> list() {
        return list(AddressFamily.UNSPEC, null);
    }

    /** The entries of {@code family}. */
    public List<Neighbour> list(AddressFamily family) {
        return list(family, null);
    }

    /** The entries on {@code device} ({@code ip neigh show dev DEV}). */
    public List<Neighbour> list(String device) {
        return list(AddressFamily.UNSPEC, LinkRef.name(device));
    }

    /**
     * The entries of {@code family} on {@code device}; the kernel filters (NDA_IFINDEX), the library
     * checks again.
     *
     * @param device null for every device
     */
    public List<Neighbour> list(AddressFamily family, LinkRef device) {
        Objects.requireNonNull(family, "family");
        int ifindex = device == null ? 0 : links.resolve(device);
        List<Neighbour> all = channel.dumpAll(NeighRequests.dump(family, ifindex,
                device == null ? null : device.toString()), Neighbours::decode);
        List<Neighbour> out = new ArrayList<>(all.size());
        for (Neighbour n : all) {
            if ((ifindex == 0 || n.ifindex() == ifindex)
                    && (family.equals(AddressFamily.UNSPEC) || n.family().equals(family))) {
                out.add(n);
            }
        }
        return out;
    }

    private static Neighbour decode(MessageReader m) {
        return m.type() == Rtm.RTM_NEWNEIGH ? NeighCodec.decode(m) : null;
    }
}
