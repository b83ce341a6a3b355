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
 * @param groupType NHA_GROUP_TYPE (0 mpath, 1 resilient)
 * @param fdb       NHA_FDB
 * @param encap     NHA_ENCAP_TYPE + NHA_ENCAP
 * @param protocol  nh_protocol
 * @param unknown   attributes this record does not model, kept raw
 */
public record Nexthop(int id, AddressFamily family, Optional<InetAddress> gateway, Optional<String> dev, OptionalInt oif,
                      boolean blackhole, int flags, List<Member> group, OptionalInt groupType, boolean fdb,
                      Optional<RouteEncap> encap, int protocol, List<RawAttribute> unknown) {

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
        if (protocol < 0 || protocol > 255) {
            throw new IllegalArgumentException("nexthop protocol must be in 0..255, was " + protocol);
        }
    }

    /** A builder for nexthop {@code id}. */
    public static Builder id(int id) {
        return new Builder(id);
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
        if (groupType.isPresent() && groupType.getAsInt() == 1) {
            sb.append(" type resilient");
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
        private int protocol;

        private Builder(int id) {
            if (id == 0) {
                throw new IllegalArgumentException("nexthop id must be 1..4294967295, was 0");
            }
            this.id = id;
        }

        public Builder via(String gateway) {
            this.gateway = Optional.of(Inet.parse(gateway));
            return this;
        }

        public Builder dev(String name) {
            this.dev = Optional.of(Route.validDev(name));
            return this;
        }

        public Builder oif(int index) {
            if (index < 1) {
                throw new IllegalArgumentException("oif must be an ifindex >= 1, was " + index);
            }
            this.oif = OptionalInt.of(index);
            return this;
        }

        public Builder blackhole() {
            this.blackhole = true;
            return this;
        }

        public Builder onlink() {
            this.flags |= Route.FLAG_ONLINK;
            return this;
        }

        /** Adds a group member ({@code group ID,WEIGHT/...}). */
        public Builder member(int memberId, int weight) {
            this.group.add(new Member(memberId, weight));
            return this;
        }

        /** NHA_GROUP_TYPE: 0 multipath (default), 1 resilient. */
        public Builder groupType(int type) {
            this.groupType = OptionalInt.of(type);
            return this;
        }

        public Builder fdb() {
            this.fdb = true;
            return this;
        }

        public Builder encap(RouteEncap e) {
            this.encap = Optional.of(e);
            return this;
        }

        /** nh_protocol (RTPROT_*), default 0 as ip sends. */
        public Builder protocol(RouteProtocol p) {
            this.protocol = p.number();
            return this;
        }

        public Nexthop build() {
            AddressFamily f = !group.isEmpty() ? AddressFamily.UNSPEC
                    : gateway.map(AddressFamily::of).orElse(AddressFamily.INET);
            return new Nexthop(id, f, gateway, dev, oif, blackhole, flags, group, groupType, fdb, encap, protocol, List.of());
        }
    }
}
