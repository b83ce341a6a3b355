package io.github.netlink4j.tunnel;

import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.MessageWriter;
import io.github.netlink4j.core.wire.RawAttribute;
import io.github.netlink4j.rtnl.Inet;
import io.github.netlink4j.rtnl.RouteEncap;
import io.github.netlink4j.tunnel.internal.Lwtunnel;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static io.github.netlink4j.tunnel.internal.Lwtunnel.*;

/**
 * {@code encap ip}: a lightweight-tunnel route encapsulation that gives a metadata-mode tunnel
 * device (an {@code external} gretap, vxlan, geneve) its key and remote per route.
 *
 * <pre>{@code
 * Route.to("2.2.2.11").via("1.1.1.11").dev("tun")
 *      .encap(IpEncap.id(1000).dst("172.168.0.1").key())   // ... encap ip id 1000 dst 172.168.0.1 key
 * }</pre>
 *
 * <pre>
 * RTA_ENCAP_TYPE LWTUNNEL_ENCAP_IP (2)
 * RTA_ENCAP
 *   LWTUNNEL_IP_ID     be64   the tunnel key / VNI
 *   LWTUNNEL_IP_SRC    be32   outer source (optional)
 *   LWTUNNEL_IP_DST    be32   outer destination: the remote host
 *   LWTUNNEL_IP_TTL    u8
 *   LWTUNNEL_IP_TOS    u8
 *   LWTUNNEL_IP_FLAGS  be16   TUNNEL_KEY / CSUM / SEQ
 * </pre>
 *
 * @param id      LWTUNNEL_IP_ID, any u64
 * @param src     LWTUNNEL_IP_SRC
 * @param dst     LWTUNNEL_IP_DST
 * @param ttl     LWTUNNEL_IP_TTL, 0..255
 * @param tos     LWTUNNEL_IP_TOS, 0..255
 * @param flags   LWTUNNEL_IP_FLAGS (absent: not sent)
 * @param unknown attributes this record does not model, kept raw
 */
public record IpEncap(OptionalLong id, Optional<InetAddress> src, Optional<InetAddress> dst, OptionalInt ttl,
                      OptionalInt tos, Optional<TunnelFlags> flags, List<RawAttribute> unknown) implements RouteEncap {
    public IpEncap {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(src, "src");
        Objects.requireNonNull(dst, "dst");
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(tos, "tos");
        Objects.requireNonNull(flags, "flags");
        unknown = List.copyOf(unknown);
        src.ifPresent(a -> requireV4("src", a));
        dst.ifPresent(a -> requireV4("dst", a));
        byteRange("ttl", ttl);
        byteRange("tos", tos);
    }

    static void requireV4(String what, InetAddress a) {
        if (!(a instanceof Inet4Address)) {
            throw new IllegalArgumentException("encap ip " + what + " must be an IPv4 address, was " + Inet.format(a));
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
        return LWTUNNEL_ENCAP_IP;
    }

    @Override
    public void encode(MessageWriter w) {
        // no lambdas, no boxing: a route's encap is written once per route of a bulk install
        if (id.isPresent()) {
            w.putLong(LWTUNNEL_IP_ID, id.getAsLong());
        }
        if (src.isPresent()) {
            w.put(LWTUNNEL_IP_SRC, src.get());
        }
        if (dst.isPresent()) {
            w.put(LWTUNNEL_IP_DST, dst.get());
        }
        if (ttl.isPresent()) {
            w.putInt(LWTUNNEL_IP_TTL, ttl.getAsInt());
        }
        if (tos.isPresent()) {
            w.putInt(LWTUNNEL_IP_TOS, tos.getAsInt());
        }
        if (flags.isPresent()) {
            w.putInt(LWTUNNEL_IP_FLAGS, flags.get().bits());
        }
        for (int i = 0, n = unknown.size(); i < n; i++) {
            unknown.get(i).writeTo(w);
        }
    }

    @Override
    public AttrSchema schema() {
        return Lwtunnel.LWTUNNEL_IP;
    }

    /**
     * As the kernel reports it (net/ipv4/ip_tunnel_core.c, ip_tun_fill_encap_info): id, src, ttl, tos and flags are
     * always present, 0 where the request left them out.
     */
    @Override
    public IpEncap normalized() {
        return new IpEncap(OptionalLong.of(id.orElse(0)), Optional.of(src.orElse(Inet.parse("0.0.0.0"))), dst,
                OptionalInt.of(ttl.orElse(0)), OptionalInt.of(tos.orElse(0)),
                Optional.of(flags.orElse(new TunnelFlags(0))), unknown);
    }

    @Override
    public String toIpArgs() {
        StringBuilder sb = new StringBuilder("encap ip");
        id.ifPresent(v -> sb.append(" id ").append(Long.toUnsignedString(v)));
        src.ifPresent(a -> sb.append(" src ").append(Inet.format(a)));
        dst.ifPresent(a -> sb.append(" dst ").append(Inet.format(a)));
        ttl.ifPresent(v -> sb.append(" ttl ").append(v));
        tos.ifPresent(v -> sb.append(" tos 0x").append(Integer.toHexString(v))); // ip reads tos in hex
        flags.filter(f -> f.bits() != 0).ifPresent(f -> sb.append(' ').append(f.toIpArgs()));
        return sb.toString();
    }

    @Override
    public String toString() {
        return toIpArgs();
    }

    /** Builds an {@link IpEncap}. */
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
            requireV4("src", x);
            this.src = Optional.of(x);
            return this;
        }

        /** The remote host: the outer destination. */
        public Builder dst(String a) {
            InetAddress x = Inet.parse(a);
            requireV4("dst", x);
            this.dst = Optional.of(x);
            return this;
        }

        public Builder ttl(int v) {
            byteRange("ttl", OptionalInt.of(v));
            this.ttl = OptionalInt.of(v);
            return this;
        }

        public Builder tos(int v) {
            byteRange("tos", OptionalInt.of(v));
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

        public IpEncap build() {
            return new IpEncap(id, src, dst, ttl, tos, flagsSet ? Optional.of(new TunnelFlags(flags)) : Optional.empty(),
                    List.of());
        }
    }
}
