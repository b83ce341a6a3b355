package io.github.netlink4j.tunnel;

import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.MessageWriter;
import io.github.netlink4j.core.wire.RawAttribute;
import io.github.netlink4j.rtnl.Inet;
import io.github.netlink4j.rtnl.LinkKind;
import io.github.netlink4j.tunnel.internal.IflaGre;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import static io.github.netlink4j.tunnel.internal.IflaGre.*;

/**
 * A GRE tunnel device over IPv4: {@code gretap} (Ethernet over GRE) or {@code gre} (IP over GRE).
 *
 * <pre>{@code
 * Gre.gretap().external().build()                       // ip link add tun type gretap external
 * Gre.gretap().key(1000).local("1.1.1.1").build()       // ... type gretap local 1.1.1.1 key 1000
 * }</pre>
 *
 * An {@code external} (metadata-mode) device takes key and remote per packet from the route's
 * lightweight-tunnel encap ({@link IpEncap}); as iproute2 does, only IFLA_GRE_COLLECT_METADATA is
 * sent for it. Otherwise every field is sent, iproute2's defaults included (pmtudisc on, ttl and
 * tos 0, no key).
 *
 * <pre>
 * IFLA_INFO_DATA
 *   IFLA_GRE_IKEY be32, IFLA_GRE_OKEY be32, IFLA_GRE_IFLAGS be16, IFLA_GRE_OFLAGS be16,
 *   IFLA_GRE_LOCAL, IFLA_GRE_REMOTE, IFLA_GRE_PMTUDISC u8, IFLA_GRE_TOS u8, IFLA_GRE_LINK u32,
 *   IFLA_GRE_TTL u8, IFLA_GRE_FWMARK u32, IFLA_GRE_ENCAP_TYPE/FLAGS u16, IFLA_GRE_ENCAP_SPORT/DPORT be16
 * | IFLA_GRE_COLLECT_METADATA (flag)
 * </pre>
 *
 * @param kind     {@code gretap} or {@code gre}
 * @param external IFLA_GRE_COLLECT_METADATA
 * @param ikey     IFLA_GRE_IKEY (sent as 0 when absent)
 * @param okey     IFLA_GRE_OKEY
 * @param iflags   IFLA_GRE_IFLAGS: GRE_KEY 0x2000, GRE_SEQ 0x1000, GRE_CSUM 0x8000
 * @param oflags   IFLA_GRE_OFLAGS
 * @param local    IFLA_GRE_LOCAL
 * @param remote   IFLA_GRE_REMOTE
 * @param ttl      IFLA_GRE_TTL (0 inherits)
 * @param tos      IFLA_GRE_TOS
 * @param pmtudisc IFLA_GRE_PMTUDISC
 * @param underlay IFLA_GRE_LINK: the device the tunnel is bound to ({@code dev})
 * @param fwmark   IFLA_GRE_FWMARK
 * @param unknown  other IFLA_GRE_* the kernel reported, kept raw
 */
