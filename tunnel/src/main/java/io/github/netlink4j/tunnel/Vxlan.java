package io.github.netlink4j.tunnel;

import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.MessageWriter;
import io.github.netlink4j.core.wire.RawAttribute;
import io.github.netlink4j.rtnl.Inet;
import io.github.netlink4j.rtnl.LinkKind;
import io.github.netlink4j.tunnel.internal.IflaGre;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import static io.github.netlink4j.tunnel.internal.IflaGre.*;

/**
 * A VXLAN device ({@code ip link add vx0 type vxlan id 42 dstport 4789 ...}, IFLA_VXLAN_* of
 * include/uapi/linux/if_link.h). Attributes are written in iproute2's order:
 * <pre>
 * IFLA_VXLAN_COLLECT_METADATA u8, IFLA_VXLAN_TTL u8, IFLA_VXLAN_LINK u32, IFLA_VXLAN_ID u32,
 * IFLA_VXLAN_LOCAL[6], IFLA_VXLAN_GROUP[6] (remote or group), IFLA_VXLAN_LEARNING u8, IFLA_VXLAN_PORT be16
 * </pre>
 *
 * @param id       the VNI, 0..2^24-1
 * @param external IFLA_VXLAN_COLLECT_METADATA: the VNI and remote come per packet (route encap)
 * @param remote   IFLA_VXLAN_GROUP[6]: the remote or multicast group
 * @param local    IFLA_VXLAN_LOCAL[6]
 * @param ttl      IFLA_VXLAN_TTL
 * @param learning IFLA_VXLAN_LEARNING (iproute2's default: on, off for external)
 * @param dstport  IFLA_VXLAN_PORT
 * @param underlay IFLA_VXLAN_LINK
 * @param unknown  other IFLA_VXLAN_* the kernel reported, kept raw
 */
public record Vxlan(OptionalInt id, boolean external, Optional<InetAddress> remote, Optional<InetAddress> local,
                    OptionalInt ttl, boolean learning, OptionalInt dstport, OptionalInt underlay,
                    List<RawAttribute> unknown) implements LinkKind {
    public Vxlan {
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(local, "local");
        if (id.isPresent() && (id.getAsInt() < 0 || id.getAsInt() > 0xffffff)) {
            throw new IllegalArgumentException("VXLAN id must be in 0..16777215, was " + id.getAsInt());
        }
        unknown = List.copyOf(unknown);
    }

    /** A VXLAN with VNI {@code id}. */
    public static Builder id(int id) {
        return new Builder().id(id);
    }

    /** A builder with nothing set ({@code builder().external()} for metadata mode). */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String kind() {
        return "vxlan";
    }

    @Override
    public void encodeData(MessageWriter w) {
        // plain branches and unboxed writes: no garbage per message (no capturing lambda, no Integer)
        if (external) {
            w.putInt(IFLA_VXLAN_COLLECT_METADATA, 1);
        }
        if (ttl.isPresent()) {
            w.putInt(IFLA_VXLAN_TTL, ttl.getAsInt());
        }
        if (underlay.isPresent()) {
            w.putInt(IFLA_VXLAN_LINK, underlay.getAsInt());
        }
        if (id.isPresent()) {
            w.putInt(IFLA_VXLAN_ID, id.getAsInt());
        }
        if (local.isPresent()) {
            InetAddress a = local.get();
            w.put(a instanceof Inet4Address ? IFLA_VXLAN_LOCAL : IFLA_VXLAN_LOCAL6, a);
        }
        if (remote.isPresent()) {
            InetAddress a = remote.get();
            w.put(a instanceof Inet4Address ? IFLA_VXLAN_GROUP : IFLA_VXLAN_GROUP6, a);
        }
        w.putInt(IFLA_VXLAN_LEARNING, learning ? 1 : 0);
        if (dstport.isPresent()) {
            w.putInt(IFLA_VXLAN_PORT, dstport.getAsInt());
        }
        for (int i = 0, n = unknown.size(); i < n; i++) {
            unknown.get(i).writeTo(w);
        }
    }

    @Override
    public AttrSchema dataSchema() {
        return IflaGre.IFLA_VXLAN;
    }

    @Override
    public String toIpArgs() {
        StringBuilder sb = new StringBuilder("type vxlan");
        if (external) {
            sb.append(" external");
        }
        id.ifPresent(v -> sb.append(" id ").append(v));
        remote.ifPresent(a -> sb.append(a.isMulticastAddress() ? " group " : " remote ").append(Inet.format(a)));
        local.ifPresent(a -> sb.append(" local ").append(Inet.format(a)));
        ttl.ifPresent(t -> sb.append(" ttl ").append(t));
        if (!learning && !external) {
            sb.append(" nolearning");
        }
        underlay.ifPresent(i -> sb.append(" dev if").append(i));
        dstport.ifPresent(p -> sb.append(" dstport ").append(p));
        return sb.toString();
    }

    @Override
    public String toString() {
        return toIpArgs();
    }

    /** Builds a {@link Vxlan}. */
    public static final class Builder {
        private OptionalInt id = OptionalInt.empty();
        private boolean external;
        private Optional<InetAddress> remote = Optional.empty();
        private Optional<InetAddress> local = Optional.empty();
        private OptionalInt ttl = OptionalInt.empty();
        private Boolean learning;
        private OptionalInt dstport = OptionalInt.empty();
        private OptionalInt underlay = OptionalInt.empty();

        public Builder id(int v) {
            if (v < 0 || v > 0xffffff) {
                throw new IllegalArgumentException("VXLAN id must be in 0..16777215, was " + v);
            }
            this.id = OptionalInt.of(v);
            return this;
        }

        public Builder external() {
            this.external = true;
            return this;
        }

        /** {@code remote A} (unicast) or {@code group A} (multicast). */
        public Builder remote(String a) {
            this.remote = Optional.of(Inet.parse(a));
            return this;
        }

        public Builder group(String a) {
            InetAddress x = Inet.parse(a);
            if (!x.isMulticastAddress()) {
                throw new IllegalArgumentException("group must be a multicast address, was " + a);
            }
            this.remote = Optional.of(x);
            return this;
        }

        public Builder local(String a) {
            this.local = Optional.of(Inet.parse(a));
            return this;
        }

        public Builder ttl(int v) {
            if (v < 0 || v > 255) {
                throw new IllegalArgumentException("ttl must be in 0..255, was " + v);
            }
            this.ttl = OptionalInt.of(v);
            return this;
        }

        public Builder nolearning() {
            this.learning = false;
            return this;
        }

        /** {@code dstport N}, 0..65535 (4789 is IANA's). */
        public Builder dstport(int p) {
            if (p < 0 || p > 65535) {
                throw new IllegalArgumentException("dstport must be in 0..65535, was " + p);
            }
            this.dstport = OptionalInt.of(p);
            return this;
        }

        public Builder underlay(int ifindex) {
            if (ifindex < 1) {
                throw new IllegalArgumentException("underlay ifindex must be >= 1, was " + ifindex);
            }
            this.underlay = OptionalInt.of(ifindex);
            return this;
        }

        public Vxlan build() {
            boolean learn = learning != null ? learning : !external;
            return new Vxlan(id, external, remote, local, ttl, learn, dstport, underlay, List.of());
        }
    }
}
