package io.github.netlink4j.rtnl;

import io.github.netlink4j.core.NetlinkChannel;
import io.github.netlink4j.core.NetlinkRequest;
import io.github.netlink4j.core.wire.MessageReader;
import io.github.netlink4j.rtnl.internal.AddrCodec;
import io.github.netlink4j.rtnl.internal.AddrRequests;
import io.github.netlink4j.rtnl.internal.Rtm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Interface addresses: {@code ip addr add / replace / del / show}. Obtained from
 * {@link Rtnetlink#addresses()}.
 *
 * <pre>{@code
 * Addresses addrs = rt.addresses();
 * addrs.add("veth0", "10.0.0.1/24");                                  // ip addr add 10.0.0.1/24 dev veth0
 * int ifindex = rt.links().indexOf("veth0");
 * addrs.add(Address.builder("2001:db8::1/64", ifindex).flag(AddressFlags.IFA_F_NODAD).build());
 * List<Address> v4 = addrs.list(AddressFamily.INET, LinkRef.name("veth0"));   // ip -4 addr show dev veth0
 * }</pre>
 *
 * Thread safety: as the {@link Rtnetlink} it came from.
 */
public final class Addresses {
    private final NetlinkChannel channel;
    private final Links links;

    Addresses(NetlinkChannel channel, Links links) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.links = Objects.requireNonNull(links, "links");
    }

    /**
     * Adds {@code address} (RTM_NEWADDR, NLM_F_CREATE | NLM_F_EXCL).
     *
     * @throws IllegalArgumentException when the label does not start with the device's name (as ip
     *                                  checks), before anything is changed
     * @throws io.github.netlink4j.core.KernelException EEXIST when the address is there already
     */
    public void add(Address address) {
        channel.execute(addRequest(address));
    }

    /** Adds {@code prefix} (e.g. {@code 10.0.0.1/24}) to the device called {@code device}. */
    public void add(String device, String prefix) {
        int ifindex = links.indexOf(device);
        channel.execute(AddrRequests.add(Address.of(InetPrefix.parse(prefix), ifindex), false, device));
    }

    /** The request {@link #add(Address)} sends, for pipelines (the label is checked now). */
    public NetlinkRequest addRequest(Address address) {
        return AddrRequests.add(address, false, checkLabel(address));
    }

    /** Adds or replaces {@code address} (RTM_NEWADDR, NLM_F_CREATE | NLM_F_REPLACE): {@code ip addr replace}. */
    public void replace(Address address) {
        channel.execute(replaceRequest(address));
    }

    /** The request {@link #replace} sends. */
    public NetlinkRequest replaceRequest(Address address) {
        return AddrRequests.add(address, true, checkLabel(address));
    }

    /**
     * Deletes {@code address} (RTM_DELADDR): its address, peer, prefix length and label identify it,
     * so a record from {@link #list()} deletes exactly that address.
     *
     * @throws io.github.netlink4j.core.KernelException EADDRNOTAVAIL when there is no such address
     */
    public void delete(Address address) {
        channel.execute(deleteRequest(address));
    }

    /** The request {@link #delete} sends. */
    public NetlinkRequest deleteRequest(Address address) {
        return AddrRequests.delete(address, null);
    }

    /** Every address of every family on every device ({@code ip addr show}). */
    public List<Address> list() {
        return list(AddressFamily.UNSPEC, null);
    }

    /** The addresses of {@code family} (INET or INET6; UNSPEC for both). */
    public List<Address> list(AddressFamily family) {
        return list(family, null);
    }

    /** The addresses on {@code device} ({@code ip addr show dev DEV}). */
    public List<Address> list(String device) {
        return list(AddressFamily.UNSPEC, LinkRef.name(device));
    }

    /**
     * The addresses of {@code family} on {@code device} ({@code ip -4 addr show dev DEV}); the kernel
     * filters (strict checking), the library checks again.
     *
     * @param device null for every device
     */
    public List<Address> list(AddressFamily family, LinkRef device) {
        Objects.requireNonNull(family, "family");
        int ifindex = device == null ? 0 : links.resolve(device);
        List<Address> all = channel.dumpAll(AddrRequests.dump(family, ifindex,
                device == null ? null : device.toString()), Addresses::decode);
        List<Address> out = new ArrayList<>(all.size());
        for (Address a : all) {
            if ((ifindex == 0 || a.ifindex() == ifindex)
                    && (family.equals(AddressFamily.UNSPEC) || a.family().equals(family))) {
                out.add(a);
            }
        }
        return out;
    }

    private static Address decode(MessageReader m) {
        return m.type() == Rtm.RTM_NEWADDR ? AddrCodec.decode(m) : null;
    }

    /** The device's name when the address has a label, after checking the label starts with it. */
    private String checkLabel(Address address) {
        Objects.requireNonNull(address, "address");
        if (address.label().isEmpty()) {
            return null;
        }
        Optional<Link> dev = links.get(address.ifindex());
        if (dev.isEmpty()) {
            return null; // the kernel answers ENODEV
        }
        String name = dev.get().name();
        String label = address.label().get();
        if (!label.startsWith(name)) {
            throw new IllegalArgumentException("label \"" + label + "\" must start with the device name \"" + name
                    + "\" (as in " + name + ":1)");
        }
        return name;
    }
}
