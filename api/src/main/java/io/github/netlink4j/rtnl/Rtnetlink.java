package io.github.netlink4j.rtnl;

import io.github.netlink4j.core.NetNs;
import io.github.netlink4j.core.NetlinkChannel;
import io.github.netlink4j.core.NetlinkProtocol;

import java.util.Objects;

/**
 * The typed rtnetlink API: one NETLINK_ROUTE channel and the handles that group its operations.
 *
 * <pre>{@code
 * try (Rtnetlink rt = Rtnetlink.open()) {
 *     rt.routes().replace(Route.to("2.2.2.11").via("1.1.1.11").dev("tun")
 *             .encap(IpEncap.id(1000).dst("172.168.0.1").key()).build());
 * }
 * }</pre>
 *
 * Thread safety: an instance may be shared by threads; requests are serialized on its channel.
 */
public final class Rtnetlink implements AutoCloseable {
    private final NetlinkChannel channel;

    private Rtnetlink(NetlinkChannel channel) {
        this.channel = channel;
    }

    /** Opens a NETLINK_ROUTE socket in the calling thread's network namespace. */
    public static Rtnetlink open() {
        return new Rtnetlink(NetlinkChannel.open(NetlinkProtocol.ROUTE));
    }

    /** Opens a NETLINK_ROUTE socket inside {@code ns}; every operation then acts on that namespace. */
    public static Rtnetlink open(NetNs ns) {
        return new Rtnetlink(NetlinkChannel.open(NetlinkProtocol.ROUTE, Objects.requireNonNull(ns, "ns")));
    }

    /** Network devices: {@code ip link}. */
    public Links links() {
        return new Links(channel);
    }

    /** Interface addresses: {@code ip addr}. */
    public Addresses addresses() {
        return new Addresses(channel, links());
    }

    /** Neighbour (ARP / NDP) entries: {@code ip neigh}. */
    public Neighbours neighbours() {
        return new Neighbours(channel, links());
    }

    /** Route operations. */
    public Routes routes() {
        return new Routes(channel);
    }

    /** Nexthop object operations. */
    public Nexthops nexthops() {
        return new Nexthops(channel);
    }

    /** Policy-routing rule operations. */
    public Rules rules() {
        return new Rules(channel);
    }

    /** The underlying channel, for requests this API does not cover. */
    public NetlinkChannel channel() {
        return channel;
    }

    @Override
    public void close() {
        channel.close();
    }

    @Override
    public String toString() {
        return "Rtnetlink[" + channel.socket() + "]";
    }
}