public record Gre(String kind, boolean external, OptionalInt ikey, OptionalInt okey, int iflags, int oflags,
                  Optional<InetAddress> local, Optional<InetAddress> remote, int ttl, int tos, boolean pmtudisc,
                  OptionalInt underlay, int fwmark, List<RawAttribute> unknown) implements LinkKind {
    public Gre {
        if (!kind.equals("gretap") && !kind.equals("gre")) {
            throw new IllegalArgumentException("GRE kind must be gretap or gre, was \"" + kind + "\"");
        }
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(remote, "remote");
        if (ttl < 0 || ttl > 255 || tos < 0 || tos > 255) {
            throw new IllegalArgumentException("ttl and tos must be in 0..255, were " + ttl + " and " + tos);
        }
        unknown = List.copyOf(unknown);
    }

    /** A gretap device (Ethernet over GRE). */
    public static Builder gretap() {
        return new Builder("gretap");
    }

    /** A gre device (IP over GRE). */
    public static Builder gre() {
        return new Builder("gre");
    }

    @Override
    public void encodeData(MessageWriter w) {
        if (external) {
            w.putFlag(IFLA_GRE_COLLECT_METADATA);
            unknown.forEach(a -> a.writeTo(w));
            return;
        }
        w.put(IFLA_GRE_IKEY, ikey.orElse(0));
        w.put(IFLA_GRE_OKEY, okey.orElse(0));
        w.put(IFLA_GRE_IFLAGS, iflags);
        w.put(IFLA_GRE_OFLAGS, oflags);
        local.ifPresent(a -> w.put(IFLA_GRE_LOCAL, a));
        remote.ifPresent(a -> w.put(IFLA_GRE_REMOTE, a));
        w.put(IFLA_GRE_PMTUDISC, pmtudisc ? 1 : 0);
        w.put(IFLA_GRE_TOS, tos);
        underlay.ifPresent(i -> w.put(IFLA_GRE_LINK, i));
        w.put(IFLA_GRE_TTL, ttl);
        w.put(IFLA_GRE_FWMARK, fwmark);
        w.put(IFLA_GRE_ENCAP_TYPE, 0);
        w.put(IFLA_GRE_ENCAP_FLAGS, 0);
        w.put(IFLA_GRE_ENCAP_SPORT, 0);
        w.put(IFLA_GRE_ENCAP_DPORT, 0);
        unknown.forEach(a -> a.writeTo(w));
    }

    @Override
    public AttrSchema dataSchema() {
        return IflaGre.IFLA_GRE;
    }

    @Override
    public String toIpArgs() {
        StringBuilder sb = new StringBuilder("type ").append(kind);
        if (external) {
            return sb.append(" external").toString();
        }
        local.ifPresent(a -> sb.append(" local ").append(Inet.format(a)));
        remote.ifPresent(a -> sb.append(" remote ").append(Inet.format(a)));
        boolean sameKey = ikey.equals(okey) && (iflags & GRE_KEY) != 0 && (oflags & GRE_KEY) != 0;
        if (sameKey) {
            sb.append(" key ").append(Integer.toUnsignedString(ikey.orElse(0)));
        } else {
            if ((iflags & GRE_KEY) != 0) {
                sb.append(" ikey ").append(Integer.toUnsignedString(ikey.orElse(0)));
            }
            if ((oflags & GRE_KEY) != 0) {
                sb.append(" okey ").append(Integer.toUnsignedString(okey.orElse(0)));
            }
        }
        if ((iflags & GRE_SEQ) != 0) {
            sb.append(" iseq");
        }
        if ((oflags & GRE_SEQ) != 0) {
            sb.append(" oseq");
        }
        if ((iflags & GRE_CSUM) != 0) {
            sb.append(" icsum");
        }
        if ((oflags & GRE_CSUM) != 0) {
            sb.append(" ocsum");
        }
        if (ttl != 0) {
            sb.append(" ttl ").append(ttl);
        }
        if (tos != 0) {
            sb.append(" tos 0x").append(Integer.toHexString(tos));
        }
        if (!pmtudisc) {
            sb.append(" nopmtudisc");
        }
        underlay.ifPresent(i -> sb.append(" dev if").append(i));
        return sb.toString();
    }

    @Override
    public String toString() {
        return toIpArgs();
    }

    /** Builds a {@link Gre}. */
    public static final class Builder {
        private final String kind;
        private boolean external;
        private OptionalInt ikey = OptionalInt.empty();
        private OptionalInt okey = OptionalInt.empty();
        private int iflags;
        private int oflags;
        private Optional<InetAddress> local = Optional.empty();
        private Optional<InetAddress> remote = Optional.empty();
        private int ttl;
        private int tos;
        private boolean pmtudisc = true;
        private OptionalInt underlay = OptionalInt.empty();
        private int fwmark;

        private Builder(String kind) {
            this.kind = kind;
        }

        /** {@code external}: metadata mode, key and remote come from each route's encap. */
        public Builder external() {
            this.external = true;
            return this;
        }

        /** {@code key N}: the same key both ways (ikey, okey and GRE_KEY on both). */
        public Builder key(int key) {
            return ikey(key).okey(key);
        }

        public Builder ikey(int key) {
            this.ikey = OptionalInt.of(key);
            this.iflags |= GRE_KEY;
            return this;
        }

        public Builder okey(int key) {
            this.okey = OptionalInt.of(key);
            this.oflags |= GRE_KEY;
            return this;
        }

        public Builder iseq() {
            this.iflags |= GRE_SEQ;
            return this;
        }

        public Builder oseq() {
            this.oflags |= GRE_SEQ;
            return this;
        }

        public Builder icsum() {
            this.iflags |= GRE_CSUM;
            return this;
        }

        public Builder ocsum() {
            this.oflags |= GRE_CSUM;
            return this;
        }

        public Builder local(String a) {
            this.local = Optional.of(v4(a));
            return this;
        }

        public Builder remote(String a) {
            this.remote = Optional.of(v4(a));
            return this;
        }

        private static InetAddress v4(String a) {
            InetAddress x = Inet.parse(a);
            if (!(x instanceof java.net.Inet4Address)) {
                throw new IllegalArgumentException("a " + "GRE endpoint must be IPv4 (use ip6gre for IPv6), was " + a);
            }
            return x;
        }

        /** {@code ttl N}, 0..255 (0: inherit). */
        public Builder ttl(int v) {
            if (v < 0 || v > 255) {
                throw new IllegalArgumentException("ttl must be in 0..255, was " + v);
            }
            this.ttl = v;
            return this;
        }

        public Builder tos(int v) {
            if (v < 0 || v > 255) {
                throw new IllegalArgumentException("tos must be in 0..255, was " + v);
            }
            this.tos = v;
            return this;
        }

        public Builder nopmtudisc() {
            this.pmtudisc = false;
            return this;
        }

        /** {@code dev}: bind to the underlay device with this index. */
        public Builder underlay(int ifindex) {
            if (ifindex < 1) {
                throw new IllegalArgumentException("underlay ifindex must be >= 1, was " + ifindex);
            }
            this.underlay = OptionalInt.of(ifindex);
            return this;
        }

        public Builder fwmark(int mark) {
            this.fwmark = mark;
            return this;
        }

        public Gre build() {
            return new Gre(kind, external, ikey, okey, iflags, oflags, local, remote, ttl, tos, pmtudisc, underlay, fwmark,
                    List.of());
        }
    }
}
