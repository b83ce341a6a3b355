package io.github.netlink4j.rtnl;

import io.github.netlink4j.core.wire.RawAttribute;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A nexthop object ({@code ip nexthop}): struct nhmsg and its NHA_* attributes
 * (include/uapi/linux/nexthop.h). Routes point at one with {@code nhid}; many routes sharing one
 * object install in linear time, where routes that each carry their own encap do not.
 *
 * <pre>{@code
 * Nexthop nh = Nexthop.id(3).encap(IpEncap.id(1000).dst("172.168.0.1").key()).dev("tun").build();
 * }</pre>
 *
 * @param id        NHA_ID, 1..2^32-1
 * @param family    nh_family: AF_INET / AF_INET6 for a single nexthop, AF_UNSPEC for a group
 * @param gateway   NHA_GATEWAY
 * @param dev       the device by name (requests; resolved before sending)
 * @param oif       NHA_OIF
 * @param blackhole NHA_BLACKHOLE
 * @param flags     nh_flags (RTNH_F_ONLINK = 4)
 * @param group     NHA_GROUP members
 * @param groupType NHA_GROUP_TYPE ({@link #GROUP_MPATH}, {@link #GROUP_RESILIENT})
 * @param fdb       NHA_FDB: a nexthop for the bridge/vxlan FDB, not for routes
 * @param encap     NHA_ENCAP_TYPE + NHA_ENCAP
 * @param protocol  nh_protocol ({@code proto static}); unspec (0) unless given, as ip sends it
 * @param unknown   attributes this record does not model, kept raw and re-sent byte for byte
 */
public record Nexthop(int id, AddressFamily family, Optional<InetAddress> gateway, Optional<String> dev, OptionalInt oif,
                      boolean blackhole, int flags, List<Member> group, OptionalInt groupType, boolean fdb,
                      Optional<RouteEncap> encap, RouteProtocol protocol, List<RawAttribute> unknown) {

    /** NEXTHOP_GRP_TYPE_MPATH: hash-threshold multipath (the kernel's default). */
    public static final int GROUP_MPATH = 0;
    /** NEXTHOP_GRP_TYPE_RES: resilient hashing. */
    public static final int GROUP_RESILIENT = 1;

    /**
     * One member of a nexthop group (struct nexthop_grp { u32 id; u8 weight; u8 resvd1; u16 resvd2; }).
     *
     * @param id     the member nexthop's id
     * @param weight 1..256
     */
    public record Member(int id, int weight) {
        public Member {
            if (id == 0) {
                throw new IllegalArgumentException("group member id must be 1..4294967295, was 0");
            }
            if (weight < 1 || weight > 256) {
                throw new IllegalArgumentException("group member weight must be in 1..256, was " + weight);
            }
        }
    }

    public Nexthop {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(dev, "dev");
        Objects.requireNonNull(oif, "oif");
        Objects.requireNonNull(groupType, "groupType");
        Objects.requireNonNull(encap, "encap");
        Objects.requireNonNull(protocol, "protocol");
        group = List.copyOf(group);
        unknown = List.copyOf(unknown);
        if (id == 0) {
            throw new IllegalArgumentException("nexthop id must be 1..4294967295, was 0");
        }
        if (!group.isEmpty() && (gateway.isPresent() || dev.isPresent() || oif.isPresent() || blackhole || encap.isPresent())) {
            throw new IllegalArgumentException("nexthop group " + Integer.toUnsignedString(id)
                    + " cannot also have a gateway, device, blackhole or encap");
        }
        if (blackhole && (gateway.isPresent() || encap.isPresent())) {
            throw new IllegalArgumentException("blackhole nexthop " + Integer.toUnsignedString(id) + " cannot have a gateway or encap");
        }
        if (groupType.isPresent() && (groupType.getAsInt() < 0 || groupType.getAsInt() > 0xffff)) {
            throw new IllegalArgumentException("nexthop group type must be in 0..65535, was " + groupType.getAsInt());
        }
        if (flags < 0) {
            throw new IllegalArgumentException("nh_flags must be a u32 below 2^31, was " + flags);
        }
    }

    /** A builder for nexthop {@code id}. */
    public static Builder id(int id) {
        return new Builder(id);
    }

    /** A builder holding every field of this nexthop. */
    public Builder toBuilder() {
        Builder b = new Builder(id);
        b.family = family;
        b.gateway = gateway;
        b.dev = dev;
        b.oif = oif;
        b.blackhole = blackhole;
        b.flags = flags;
        b.group.addAll(group);
        b.groupType = groupType;
        b.fdb = fdb;
        b.encap = encap;
        b.protocol = protocol;
        b.unknown.addAll(unknown);
        return b;
    }

    /** This nexthop with its device name resolved to {@code index}. */
    public Nexthop withOif(int index) {
        return new Nexthop(id, family, gateway, dev, OptionalInt.of(index), blackhole, flags, group, groupType, fdb, encap,
                protocol, unknown);
    }

    /** In ip's words, without verb: {@code id 3 encap ip id 1000 dst 172.168.0.1 key dev tun}. */
    public String toIpArgs() {
        StringBuilder sb = new StringBuilder("id ").append(Integer.toUnsignedString(id));
        if (!group.isEmpty()) {
            sb.append(" group ");
            for (int i = 0; i < group.size(); i++) {
                Member m = group.get(i);
                sb.append(i == 0 ? "" : "/").append(Integer.toUnsignedString(m.id()));
                if (m.weight() != 1) {
                    sb.append(',').append(m.weight());
                }
            }
        }
        if (groupType.isPresent()) {
            int t = groupType.getAsInt();
            sb.append(" type ").append(t == GROUP_MPATH ? "mpath" : t == GROUP_RESILIENT ? "resilient" : Integer.toString(t));
        }
        if (blackhole) {
            sb.append(" blackhole");
        }
        encap.ifPresent(e -> sb.append(' ').append(e.toIpArgs()));
        gateway.ifPresent(g -> sb.append(" via ").append(Inet.format(g)));
        if (dev.isPresent()) {
            sb.append(" dev ").append(dev.get());
        } else {
            oif.ifPresent(o -> sb.append(" dev if").append(o));
        }
        if ((flags & Route.FLAG_ONLINK) != 0) {
            sb.append(" onlink");
        }
        if (fdb) {
            sb.append(" fdb");
        }
        if (!protocol.equals(RouteProtocol.UNSPEC)) {
            sb.append(" proto ").append(protocol);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return toIpArgs();
    }

    /** Builds a {@link Nexthop}. */
    public static final class Builder {
        private final int id;
        private Optional<InetAddress> gateway = Optional.empty();
        private Optional<String> dev = Optional.empty();
        private OptionalInt oif = OptionalInt.empty();
        private boolean blackhole;
        private int flags;
        private final List<Member> group = new ArrayList<>();
        private OptionalInt groupType = OptionalInt.empty();
        private boolean fdb;
        private Optional<RouteEncap> encap = Optional.empty();
        private RouteProtocol protocol = RouteProtocol.UNSPEC;
        private AddressFamily family;
        private final List<RawAttribute> unknown = new ArrayList<>();

        private Builder(int id) {
            if (id == 0) {
                throw new IllegalArgumentException("nexthop id must be 1..4294967295, was 0");
            }
            this.id = id;
        }

        /**
         * nh_family: AF_INET or AF_INET6. By default the gateway's family; AF_INET for a device or
         * blackhole nexthop (ip's default; {@code ip -6 nexthop add id N dev D} gives AF_INET6), and
         * AF_UNSPEC for a group.
         */
        public Builder family(AddressFamily f) {
            if (!f.equals(AddressFamily.INET) && !f.equals(AddressFamily.INET6)) {
                throw new IllegalArgumentException("nexthop family must be inet or inet6, was " + f);
            }
            this.family = f;
            return this;
        }

        /** {@code via ADDRESS}: the gateway (numeric IPv4 or IPv6). */
        public Builder via(String gateway) {
            this.gateway = Optional.of(Inet.parse(gateway));
            return this;
        }

        /** {@code dev NAME}: resolved to an index through the library when sent. */
        public Builder dev(String name) {
            this.dev = Optional.of(Route.validDev(name));
            this.oif = OptionalInt.empty();
            return this;
        }

        /** The device by index. */
        public Builder oif(int index) {
            if (index < 1) {
                throw new IllegalArgumentException("oif must be an ifindex >= 1, was " + index);
            }
            this.oif = OptionalInt.of(index);
            this.dev = Optional.empty();
            return this;
        }

        /** {@code blackhole}: drop what uses this nexthop. */
        public Builder blackhole() {
            this.blackhole = true;
            return this;
        }

        /** {@code onlink}: the gateway is on the link even without a matching prefix. */
        public Builder onlink() {
            this.flags |= Route.FLAG_ONLINK;
            return this;
        }

        /** Adds a group member ({@code group ID,WEIGHT/...}). */
        public Builder member(int memberId, int weight) {
            this.group.add(new Member(memberId, weight));
            return this;
        }

        /** {@code type mpath|resilient} (NHA_GROUP_TYPE: {@link #GROUP_MPATH}, {@link #GROUP_RESILIENT}). */
        public Builder groupType(int type) {
            if (type < 0 || type > 0xffff) {
                throw new IllegalArgumentException("nexthop group type must be in 0..65535, was " + type);
            }
            this.groupType = OptionalInt.of(type);
            return this;
        }

        /** {@code fdb}: a nexthop for the FDB of a vxlan/bridge, which routes cannot use. */
        public Builder fdb() {
            this.fdb = true;
            return this;
        }

        /** {@code encap ...}: a lightweight-tunnel encapsulation. */
        public Builder encap(RouteEncap e) {
            this.encap = Optional.of(Objects.requireNonNull(e, "encap"));
            return this;
        }

        /** {@code proto NAME} (nh_protocol), unspec unless given as ip sends it. */
        public Builder protocol(RouteProtocol p) {
            this.protocol = Objects.requireNonNull(p, "protocol");
            return this;
        }

        /** nh_flags as a whole (RTNH_F_ONLINK = 4). */
        public Builder flags(int f) {
            this.flags = f;
            return this;
        }

        /** An attribute kept raw (an NHA_* this library does not model). */
        public Builder unknown(RawAttribute a) {
            this.unknown.add(Objects.requireNonNull(a, "attribute"));
            return this;
        }

        public Nexthop build() {
            if (family != null && gateway.isPresent() && !AddressFamily.of(gateway.get()).equals(family)) {
                throw new IllegalArgumentException("gateway " + Inet.format(gateway.get()) + " is not of family " + family);
            }
            AddressFamily f = family != null ? family : !group.isEmpty() ? AddressFamily.UNSPEC
                    : gateway.map(AddressFamily::of).orElse(AddressFamily.INET);
            return new Nexthop(id, f, gateway, dev, oif, blackhole, flags, group, groupType, fdb, encap, protocol, unknown);
        }
    }
}
