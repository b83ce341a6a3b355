package io.github.netlink4j.tunnel;

import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.MessageWriter;
import io.github.netlink4j.core.wire.RawAttribute;
import io.github.netlink4j.rtnl.Inet;
import io.github.netlink4j.rtnl.RouteEncap;
import io.github.netlink4j.tunnel.internal.Lwtunnel;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static io.github.netlink4j.tunnel.internal.Lwtunnel.*;

/**
 * {@code encap ip6}: a lightweight-tunnel route encapsulation that gives a metadata-mode tunnel
 * device (an {@code external} gretap, vxlan, geneve) its key and remote per route.
 *
 * <pre>{@code
 * Route.to("2.2.2.11").via("1.1.1.11").dev("tun")
 *      .encap(Ip6Encap.id(1000).dst("172.168.0.1").key())   // ... encap ip id 1000 dst 172.168.0.1 key
 * }</pre>
 *
 * <pre>
 * RTA_ENCAP_TYPE LWTUNNEL_ENCAP_IP6 (4)
 * RTA_ENCAP
 *   LWTUNNEL_IP6_ID     be64   the tunnel key / VNI
 *   LWTUNNEL_IP6_SRC    16 bytes outer source (optional)
 *   LWTUNNEL_IP6_DST    16 bytes outer destination: the remote host
 *   LWTUNNEL_IP6_HOPLIMIT    u8
 *   LWTUNNEL_IP6_TC    u8
 *   LWTUNNEL_IP6_FLAGS  be16   TUNNEL_KEY / CSUM / SEQ
 * </pre>
 *
 * @param id      LWTUNNEL_IP6_ID, any u64
 * @param src     LWTUNNEL_IP6_SRC
 * @param dst     LWTUNNEL_IP6_DST
 * @param hoplimit LWTUNNEL_IP6_HOPLIMIT, 0..255
 * @param tc       LWTUNNEL_IP6_TC, 0..255
 * @param flags   LWTUNNEL_IP6_FLAGS (absent: not sent)
 * @param unknown attributes this record does not model, kept raw
 */
public record Ip6Encap(OptionalLong id, Optional<InetAddress> src, Optional<InetAddress> dst, OptionalInt hoplimit,
                      OptionalInt tc, Optional<TunnelFlags> flags, List<RawAttribute> unknown) implements RouteEncap {
    public Ip6Encap {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(src, "src");
        Objects.requireNonNull(dst, "dst");
        Objects.requireNonNull(hoplimit, "hoplimit");
        Objects.requireNonNull(tc, "tc");
        Objects.requireNonNull(flags, "flags");
        unknown = List.copyOf(unknown);
        src.ifPresent(a -> requireV6("src", a));
        dst.ifPresent(a -> requireV6("dst", a));
        byteRange("hoplimit", hoplimit);
        byteRange("tc", tc);
    }

    static void requireV6(String what, InetAddress a) {
        if (!(a instanceof Inet6Address)) {
            throw new IllegalArgumentException("encap ip6 " + what + " must be an IPv6 address, was " + Inet.format(a));
        }
    }

    static void byteRange(String what, OptionalInt v) {
        if (v.isPresent() && (v.getAsInt() < 0 || v.getAsInt() > 255)) {
            throw new IllegalArgumentException("encap " + what + " must be in 0..255, was " + v.getAsInt());
        }
    }

    /** A builder: {@code encap ip id ID}. */
    public static Builder id(long id) {
        return new Builder().id(id);
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public int encapType() {
        return LWTUNNEL_ENCAP_IP6;
    }

    @Override
    public void encode(MessageWriter w) {
        id.ifPresent(v -> w.put(LWTUNNEL_IP6_ID, v));
        src.ifPresent(a -> w.put(LWTUNNEL_IP6_SRC, a));
        dst.ifPresent(a -> w.put(LWTUNNEL_IP6_DST, a));
        hoplimit.ifPresent(v -> w.put(LWTUNNEL_IP6_HOPLIMIT, v));
        tc.ifPresent(v -> w.put(LWTUNNEL_IP6_TC, v));
        flags.ifPresent(f -> w.put(LWTUNNEL_IP6_FLAGS, f.bits()));
        unknown.forEach(a -> a.writeTo(w));
    }

    @Override
    public AttrSchema schema() {
        return Lwtunnel.LWTUNNEL_IP6;
    }

    /**
     * As the kernel reports it (net/ipv4/ip_tunnel_core.c, ip6_tun_fill_encap_info): id, src, hoplimit, tc and flags are
     * always present, 0 where the request left them out.
     */
    @Override
    public Ip6Encap normalized() {
        return new Ip6Encap(OptionalLong.of(id.orElse(0)), Optional.of(src.orElse(Inet.parse("::"))), dst,
                OptionalInt.of(hoplimit.orElse(0)), OptionalInt.of(tc.orElse(0)),
                Optional.of(flags.orElse(new TunnelFlags(0))), unknown);
    }

    @Override
    public String toIpArgs() {
        StringBuilder sb = new StringBuilder("encap ip6");
        id.ifPresent(v -> sb.append(" id ").append(Long.toUnsignedString(v)));
        src.ifPresent(a -> sb.append(" src ").append(Inet.format(a)));
        dst.ifPresent(a -> sb.append(" dst ").append(Inet.format(a)));
        hoplimit.ifPresent(v -> sb.append(" hoplimit ").append(v));
        tc.ifPresent(v -> sb.append(" tc ").append(v));
        flags.filter(f -> f.bits() != 0).ifPresent(f -> sb.append(' ').append(f.toIpArgs()));
        return sb.toString();
    }

    @Override
    public String toString() {
        return toIpArgs();
    }

    /** Builds an {@link Ip6Encap}. */
    public static final class Builder {
        private OptionalLong id = OptionalLong.empty();
        private Optional<InetAddress> src = Optional.empty();
        private Optional<InetAddress> dst = Optional.empty();
        private OptionalInt ttl = OptionalInt.empty();
        private OptionalInt tos = OptionalInt.empty();
        private int flags;
        private boolean flagsSet;

        private Builder() {
        }

        public Builder id(long v) {
            this.id = OptionalLong.of(v);
            return this;
        }

        public Builder src(String a) {
            InetAddress x = Inet.parse(a);
            requireV6("src", x);
            this.src = Optional.of(x);
            return this;
        }

        /** The remote host: the outer destination. */
        public Builder dst(String a) {
            InetAddress x = Inet.parse(a);
            requireV6("dst", x);
            this.dst = Optional.of(x);
            return this;
        }

        public Builder hoplimit(int v) {
            byteRange("hoplimit", OptionalInt.of(v));
            this.ttl = OptionalInt.of(v);
            return this;
        }

        public Builder tc(int v) {
            byteRange("tc", OptionalInt.of(v));
            this.tos = OptionalInt.of(v);
            return this;
        }

        /** {@code key}: the packet carries the id as its GRE key / VNI (TUNNEL_KEY). */
        public Builder key() {
            return flag(TunnelFlags.KEY);
        }

        /** {@code csum} (TUNNEL_CSUM). */
        public Builder csum() {
            return flag(TunnelFlags.CSUM);
        }

        /** {@code seq} (TUNNEL_SEQ). */
        public Builder seq() {
            return flag(TunnelFlags.SEQ);
        }

        private Builder flag(int f) {
            this.flags |= f;
            this.flagsSet = true;
            return this;
        }

        public Ip6Encap build() {
            return new Ip6Encap(id, src, dst, ttl, tos, flagsSet ? Optional.of(new TunnelFlags(flags)) : Optional.empty(),
                    List.of());
        }
    }
}
