package io.github.netlink4j.rtnl;

import io.github.netlink4j.core.wire.RawAttribute;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A route: what {@code ip route show} lists and {@code ip route add} installs (struct rtmsg and its
 * RTA_* attributes, include/uapi/linux/rtnetlink.h).
 *
 * <pre>{@code
 * Route r = Route.to("2.2.2.11").via("1.1.1.11").dev("tun")
 *         .encap(IpEncap.id(1000).dst("172.168.0.1").key()).build();
 * }</pre>
 *
 * In a request, what is absent takes iproute2's default for the same intent: table main (table
 * local for local, broadcast, nat and anycast routes), protocol boot, type unicast, and a scope
 * derived as ip derives it ({@link #effectiveScope(RouteVerb)}). A delete sends protocol and type
 * only when given, and a scope that matches any. Decoded routes carry every field the kernel
 * reported.
 *
 * @param dst      the destination prefix (0.0.0.0/0 or ::/0 for the default route)
 * @param src      RTA_SRC / rtm_src_len: a source prefix ({@code from})
 * @param tos      rtm_tos
 * @param table    the table id, any u32 (rtm_table when below 256, else RTA_TABLE)
 * @param protocol rtm_protocol
 * @param scope    rtm_scope
 * @param type     rtm_type
 * @param flags    rtm_flags (RTNH_F_ONLINK = 4, ...)
 * @param gateway  RTA_GATEWAY, or RTA_VIA when of the other family ({@code via inet6 fe80::1})
 * @param dev      the output device by name (requests; resolved to an index before sending)
 * @param oif      RTA_OIF, the output device index
 * @param prefsrc  RTA_PREFSRC ({@code src})
 * @param priority RTA_PRIORITY ({@code metric})
 * @param metrics  RTA_METRICS
 * @param nexthops RTA_MULTIPATH paths
 * @param nhid     RTA_NH_ID: the nexthop object the route uses. A request then sends neither gateway,
 *                 device, paths nor encap: on decoded routes those are what the kernel reports of the
 *                 nexthop object (net.ipv4.nexthop_compat_mode), for information
 * @param encap    RTA_ENCAP_TYPE + RTA_ENCAP
 * @param unknown  attributes this record does not model, kept raw and re-sent byte for byte
 */
public record Route(InetPrefix dst, Optional<InetPrefix> src, int tos, int table, Optional<RouteProtocol> protocol,
                    Optional<RouteScope> scope, Optional<RouteType> type, int flags, Optional<InetAddress> gateway,
                    Optional<String> dev, OptionalInt oif, Optional<InetAddress> prefsrc, OptionalInt priority,
                    RouteMetrics metrics, List<RouteHop> nexthops, OptionalInt nhid, Optional<RouteEncap> encap,
                    List<RawAttribute> unknown) {

    /** RT_TABLE_DEFAULT. */
    public static final int TABLE_DEFAULT = 253;
    /** RT_TABLE_MAIN. */
    public static final int TABLE_MAIN = 254;
    /** RT_TABLE_LOCAL. */
    public static final int TABLE_LOCAL = 255;
    /** RTNH_F_ONLINK. */
    public static final int FLAG_ONLINK = 4;

    public Route {
        Objects.requireNonNull(dst, "dst");
        Objects.requireNonNull(src, "src");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(dev, "dev");
        Objects.requireNonNull(oif, "oif");
        Objects.requireNonNull(prefsrc, "prefsrc");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(nhid, "nhid");
        Objects.requireNonNull(encap, "encap");
        nexthops = List.copyOf(nexthops);
        unknown = List.copyOf(unknown);
        if (tos < 0 || tos > 255) {
            throw new IllegalArgumentException("tos must be in 0..255, was " + tos);
        }
        if (flags < 0) {
            throw new IllegalArgumentException("rtm_flags must be a u32 below 2^31, was " + flags);
        }
        // (no lambdas: every decoded route of a dump comes through here)
        if (src.isPresent() && !src.get().family().equals(dst.family())) {
            throw new IllegalArgumentException("source prefix " + src.get() + " is not of the family of " + dst);
        }
        if (prefsrc.isPresent() && !AddressFamily.of(prefsrc.get()).equals(dst.family())) {
            throw new IllegalArgumentException("src " + prefsrc.get().getHostAddress() + " is not of the family of " + dst);
        }
        if (!nexthops.isEmpty() && (gateway.isPresent() || dev.isPresent() || oif.isPresent())) {
            throw new IllegalArgumentException("a multipath route carries gateway and device in its nexthops, not itself: "
                    + dst);
        }
    }

    /** The family of the destination. */
    public AddressFamily family() {
        return dst.family();
    }

    /** A builder for a route to {@code dst} ({@code "10.0.0.0/24"}, {@code "2.2.2.11"}, {@code "default"}). */
    public static Builder to(String dst) {
        return new Builder(dst.equals("default") ? new InetPrefix(Inet.parse("0.0.0.0"), 0) : InetPrefix.parse(dst));
    }

    /** A builder for a route to {@code dst}. */
    public static Builder to(InetPrefix dst) {
        return new Builder(dst);
    }

    /** A builder holding every field of this route (its table counts as given). */
    public Builder toBuilder() {
        Builder b = new Builder(dst);
        b.src = src;
        b.tos = tos;
        b.table = table;
        b.tableSet = true;
        b.protocol = protocol;
        b.scope = scope;
        b.type = type;
        b.flags = flags;
        b.gateway = gateway;
        b.dev = dev;
        b.oif = oif;
        b.prefsrc = prefsrc;
        b.priority = priority;
        b.metrics = metrics;
        b.nexthops = new ArrayList<>(nexthops);
        b.nhid = nhid;
        b.nexthopInfo = nhid.isPresent() && (gateway.isPresent() || oif.isPresent() || !nexthops.isEmpty()
                || encap.isPresent());
        b.encap = encap;
        b.unknown = new ArrayList<>(unknown);
        return b;
    }

    /** This route with device name {@code dev} replaced by index {@code index}. */
    public Route withOif(int index) {
        return toBuilder().oif(index).build();
    }

    /** The scope an add or replace request sends: {@link #effectiveScope(RouteVerb)} of {@link RouteVerb#ADD}. */
    public RouteScope effectiveScope() {
        return effectiveScope(RouteVerb.ADD);
    }

    /**
     * The rtm_scope a request with {@code verb} sends, as iproute2 derives it when no {@code scope} is
     * given (ip/iproute.c, iproute_modify): universe for IPv6; host for local and nat routes; link
     * for broadcast, multicast and anycast; for unicast, nowhere on delete (matching any scope) and
     * link when the route has neither gateway, nexthops nor a nexthop object; universe otherwise
     * (nowhere on delete).
     */
    public RouteScope effectiveScope(RouteVerb verb) {
        if (scope.isPresent()) {
            return scope.get();
        }
        boolean delete = verb == RouteVerb.DELETE;
        if (!dst.isIpv4()) {
            return RouteScope.UNIVERSE;
        }
        RouteType t = type.orElse(delete ? RouteType.UNSPEC : RouteType.UNICAST);
        if (t.equals(RouteType.LOCAL) || t.equals(RouteType.NAT)) {
            return RouteScope.HOST;
        }
        if (t.equals(RouteType.BROADCAST) || t.equals(RouteType.MULTICAST) || t.equals(RouteType.ANYCAST)) {
            return RouteScope.LINK;
        }
        if (delete) {
            return RouteScope.NOWHERE;
        }
        if ((t.equals(RouteType.UNICAST) || t.equals(RouteType.UNSPEC)) && gateway.isEmpty() && nexthops.isEmpty()
                && nhid.isEmpty()) {
            return RouteScope.LINK;
        }
        return RouteScope.UNIVERSE;
    }

    /** The table as ip names it: {@code main}, {@code local}, {@code default}, or the number. */
    static String tableName(int table) {
        return switch (table) {
            case TABLE_DEFAULT -> "default";
            case TABLE_MAIN -> "main";
            case TABLE_LOCAL -> "local";
            default -> Integer.toUnsignedString(table);
        };
    }

    /** Route types that iproute2 puts in table local when no table is given. */
    static boolean localTableType(RouteType t) {
        return t.equals(RouteType.LOCAL) || t.equals(RouteType.BROADCAST) || t.equals(RouteType.NAT)
                || t.equals(RouteType.ANYCAST);
    }

    static String validDev(String name) {
        Objects.requireNonNull(name, "dev");
        byte[] b = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (b.length < 1 || b.length > 15 || name.indexOf('/') >= 0 || name.chars().anyMatch(Character::isWhitespace)
                || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("device name must be 1..15 bytes without '/' or whitespace, was \""
                    + name + "\"");
        }
        return name;
    }

    /** The route in ip's words, without verb: {@code 10.0.0.0/24 via 10.0.0.1 dev eth0 table 100}. */
    public String toIpArgs() {
        StringBuilder sb = new StringBuilder();
        type.filter(t -> !t.equals(RouteType.UNICAST)).ifPresent(t -> sb.append(t).append(' '));
        sb.append(dst.length() == 0 ? "default" : dst.toString());
        src.ifPresent(s -> sb.append(" from ").append(s));
        if (tos != 0) {
            sb.append(" tos 0x").append(Integer.toHexString(tos));
        }
        // with nhid, gateway, device, paths and encap belong to the nexthop object: ip takes none of them
        boolean direct = nhid.isEmpty();
        if (direct) {
            gateway.ifPresent(g -> sb.append(" via ")
                    .append(AddressFamily.of(g).equals(family()) ? "" : AddressFamily.of(g) + " ")
                    .append(Inet.format(g)));
            if (dev.isPresent()) {
                sb.append(" dev ").append(dev.get());
            } else {
                oif.ifPresent(i -> sb.append(" dev if").append(i));
            }
        }
        // the table ip picks for the type when none is given is left out, as an operator would
        int impliedTable = type.isPresent() && localTableType(type.get()) ? TABLE_LOCAL : TABLE_MAIN;
        if (table != impliedTable) {
            sb.append(" table ").append(tableName(table));
        }
        protocol.filter(p -> !p.equals(RouteProtocol.BOOT)).ifPresent(p -> sb.append(" proto ").append(p));
        priority.ifPresent(p -> sb.append(" metric ").append(Integer.toUnsignedString(p)));
        prefsrc.ifPresent(p -> sb.append(" src ").append(Inet.format(p)));
        if (scope.isPresent() && !scope.get().equals(RouteScope.UNIVERSE)) {
            sb.append(" scope ").append(scope.get());
        }
        if (!metrics.isEmpty()) {
            sb.append(' ').append(metrics.toIpArgs());
        }
        if ((flags & FLAG_ONLINK) != 0) {
            sb.append(" onlink");
        }
        if (direct) {
            encap.ifPresent(e -> sb.append(' ').append(e.toIpArgs()));
            for (RouteHop h : nexthops) {
                sb.append(' ').append(h.toIpArgs(family()));
            }
        }
        nhid.ifPresent(n -> sb.append(" nhid ").append(Integer.toUnsignedString(n)));
        return sb.toString();
    }

    @Override
    public String toString() {
        return toIpArgs();
    }

    /** Builds a {@link Route}; every setter validates its argument at once. */
    public static final class Builder {
        private final InetPrefix dst;
        private Optional<InetPrefix> src = Optional.empty();
        private int tos;
        private int table = TABLE_MAIN;
        private boolean tableSet;
        private Optional<RouteProtocol> protocol = Optional.empty();
        private Optional<RouteScope> scope = Optional.empty();
        private Optional<RouteType> type = Optional.empty();
        private int flags;
        private Optional<InetAddress> gateway = Optional.empty();
        private Optional<String> dev = Optional.empty();
        private OptionalInt oif = OptionalInt.empty();
        private Optional<InetAddress> prefsrc = Optional.empty();
        private OptionalInt priority = OptionalInt.empty();
        private RouteMetrics metrics = RouteMetrics.NONE;
        private List<RouteHop> nexthops = new ArrayList<>();
        private OptionalInt nhid = OptionalInt.empty();
        /** The record had nhid and what the kernel reports of its nexthop object alongside. */
        private boolean nexthopInfo;
        private Optional<RouteEncap> encap = Optional.empty();
        private List<RawAttribute> unknown = new ArrayList<>();

        private Builder(InetPrefix dst) {
            this.dst = Objects.requireNonNull(dst, "dst");
        }

        /** {@code via ADDRESS}: a gateway of the route's family, or of the other one (RTA_VIA). */
        public Builder via(String gateway) {
            return via(Inet.parse(gateway));
        }

        /** {@code via ADDRESS}: RTA_GATEWAY of the route's family, or RTA_VIA of the other. */
        public Builder via(InetAddress gateway) {
            this.gateway = Optional.of(gateway);
            return this;
        }

        /** {@code dev NAME}: resolved to an index through the library when sent. */
        public Builder dev(String name) {
            this.dev = Optional.of(validDev(name));
            this.oif = OptionalInt.empty();
            return this;
        }

        /** The output device by index. */
        public Builder oif(int index) {
            if (index < 1) {
                throw new IllegalArgumentException("oif must be an ifindex >= 1, was " + index);
            }
            this.oif = OptionalInt.of(index);
            this.dev = Optional.empty();
            return this;
        }

        /**
         * {@code table ID}: any u32 other than 0 (RT_TABLE_UNSPEC), unsigned. Without it a route goes
         * to table main, or to table local when its type is local, broadcast, nat or anycast (as ip
         * does).
         */
        public Builder table(int id) {
            if (id == 0) {
                throw new IllegalArgumentException("table must be 1..4294967295 (0 is RT_TABLE_UNSPEC), was 0");
            }
            this.table = id;
            this.tableSet = true;
            return this;
        }

        /** {@code proto NAME} (rtm_protocol); boot unless given, as ip sends it. */
        public Builder protocol(RouteProtocol p) {
            this.protocol = Optional.of(p);
            return this;
        }

        /** An explicit scope; null to derive it. */
        public Builder scope(RouteScope s) {
            this.scope = Optional.ofNullable(s);
            return this;
        }

        /** {@code unicast|local|broadcast|blackhole|unreachable|prohibit|throw...} (rtm_type); unicast unless given. */
        public Builder type(RouteType t) {
            this.type = Optional.of(t);
            return this;
        }

        /** {@code metric N} (RTA_PRIORITY), any u32. */
        public Builder metric(int priority) {
            this.priority = OptionalInt.of(priority);
            return this;
        }

        /** {@code src ADDRESS}: the preferred source address. */
        public Builder src(String address) {
            this.prefsrc = Optional.of(Inet.parse(address));
            return this;
        }

        /** {@code from PREFIX}: a source-specific route. */
        public Builder from(String prefix) {
            this.src = Optional.of(InetPrefix.parse(prefix));
            return this;
        }

        /** {@code tos N}, 0..255. */
        public Builder tos(int tos) {
            if (tos < 0 || tos > 255) {
                throw new IllegalArgumentException("tos must be in 0..255, was " + tos);
            }
            this.tos = tos;
            return this;
        }

        /** {@code mtu N}, 68..65535. */
        public Builder mtu(int mtu) {
            return metric(RouteMetrics.MTU, mtu, false);
        }

        /** {@code mtu lock N}. */
        public Builder mtuLock(int mtu) {
            return metric(RouteMetrics.MTU, mtu, true);
        }

        /** Any RTAX_* metric. */
        public Builder metric(int rtax, int value, boolean lock) {
            if (rtax == RouteMetrics.MTU && (value < 68 || value > 65535)) {
                throw new IllegalArgumentException("mtu must be in 68..65535, was " + value);
            }
            this.metrics = metrics.with(rtax, value, lock);
            return this;
        }

        /** {@code advmss N} (RTAX_ADVMSS). */
        public Builder advmss(int mss) {
            return metric(RouteMetrics.ADVMSS, mss, false);
        }

        /** {@code hoplimit N} (RTAX_HOPLIMIT), 1..255. */
        public Builder hoplimit(int hops) {
            if (hops < 1 || hops > 255) {
                throw new IllegalArgumentException("hoplimit must be in 1..255, was " + hops);
            }
            return metric(RouteMetrics.HOPLIMIT, hops, false);
        }

        /** {@code initcwnd N} (RTAX_INITCWND). */
        public Builder initcwnd(int segments) {
            return metric(RouteMetrics.INITCWND, segments, false);
        }

        /** RTA_METRICS as a whole. */
        public Builder metrics(RouteMetrics m) {
            this.metrics = Objects.requireNonNull(m, "metrics");
            return this;
        }

        /** {@code onlink}: the gateway is on the link even without a matching prefix. */
        public Builder onlink() {
            this.flags |= FLAG_ONLINK;
            return this;
        }

        /** rtm_flags as a whole. */
        public Builder flags(int f) {
            this.flags = f;
            return this;
        }

        /** {@code encap ...}: a lightweight-tunnel encapsulation. */
        public Builder encap(RouteEncap e) {
            this.encap = Optional.of(e);
            return this;
        }

        /** {@code nhid N}: use nexthop object N. */
        public Builder nhid(int id) {
            if (id == 0) {
                throw new IllegalArgumentException("nhid must be 1..4294967295, was 0");
            }
            this.nhid = OptionalInt.of(id);
            return this;
        }

        /** Adds a multipath path. */
        public Builder nexthop(RouteHop hop) {
            this.nexthops.add(Objects.requireNonNull(hop, "hop"));
            return this;
        }

        /** An attribute kept raw (an RTA_* this library does not model). */
        public Builder unknown(RawAttribute a) {
            this.unknown.add(a);
            return this;
        }

        public Route build() {
            // (a decoded route carries what the kernel reports of its nexthop object: kept, not sent)
            if (nhid.isPresent() && !nexthopInfo && (gateway.isPresent() || dev.isPresent() || oif.isPresent()
                    || !nexthops.isEmpty() || encap.isPresent())) {
                throw new IllegalArgumentException("a route with nhid " + Integer.toUnsignedString(nhid.getAsInt())
                        + " takes gateway, device and encap from the nexthop object: " + dst);
            }
            int t = !tableSet && type.isPresent() && localTableType(type.get()) ? TABLE_LOCAL : table;
            return new Route(dst, src, tos, t, protocol, scope, type, flags, gateway, dev, oif, prefsrc, priority,
                    metrics, nexthops, nhid, encap, unknown);
        }
    }
}
