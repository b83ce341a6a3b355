package io.github.netlink4j.rtnl;

import io.github.netlink4j.core.wire.RawAttribute;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A neighbour (ARP / NDP) entry: what {@code ip neigh show} prints and {@code ip neigh add}
 * configures (struct ndmsg and its NDA_* attributes). Bridge FDB entries (family AF_BRIDGE, seen in
 * neighbour events) decode to the same record, usually without a destination.
 *
 * @param family      ndm_family: AF_INET, AF_INET6 (or AF_BRIDGE for FDB entries)
 * @param ifindex     ndm_ifindex, the device
 * @param destination NDA_DST, the neighbour's protocol address
 * @param lladdr      NDA_LLADDR, its link-layer address
 * @param state       ndm_state (NUD_*)
 * @param flags       ndm_flags (NTF_*)
 * @param type        ndm_type (an RTN_* route type, u8; 0 in requests)
 * @param cacheInfo   NDA_CACHEINFO timers (reported by the kernel)
 * @param probes      NDA_PROBES (reported by the kernel)
 * @param vlan        NDA_VLAN (FDB entries)
 * @param master      NDA_MASTER (FDB entries: the bridge)
 * @param protocol    NDA_PROTOCOL: who added the entry (RTPROT_*, u8)
 * @param unknown     attributes this record does not model, kept as received
 */
