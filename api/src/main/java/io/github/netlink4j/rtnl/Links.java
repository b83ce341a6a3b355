package io.github.netlink4j.rtnl;

import io.github.netlink4j.core.Errno;
import io.github.netlink4j.core.KernelException;
import io.github.netlink4j.core.NetlinkChannel;
import io.github.netlink4j.core.NetlinkRequest;
import io.github.netlink4j.core.wire.MessageReader;
import io.github.netlink4j.rtnl.internal.LinkCodec;
import io.github.netlink4j.rtnl.internal.LinkRequests;
import io.github.netlink4j.rtnl.internal.Rtm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Network devices: {@code ip link add / set / del / show}. Obtained from {@link Rtnetlink#links()}.
 *
 * <pre>{@code
 * Links links = rt.links();
 * links.add(Link.builder("veth0").kind(Veth.peer("veth1")).build());  // ip link add veth0 type veth peer name veth1
 * links.set(LinkChange.of("veth0").up().mtu(1400).build());           // ip link set dev veth0 up mtu 1400
 * int ifindex = links.indexOf("veth0");
 * List<Link> veths = links.list(LinkFilter.kind("veth"));             // ip link show type veth
 * links.delete("veth0");                                              // ip link del dev veth0
 * }</pre>
 *
 * Device names are resolved to indexes with RTM_GETLINK (as ip does) right before a request that needs
 * them. Thread safety: as the {@link Rtnetlink} it came from.
 */
public final class Links {
    private final NetlinkChannel channel;

    Links(NetlinkChannel channel) {
        this.channel = Objects.requireNonNull(channel, "channel");
    }

    /**
     * Creates a link: RTM_NEWLINK with NLM_F_CREATE | NLM_F_EXCL ({@code ip link add}).
     *
     * @throws io.github.netlink4j.core.KernelException EEXIST when a link of that name exists, EOPNOTSUPP
     *                                                  when the kernel lacks the kind...
     */
    public void add(Link link) {
        channel.execute(addRequest(link));
    }

    /** The request {@link #add} sends, for pipelines. */
    public NetlinkRequest addRequest(Link link) {
        return LinkRequests.add(link, null, null);
    }

    /** Changes a link ({@code ip link set dev DEV ...}); the device and master names are resolved first. */
    public void set(LinkChange change) {
        channel.execute(setRequest(change));
    }

    /** The request {@link #set} sends (names are resolved now). */
    public NetlinkRequest setRequest(LinkChange change) {
        Objects.requireNonNull(change, "change");
        int ifindex = resolve(change.device());
        int master = change.master().map(this::resolve).orElse(0);
        return LinkRequests.set(change, ifindex, master);
    }

    /** Deletes the link called {@code name} ({@code ip link del dev NAME}). */
    public void delete(String name) {
        delete(LinkRef.name(name));
    }

    /** The request {@link #delete(String)} sends: to log or pipeline. */
    public NetlinkRequest deleteRequest(String name) {
        LinkRef device = LinkRef.name(name);
        return LinkRequests.delete(device, resolve(device));
    }

    /** Deletes the link with index {@code ifindex}. */
    public void delete(int ifindex) {
        delete(LinkRef.index(ifindex));
    }

    /** Deletes {@code device} (a veth's peer goes with it). */
    public void delete(LinkRef device) {
        channel.execute(LinkRequests.delete(device, resolve(device)));
    }

    /** The link called {@code name} (or with that alternative name), if there is one. */
    public Optional<Link> get(String name) {
        return get(LinkRef.name(name));
    }

    /** The link with index {@code ifindex}, if there is one. */
    public Optional<Link> get(int ifindex) {
        return get(LinkRef.index(ifindex));
    }

    /** The link {@code device} names, if there is one. */
    public Optional<Link> get(LinkRef device) {
        try {
            return Optional.of(channel.query(LinkRequests.get(device), Links::decodeLink));
        } catch (KernelException e) {
            if (e.errno().equals(Errno.ENODEV)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * The counters of the link called {@code name} ({@code ip -s link show dev NAME}).
     *
     * @throws KernelException ENODEV when there is no such link
     */
    public LinkStats stats(String name) {
        return stats(LinkRef.name(name));
    }

    /** The counters of {@code device} ({@code ip -s link show dev DEV}). */
    public LinkStats stats(LinkRef device) {
        Objects.requireNonNull(device, "device");
        return channel.query(LinkRequests.get(device), LinkRequests::decodeStats);
    }

    /**
     * The index of the link called {@code name}: what other modules use to turn {@code dev NAME} into
     * an ifindex (RTM_GETLINK with IFLA_IFNAME, or IFLA_ALT_IFNAME for a name over 15 bytes).
     *
     * @throws KernelException ENODEV when there is no such link
     */
    public int indexOf(String name) {
        return channel.query(LinkRequests.get(LinkRef.name(name)), LinkRequests::decodeIndex);
    }

    /** Every link ({@code ip -d link show}). */
    public List<Link> list() {
        return list(LinkFilter.ALL);
    }

    /** The links {@code filter} selects ({@code ip -d link show type veth master br0}). */
    public List<Link> list(LinkFilter filter) {
        Objects.requireNonNull(filter, "filter");
        int master = filter.master().map(this::resolve).orElse(0);
        List<Link> all = channel.dumpAll(LinkRequests.dump(filter, master), Links::decodeLink);
        List<Link> out = new ArrayList<>(all.size());
        for (Link l : all) {
            if (filter.kind().isPresent() && !filter.kind().equals(l.kindName())) {
                continue;
            }
            if (filter.master().isPresent() && (l.master().isEmpty() || l.master().getAsInt() != master)) {
                continue;
            }
            out.add(l);
        }
        return out;
    }

    /** The index {@code device} names: itself, or the answer to RTM_GETLINK for its name. */
    public int resolve(LinkRef device) {
        if (device instanceof LinkRef.ByIndex i) {
            return i.index();
        }
        return indexOf(((LinkRef.ByName) device).name());
    }

    private static Link decodeLink(MessageReader m) {
        return m.type() == Rtm.RTM_NEWLINK ? LinkCodec.decode(m) : null;
    }
}
