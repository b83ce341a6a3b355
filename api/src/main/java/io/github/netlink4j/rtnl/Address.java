package io.github.netlink4j.rtnl;

import io.github.netlink4j.core.wire.RawAttribute;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An IPv4 or IPv6 address on a device: what {@code ip addr show} prints and {@code ip addr add}
 * configures (struct ifaddrmsg and its IFA_* attributes).
 *
 * <p>Local and peer follow iproute2 exactly: the request carries IFA_LOCAL = {@link #address()} and
 * IFA_ADDRESS = {@link #peer()} when there is one, else the address again. The kernel reports an
 * IPv6 address without a peer in IFA_ADDRESS alone; both decode to the same record.
 *
 * @param ifindex      ifa_index, the device
 * @param address      the local address (IFA_LOCAL)
 * @param prefixLength ifa_prefixlen: 0..32 or 0..128
 * @param peer         the other end of a point-to-point link (IFA_ADDRESS when it differs)
 * @param scope        ifa_scope
 * @param flags        ifa_flags / IFA_FLAGS (IFA_F_*)
 * @param label        IFA_LABEL (IPv4): the device name, or the name plus a suffix ({@code eth0:1})
 * @param broadcast    IFA_BROADCAST (IPv4)
 * @param anycast      IFA_ANYCAST
 * @param cacheInfo    IFA_CACHEINFO: lifetimes ({@code valid_lft}, {@code preferred_lft})
 * @param metric       IFA_RT_PRIORITY: the metric of the prefix route ({@code metric N})
 * @param protocol     IFA_PROTO: who added the address (IFAPROT_*), u8
 * @param unknown      attributes this record does not model, kept as received
 */
public record Address(
        int ifindex,
        InetAddress address,
        int prefixLength,
        Optional<InetAddress> peer,
        AddressScope scope,
        AddressFlags flags,
        Optional<String> label,
        Optional<InetAddress> broadcast,
        Optional<InetAddress> anycast,
        Optional<AddressCacheInfo> cacheInfo,
        OptionalInt metric,
        OptionalInt protocol,
        List<RawAttribute> unknown) {

    /** IFNAMSIZ less the NUL: the longest label. */
    public static final int MAX_LABEL_BYTES = 15;

    public Address {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(flags, "flags");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(broadcast, "broadcast");
        Objects.requireNonNull(anycast, "anycast");
        Objects.requireNonNull(cacheInfo, "cacheInfo");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(protocol, "protocol");
        unknown = List.copyOf(unknown);
        if (ifindex < 0) {
            throw new IllegalArgumentException("ifindex must be >= 0, was " + ifindex);
        }
        int max = address instanceof Inet4Address ? 32 : 128;
        if (prefixLength < 0 || prefixLength > max) {
            throw new IllegalArgumentException("prefix length of " + Inet.format(address) + " must be in 0.." + max
                    + ", was " + prefixLength);
        }
        peer = peer.filter(p -> !p.equals(address));
        peer.ifPresent(p -> sameFamily("peer", p, address));
        broadcast.ifPresent(b -> sameFamily("broadcast", b, address));
        anycast.ifPresent(b -> sameFamily("anycast", b, address));
        label.ifPresent(Address::checkLabel);
        protocol.ifPresent(p -> {
            if (p < 0 || p > 255) {
                throw new IllegalArgumentException("address protocol must be in 0..255 (u8), was " + p);
            }
        });
    }

    private static void sameFamily(String what, InetAddress a, InetAddress local) {
        if ((a instanceof Inet4Address) != (local instanceof Inet4Address)) {
            throw new IllegalArgumentException(what + " " + Inet.format(a) + " is not of the family of "
                    + Inet.format(local));
        }
    }

    private static void checkLabel(String label) {
        int n = label.getBytes(StandardCharsets.UTF_8).length;
        if (n < 1 || n > MAX_LABEL_BYTES || label.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("label must be 1.." + MAX_LABEL_BYTES + " bytes without NUL, was \""
                    + label.replace("\0", "\\0") + "\" (" + n + " bytes)");
        }
    }

    /**
     * A builder for {@code prefix} (e.g. {@code 10.0.0.1/24}) on device {@code ifindex}; the scope
     * defaults as ip's does (host for 127.0.0.0/8, else global).
     */
    public static Builder builder(InetPrefix prefix, int ifindex) {
        return new Builder(prefix, ifindex);
    }

    /** A builder for {@code "10.0.0.1/24"} on device {@code ifindex}. */
    public static Builder builder(String prefix, int ifindex) {
        return new Builder(InetPrefix.parse(prefix), ifindex);
    }

    /** {@code prefix} on {@code ifindex} with every default. */
    public static Address of(InetPrefix prefix, int ifindex) {
        return builder(prefix, ifindex).build();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** AF_INET or AF_INET6. */
    public AddressFamily family() {
        return AddressFamily.of(address);
    }

    /** Whether this is an IPv4 address. */
    public boolean isIpv4() {
        return address instanceof Inet4Address;
    }

    /** The address with its prefix length, e.g. {@code 10.0.0.1/24}. */
    public InetPrefix prefix() {
        return new InetPrefix(address, prefixLength);
    }

    /** Builds an {@link Address}. */
    public static final class Builder {
        private int ifindex;
        private InetAddress address;
        private int prefixLength;
        private Optional<InetAddress> peer = Optional.empty();
        private AddressScope scope;
        private AddressFlags flags = AddressFlags.NONE;
        private Optional<String> label = Optional.empty();
        private Optional<InetAddress> broadcast = Optional.empty();
        private Optional<InetAddress> anycast = Optional.empty();
        private Optional<AddressCacheInfo> cacheInfo = Optional.empty();
        private OptionalInt metric = OptionalInt.empty();
        private OptionalInt protocol = OptionalInt.empty();
        private final List<RawAttribute> unknown = new ArrayList<>();

        private Builder(InetPrefix prefix, int ifindex) {
            Objects.requireNonNull(prefix, "prefix");
            this.address = prefix.address();
            this.prefixLength = prefix.length();
            this.scope = AddressScope.defaultFor(address);
            ifindex(ifindex);
        }

        private Builder(Address a) {
            ifindex = a.ifindex;
            address = a.address;
            prefixLength = a.prefixLength;
            peer = a.peer;
            scope = a.scope;
            flags = a.flags;
            label = a.label;
            broadcast = a.broadcast;
            anycast = a.anycast;
            cacheInfo = a.cacheInfo;
            metric = a.metric;
            protocol = a.protocol;
            unknown.addAll(a.unknown);
        }

        /** The device (ifa_index), 0..2^31-1. */
        public Builder ifindex(int ifindex) {
            if (ifindex < 0) {
                throw new IllegalArgumentException("ifindex must be >= 0, was " + ifindex);
            }
            this.ifindex = ifindex;
            return this;
        }

        /** The prefix length (as {@code ADDR/LEN}). */
        public Builder prefixLength(int prefixLength) {
            this.prefixLength = prefixLength;
            return this;
        }

        /**
         * {@code peer PEER/LEN}: the other end of a point-to-point link; as with ip the prefix length
         * becomes the peer's ({@code 10.0.3.1 peer 10.0.3.2/32}).
         */
        public Builder peer(InetPrefix peer) {
            this.peer = Optional.of(peer.address());
            this.prefixLength = peer.length();
            return this;
        }

        /** {@code peer ADDR} keeping the prefix length. */
        public Builder peer(InetAddress peer) {
            this.peer = Optional.of(peer);
            return this;
        }

        /** {@code scope SCOPE}. */
        public Builder scope(AddressScope scope) {
            this.scope = Objects.requireNonNull(scope, "scope");
            return this;
        }

        /** Sets one or more IFA_F_* bits ({@code nodad}, {@code noprefixroute}, {@code home}...). */
        public Builder flag(int flag) {
            this.flags = flags.with(flag);
            return this;
        }

        /** All flags at once. */
        public Builder flags(AddressFlags flags) {
            this.flags = Objects.requireNonNull(flags, "flags");
            return this;
        }

        /**
         * {@code label LABEL} (IPv4 only): 1..15 bytes, starting with the device's name (checked
         * against the device when the request is made, as ip does).
         */
        public Builder label(String label) {
            checkLabel(label);
            this.label = Optional.of(label);
            return this;
        }

        /** {@code broadcast ADDR} (IPv4). */
        public Builder broadcast(InetAddress broadcast) {
            this.broadcast = Optional.of(broadcast);
            return this;
        }

        /**
         * {@code brd +}: the broadcast address of the prefix (host bits set), as ip computes it; only
         * for IPv4 prefixes of length 30 or less (ip adds none for longer ones).
         */
        public Builder broadcastFromPrefix() {
            if (!(address instanceof Inet4Address)) {
                throw new IllegalArgumentException("a broadcast address is IPv4 only, address is "
                        + Inet.format(address));
            }
            if (prefixLength <= 30) {
                byte[] b = peer.orElse(address).getAddress();
                int v = ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
                v |= (int) (0xFFFFFFFFL >>> prefixLength);
                this.broadcast = Optional.of(Inet.of(new byte[]{(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v}));
            }
            return this;
        }

        /** {@code anycast ADDR}. */
        public Builder anycast(InetAddress anycast) {
            this.anycast = Optional.of(anycast);
            return this;
        }

        /** {@code valid_lft V preferred_lft P} in seconds ({@link AddressCacheInfo#FOREVER} for forever). */
        public Builder lifetimes(long valid, long preferred) {
            this.cacheInfo = Optional.of(AddressCacheInfo.lifetimes(valid, preferred));
            return this;
        }

        /** IFA_CACHEINFO as a whole (decoders). */
        public Builder cacheInfo(AddressCacheInfo cacheInfo) {
            this.cacheInfo = Optional.of(cacheInfo);
            return this;
        }

        /** {@code metric N}: IFA_RT_PRIORITY, the metric of the prefix route (u32). */
        public Builder metric(int metric) {
            this.metric = OptionalInt.of(metric);
            return this;
        }

        /** IFA_PROTO, 0..255. */
        public Builder protocol(int protocol) {
            this.protocol = OptionalInt.of(protocol);
            return this;
        }

        /** An attribute this record does not model, written as is. */
        public Builder addUnknown(RawAttribute attribute) {
            unknown.add(Objects.requireNonNull(attribute, "attribute"));
            return this;
        }

        /**
         * @throws IllegalArgumentException for a label on an IPv6 address, or any field out of range
         */
        public Address build() {
            if (label.isPresent() && !(address instanceof Inet4Address)) {
                throw new IllegalArgumentException("a label is IPv4 only, address is " + Inet.format(address));
            }
            return new Address(ifindex, address, prefixLength, peer, scope, flags, label, broadcast, anycast, cacheInfo,
                    metric, protocol, unknown);
        }
    }
}