public record Neighbour(
        AddressFamily family,
        int ifindex,
        Optional<InetAddress> destination,
        Optional<MacAddress> lladdr,
        NeighbourState state,
        NeighbourFlags flags,
        int type,
        Optional<NeighbourCacheInfo> cacheInfo,
        OptionalInt probes,
        OptionalInt vlan,
        OptionalInt master,
        OptionalInt protocol,
        List<RawAttribute> unknown) {

    public Neighbour {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(lladdr, "lladdr");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(flags, "flags");
        Objects.requireNonNull(cacheInfo, "cacheInfo");
        Objects.requireNonNull(probes, "probes");
        Objects.requireNonNull(vlan, "vlan");
        Objects.requireNonNull(master, "master");
        Objects.requireNonNull(protocol, "protocol");
        unknown = List.copyOf(unknown);
        if (type < 0 || type > 255) {
            throw new IllegalArgumentException("ndm_type must be in 0..255 (u8), was " + type);
        }
        vlan.ifPresent(v -> range("vlan", v, 0xffff));
        protocol.ifPresent(p -> range("protocol", p, 0xff));
        destination.ifPresent(d -> {
            if ((family.equals(AddressFamily.INET) || family.equals(AddressFamily.INET6))
                    && !AddressFamily.of(d).equals(family)) {
                throw new IllegalArgumentException("destination " + Inet.format(d) + " is not of family " + family);
            }
        });
    }

    private static void range(String what, int v, int max) {
        if (v < 0 || v > max) {
            throw new IllegalArgumentException("neighbour " + what + " must be in 0.." + max + ", was " + v);
        }
    }

    /**
     * A builder for the entry of {@code destination} on device {@code ifindex}; the state defaults to
     * permanent as with ip.
     */
    public static Builder builder(InetAddress destination, int ifindex) {
        return new Builder(destination, ifindex);
    }

    /** A builder for {@code "10.0.0.2"} (numeric) on device {@code ifindex}. */
    public static Builder builder(String destination, int ifindex) {
        return new Builder(Inet.parse(destination), ifindex);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Whether this is a proxy entry (NTF_PROXY). */
    public boolean isProxy() {
        return flags.has(NeighbourFlags.NTF_PROXY);
    }

    /** Builds a {@link Neighbour}. */
    public static final class Builder {
        private AddressFamily family;
        private int ifindex;
        private Optional<InetAddress> destination;
        private Optional<MacAddress> lladdr = Optional.empty();
        private NeighbourState state = NeighbourState.PERMANENT;
        private NeighbourFlags flags = NeighbourFlags.NONE;
        private int type;
        private Optional<NeighbourCacheInfo> cacheInfo = Optional.empty();
        private OptionalInt probes = OptionalInt.empty();
        private OptionalInt vlan = OptionalInt.empty();
        private OptionalInt master = OptionalInt.empty();
        private OptionalInt protocol = OptionalInt.empty();
        private final List<RawAttribute> unknown = new ArrayList<>();

        private Builder(InetAddress destination, int ifindex) {
            Objects.requireNonNull(destination, "destination");
            this.destination = Optional.of(destination);
            this.family = AddressFamily.of(destination);
            ifindex(ifindex);
        }

        private Builder(Neighbour n) {
            family = n.family;
            ifindex = n.ifindex;
            destination = n.destination;
            lladdr = n.lladdr;
            state = n.state;
            flags = n.flags;
            type = n.type;
            cacheInfo = n.cacheInfo;
            probes = n.probes;
            vlan = n.vlan;
            master = n.master;
            protocol = n.protocol;
            unknown.addAll(n.unknown);
        }

        /** The device (ndm_ifindex), 0..2^31-1. */
        public Builder ifindex(int ifindex) {
            if (ifindex < 0) {
                throw new IllegalArgumentException("ifindex must be >= 0, was " + ifindex);
            }
            this.ifindex = ifindex;
            return this;
        }

        /** {@code lladdr LLADDR}. */
        public Builder lladdr(MacAddress lladdr) {
            this.lladdr = Optional.of(lladdr);
            return this;
        }

        /** {@code lladdr 02:00:00:00:00:02}. */
        public Builder lladdr(String lladdr) {
            return lladdr(MacAddress.parse(lladdr));
        }

        /** {@code nud STATE}; default permanent. */
        public Builder state(NeighbourState state) {
            this.state = Objects.requireNonNull(state, "state");
            return this;
        }

        /** Sets NTF_* bits. */
        public Builder flag(int flag) {
            this.flags = flags.with(flag);
            return this;
        }

        /** All flags at once. */
        public Builder flags(NeighbourFlags flags) {
            this.flags = Objects.requireNonNull(flags, "flags");
            return this;
        }

        /** {@code router}: NTF_ROUTER. */
        public Builder router() {
            return flag(NeighbourFlags.NTF_ROUTER);
        }

        /** {@code proxy ADDR}: a proxy entry, NTF_PROXY. */
        public Builder proxy() {
            return flag(NeighbourFlags.NTF_PROXY);
        }

        /** {@code extern_learn}: NTF_EXT_LEARNED. */
        public Builder externLearned() {
            return flag(NeighbourFlags.NTF_EXT_LEARNED);
        }

        /** ndm_type, 0..255. */
        public Builder type(int type) {
            range("type", type, 0xff);
            this.type = type;
            return this;
        }

        /** {@code protocol P}: NDA_PROTOCOL, 0..255. */
        public Builder protocol(int protocol) {
            range("protocol", protocol, 0xff);
            this.protocol = OptionalInt.of(protocol);
            return this;
        }

        /** NDA_VLAN, 0..65535. */
        public Builder vlan(int vlan) {
            range("vlan", vlan, 0xffff);
            this.vlan = OptionalInt.of(vlan);
            return this;
        }

        /** NDA_MASTER. */
        public Builder master(int ifindex) {
            this.master = OptionalInt.of(ifindex);
            return this;
        }

        /** NDA_PROBES. */
        public Builder probes(int probes) {
            this.probes = OptionalInt.of(probes);
            return this;
        }

        /** NDA_CACHEINFO. */
        public Builder cacheInfo(NeighbourCacheInfo cacheInfo) {
            this.cacheInfo = Optional.of(cacheInfo);
            return this;
        }

        /** An attribute this record does not model, written as is. */
        public Builder addUnknown(RawAttribute attribute) {
            unknown.add(Objects.requireNonNull(attribute, "attribute"));
            return this;
        }

        public Neighbour build() {
            return new Neighbour(family, ifindex, destination, lladdr, state, flags, type, cacheInfo, probes, vlan,
                    master, protocol, unknown);
        }
    }
}
