package io.github.netlink4j.rtnl;

import io.github.netlink4j.core.wire.RawAttribute;
import io.github.netlink4j.rtnl.internal.LinkCodec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A change to an existing link, {@code ip link set dev DEV ...}: sent as RTM_NEWLINK without
 * NLM_F_CREATE (as iproute2 does) with the device's ifindex in the header and only the attributes
 * that change.
 *
 * <pre>{@code
 * rt.links().set(LinkChange.of("veth0").up().mtu(1400).build());   // ip link set dev veth0 up mtu 1400
 * rt.links().set(LinkChange.of("veth0").master("br0").build());    // ip link set dev veth0 master br0
 * rt.links().set(LinkChange.of("veth0").netns(NetnsTarget.of(ns)).build());
 * }</pre>
 *
 * @param device     the device to change
 * @param flags      IFF_* bits to set (within {@code changeMask})
 * @param changeMask IFF_* bits the change touches (ifi_change)
 * @param name       IFLA_IFNAME: a new name ({@code name NEW})
 * @param mtu        IFLA_MTU
 * @param address    IFLA_ADDRESS
 * @param broadcast  IFLA_BROADCAST
 * @param txqlen     IFLA_TXQLEN
 * @param master     IFLA_MASTER; {@link LinkRef#index(int) index 0} is {@code nomaster}
 * @param netns      IFLA_NET_NS_FD / IFLA_NET_NS_PID: move the link to another namespace
 * @param alias      IFLA_IFALIAS; an empty alias removes it
 * @param kind       IFLA_LINKINFO: kind options to change ({@code type bridge stp_state 1})
 * @param extra      further attributes, written as given after all others
 */
public record LinkChange(LinkRef device, LinkFlags flags, LinkFlags changeMask, Optional<String> name,
                         OptionalInt mtu, Optional<MacAddress> address, Optional<MacAddress> broadcast,
                         OptionalInt txqlen, Optional<LinkRef> master, Optional<NetnsTarget> netns,
                         Optional<String> alias, Optional<LinkKind> kind, List<RawAttribute> extra) {

    public LinkChange {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(flags, "flags");
        Objects.requireNonNull(changeMask, "changeMask");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mtu, "mtu");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(broadcast, "broadcast");
        Objects.requireNonNull(txqlen, "txqlen");
        Objects.requireNonNull(master, "master");
        Objects.requireNonNull(netns, "netns");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(kind, "kind");
        extra = List.copyOf(extra);
        name.ifPresent(Link::validateName);
        alias.ifPresent(LinkCodec::checkAlias);
        if ((flags.bits() & ~changeMask.bits()) != 0) {
            throw new IllegalArgumentException("flags " + flags + " outside the change mask " + changeMask);
        }
    }

    /** A change to the device called {@code device}. */
    public static Builder of(String device) {
        return new Builder(LinkRef.name(device));
    }

    /** A change to the device with ifindex {@code ifindex}. */
    public static Builder of(int ifindex) {
        if (ifindex < 1) {
            throw new IllegalArgumentException("ifindex must be >= 1, was " + ifindex);
        }
        return new Builder(LinkRef.index(ifindex));
    }

    /** A change to {@code device}. */
    public static Builder of(LinkRef device) {
        return new Builder(device);
    }

    /** Whether the change does nothing at all. */
    public boolean isEmpty() {
        return changeMask.bits() == 0 && name.isEmpty() && mtu.isEmpty() && address.isEmpty() && broadcast.isEmpty()
                && txqlen.isEmpty() && master.isEmpty() && netns.isEmpty() && alias.isEmpty() && kind.isEmpty()
                && extra.isEmpty();
    }

    /** Builds a {@link LinkChange}. */
    public static final class Builder {
        private final LinkRef device;
        private LinkFlags flags = LinkFlags.NONE;
        private LinkFlags changeMask = LinkFlags.NONE;
        private Optional<String> name = Optional.empty();
        private OptionalInt mtu = OptionalInt.empty();
        private Optional<MacAddress> address = Optional.empty();
        private Optional<MacAddress> broadcast = Optional.empty();
        private OptionalInt txqlen = OptionalInt.empty();
        private Optional<LinkRef> master = Optional.empty();
        private Optional<NetnsTarget> netns = Optional.empty();
        private Optional<String> alias = Optional.empty();
        private Optional<LinkKind> kind = Optional.empty();
        private final List<RawAttribute> extra = new ArrayList<>();

        private Builder(LinkRef device) {
            this.device = Objects.requireNonNull(device, "device");
        }

        /** {@code up}. */
        public Builder up() {
            return flag(LinkFlags.IFF_UP, true);
        }

        /** {@code down}. */
        public Builder down() {
            return flag(LinkFlags.IFF_UP, false);
        }

        /** {@code up} when true, {@code down} when false. */
        public Builder up(boolean up) {
            return flag(LinkFlags.IFF_UP, up);
        }

        /**
         * Sets or clears one IFF_* bit, as {@code promisc on}, {@code arp off}, {@code multicast on},
         * {@code allmulticast}, {@code dynamic}, {@code trailers} do.
         */
        public Builder flag(int flag, boolean on) {
            if (Integer.bitCount(flag) != 1) {
                throw new IllegalArgumentException("flag must be a single IFF_* bit, was 0x" + Integer.toHexString(flag));
            }
            flags = on ? flags.with(flag) : flags.without(flag);
            changeMask = changeMask.with(flag);
            return this;
        }

        /** {@code name NEW}: renames the device (checked as {@link Link#validateName} does). */
        public Builder rename(String newName) {
            Link.validateName(newName);
            this.name = Optional.of(newName);
            return this;
        }

        /** {@code mtu N}, at least 1 (the kernel checks the device's range). */
        public Builder mtu(int mtu) {
            if (mtu < 1) {
                throw new IllegalArgumentException("mtu must be >= 1, was " + mtu);
            }
            this.mtu = OptionalInt.of(mtu);
            return this;
        }

        /** {@code address LLADDR}. */
        public Builder address(MacAddress address) {
            this.address = Optional.of(address);
            return this;
        }

        /** {@code address 02:00:00:00:00:01}. */
        public Builder address(String address) {
            return address(MacAddress.parse(address));
        }

        /** {@code broadcast LLADDR}. */
        public Builder broadcast(MacAddress broadcast) {
            this.broadcast = Optional.of(broadcast);
            return this;
        }

        /** {@code txqueuelen N}, 0..2^31-1. */
        public Builder txqlen(int txqlen) {
            if (txqlen < 0) {
                throw new IllegalArgumentException("txqueuelen must be >= 0, was " + txqlen);
            }
            this.txqlen = OptionalInt.of(txqlen);
            return this;
        }

        /** {@code master DEV}. */
        public Builder master(String device) {
            this.master = Optional.of(LinkRef.name(device));
            return this;
        }

        /** {@code master DEV} by ifindex (at least 1; use {@link #noMaster()} to leave the master). */
        public Builder master(int ifindex) {
            if (ifindex < 1) {
                throw new IllegalArgumentException("master ifindex must be >= 1 (nomaster for none), was " + ifindex);
            }
            this.master = Optional.of(LinkRef.index(ifindex));
            return this;
        }

        /** {@code nomaster}: IFLA_MASTER 0, the link leaves its bridge/bond/VRF. */
        public Builder noMaster() {
            this.master = Optional.of(LinkRef.index(0));
            return this;
        }

        /** {@code netns NAME|PID}: moves the link to another namespace. */
        public Builder netns(NetnsTarget netns) {
            this.netns = Optional.of(netns);
            return this;
        }

        /** {@code alias TEXT} (at most 255 bytes); {@code ""} clears it. */
        public Builder alias(String alias) {
            this.alias = Optional.of(LinkCodec.checkAlias(alias));
            return this;
        }

        /** {@code type KIND ...}: kind options to change on the existing device. */
        public Builder kind(LinkKind kind) {
            this.kind = Optional.of(kind);
            return this;
        }

        /** An attribute this class does not model, written as given after the others. */
        public Builder addExtra(RawAttribute attribute) {
            extra.add(Objects.requireNonNull(attribute, "attribute"));
            return this;
        }

        public LinkChange build() {
            return new LinkChange(device, flags, changeMask, name, mtu, address, broadcast, txqlen, master, netns,
                    alias, kind, extra);
        }
    }
}
