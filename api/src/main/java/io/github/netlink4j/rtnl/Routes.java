package io.github.netlink4j.rtnl;

import io.github.netlink4j.core.Errno;
import io.github.netlink4j.core.KernelException;
import io.github.netlink4j.core.NetlinkChannel;
import io.github.netlink4j.core.NetlinkRequest;
import io.github.netlink4j.core.PipelineOptions;
import io.github.netlink4j.core.PipelineResult;
import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.MessageReader;
import io.github.netlink4j.core.wire.MessageWriter;
import io.github.netlink4j.core.wire.Nlmsg;
import io.github.netlink4j.rtnl.internal.LinkNames;
import io.github.netlink4j.rtnl.internal.RouteCodec;
import io.github.netlink4j.rtnl.internal.RouteSchemas;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/**
 * Route operations ({@code rt.routes()}): add, replace, append, prepend, change, delete, lookups,
 * filtered dumps, and bulk installs that report every failure. Device names resolve to indexes
 * through the kernel right before sending; an unknown name is an {@link IllegalArgumentException}
 * and nothing is sent.
 *
 * <pre>{@code
 * rt.routes().replace(Route.to("2.2.2.11").via("1.1.1.11").dev("tun").encap(encap).build());
 * PipelineResult r = rt.routes().apply(RouteVerb.ADD, routes);   // many per sendmsg, every refusal reported
 * List<Route> t100 = rt.routes().list(RouteFilter.table(100).withDev("veth0"));
 * Route used = rt.routes().get(Routes.Lookup.to("10.9.1.1").from("10.0.0.1").iif("veth0"));
 * }</pre>
 *
 * <p>Thread safety: as the {@link Rtnetlink} it belongs to.
 */
public final class Routes {
    private final NetlinkChannel channel;

    Routes(NetlinkChannel channel) {
        this.channel = channel;
    }

    /** {@code ip route add}: fails with EEXIST when the route exists. */
    public void add(Route r) {
        send(RouteVerb.ADD, r);
    }

    /** {@code ip route replace}: creates or replaces. */
    public void replace(Route r) {
        send(RouteVerb.REPLACE, r);
    }

    /** {@code ip route append}: adds a route after those to the same destination. */
    public void append(Route r) {
        send(RouteVerb.APPEND, r);
    }

    /** {@code ip route prepend}: adds a route before those to the same destination. */
    public void prepend(Route r) {
        send(RouteVerb.PREPEND, r);
    }

    /** {@code ip route change}: fails with ENOENT when there is nothing to change. */
    public void change(Route r) {
        send(RouteVerb.CHANGE, r);
    }

    /**
     * {@code ip route del}: the kernel deletes the first route matching what is given (a decoded
     * route deletes exactly itself). ESRCH when none matches.
     */
    public void delete(Route r) {
        send(RouteVerb.DELETE, r);
    }

    /** Sends one request and waits for the kernel's answer. */
    public void send(RouteVerb verb, Route r) {
        channel.execute(request(verb, r));
    }

    /** The request for {@code verb} and {@code r}, devices resolved: to send, log or pipeline. */
    public RouteRequest request(RouteVerb verb, Route r) {
        return new RouteRequest(verb, resolve(r, new LinkNames(channel)::indexOf));
    }

    /**
     * Sends {@code verb} for every route, many per sendmsg and without waiting for each ACK, and
     * reports the ones the kernel refused, each by its index in {@code routes} and with its request
     * (whose {@code toString()} is the ip command). The fastest way to install many routes. Device
     * names are resolved once each before anything is sent.
     */
    public PipelineResult apply(RouteVerb verb, List<Route> routes) {
        ToIntFunction<String> names = new LinkNames(channel)::indexOf;
        List<RouteRequest> reqs = new ArrayList<>(routes.size());
        for (int i = 0, n = routes.size(); i < n; i++) {
            reqs.add(new RouteRequest(verb, resolve(routes.get(i), names)));
        }
        return channel.pipeline(reqs, PipelineOptions.errorsOnly());
    }

    /**
     * Sends prepared requests (verbs may differ, e.g. deletes then adds) as {@link #apply(RouteVerb, List)}
     * does; failures carry their index in {@code requests}.
     */
    public PipelineResult apply(List<RouteRequest> requests) {
        return channel.pipeline(requests, PipelineOptions.errorsOnly());
    }

    /** {@code r} with every device name resolved through {@code names} (name to ifindex). */
    static Route resolve(Route r, ToIntFunction<String> names) {
        boolean devNamed = r.dev().isPresent() && r.oif().isEmpty();
        boolean hopsNamed = false;
        for (RouteHop h : r.nexthops()) {
            hopsNamed |= h.dev().isPresent() && h.oif().isEmpty();
        }
        if (!devNamed && !hopsNamed) {
            return r;
        }
        OptionalInt oif = devNamed ? OptionalInt.of(names.applyAsInt(r.dev().get())) : r.oif();
        List<RouteHop> hops = r.nexthops();
        if (hopsNamed) {
            hops = new ArrayList<>();
            for (RouteHop h : r.nexthops()) {
                hops.add(h.dev().isPresent() && h.oif().isEmpty() ? h.withOif(names.applyAsInt(h.dev().get())) : h);
            }
        }
        // the names stay, so that the request prints "dev NAME"
        return new Route(r.dst(), r.src(), r.tos(), r.table(), r.protocol(), r.scope(), r.type(), r.flags(), r.gateway(),
                r.dev(), oif, r.prefsrc(), r.priority(), r.metrics(), hops, r.nhid(), r.encap(), r.unknown());
    }

    /**
     * A route lookup ({@code ip route get}): which route the kernel would use for a packet to
     * {@code to}, optionally from a source address, arriving on a device, leaving by a device, or
     * carrying a mark. Devices are given by name (resolved when sent) or index.
     *
     * @param to       the destination address
     * @param from     RTA_SRC, the source address
     * @param iifDev   the input device by name
     * @param iif      RTA_IIF, the input device index
     * @param oifDev   the output device by name
     * @param oif      RTA_OIF, the output device index
     * @param mark     RTA_MARK (sent when not 0, as ip does)
     * @param fibMatch RTM_F_FIB_MATCH: return the matching FIB entry rather than the resolved result
     */
    public record Lookup(InetAddress to, Optional<InetAddress> from, Optional<String> iifDev, OptionalInt iif,
                         Optional<String> oifDev, OptionalInt oif, OptionalInt mark, boolean fibMatch)
            implements NetlinkRequest {
        public Lookup {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(iifDev, "iifDev");
            Objects.requireNonNull(iif, "iif");
            Objects.requireNonNull(oifDev, "oifDev");
            Objects.requireNonNull(oif, "oif");
            Objects.requireNonNull(mark, "mark");
            from.ifPresent(f -> {
                if (!AddressFamily.of(f).equals(AddressFamily.of(to))) {
                    throw new IllegalArgumentException("from " + Inet.format(f) + " is not of the family of " + Inet.format(to));
                }
            });
        }

        /** {@code ip route get ADDRESS} (a numeric IPv4 or IPv6 address). */
        public static Lookup to(String address) {
            return new Lookup(Inet.parse(address), Optional.empty(), Optional.empty(), OptionalInt.empty(),
                    Optional.empty(), OptionalInt.empty(), OptionalInt.empty(), false);
        }

        /** {@code ip route get fibmatch ADDRESS}: the matching FIB entry rather than the resolved result. */
        public Lookup withFibMatch() {
            return new Lookup(to, from, iifDev, iif, oifDev, oif, mark, true);
        }

        /** {@code from ADDRESS}. */
        public Lookup from(String address) {
            return new Lookup(to, Optional.of(Inet.parse(address)), iifDev, iif, oifDev, oif, mark, fibMatch);
        }

        /** {@code mark N}, any u32. */
        public Lookup mark(int m) {
            return new Lookup(to, from, iifDev, iif, oifDev, oif, OptionalInt.of(m), fibMatch);
        }

        /** {@code oif NAME}. */
        public Lookup oif(String dev) {
            return new Lookup(to, from, iifDev, iif, Optional.of(Route.validDev(dev)), OptionalInt.empty(), mark, fibMatch);
        }

        /** The output device by index (>= 1). */
        public Lookup oif(int index) {
            return new Lookup(to, from, iifDev, iif, oifDev, OptionalInt.of(validIndex(index)), mark, fibMatch);
        }

        /** {@code iif NAME}: as if the packet arrived on that device (needs {@code from}, and forwarding to pass). */
        public Lookup iif(String dev) {
            return new Lookup(to, from, Optional.of(Route.validDev(dev)), OptionalInt.empty(), oifDev, oif, mark, fibMatch);
        }

        /** The input device by index (>= 1). */
        public Lookup iif(int index) {
            return new Lookup(to, from, iifDev, OptionalInt.of(validIndex(index)), oifDev, oif, mark, fibMatch);
        }

        private static int validIndex(int index) {
            if (index < 1) {
                throw new IllegalArgumentException("ifindex must be >= 1, was " + index);
            }
            return index;
        }

        Lookup resolved(ToIntFunction<String> names) {
            OptionalInt i = iifDev.isPresent() && iif.isEmpty() ? OptionalInt.of(names.applyAsInt(iifDev.get())) : iif;
            OptionalInt o = oifDev.isPresent() && oif.isEmpty() ? OptionalInt.of(names.applyAsInt(oifDev.get())) : oif;
            return new Lookup(to, from, iifDev, i, oifDev, o, mark, fibMatch);
        }

        @Override
        public int type() {
            return RouteSchemas.RTM_GETROUTE;
        }

        @Override
        public int flags() {
            return 0;
        }

        /**
         * As ip/iproute.c (iproute_get) writes it: rtm_dst_len the full address, rtm_src_len too
         * with {@code from}, RTM_F_LOOKUP_TABLE for IPv4 only;
         * <pre>
         * rtmsg
         * RTA_DST, RTA_SRC, RTA_IIF, RTA_OIF, RTA_MARK
         * </pre>
         */
        @Override
        public void encode(MessageWriter w) {
            if ((iifDev.isPresent() && iif.isEmpty()) || (oifDev.isPresent() && oif.isEmpty())) {
                throw new IllegalStateException("lookup devices are not resolved to indexes: " + this);
            }
            AddressFamily f = AddressFamily.of(to);
            int bits = f.equals(AddressFamily.INET) ? 32 : 128;
            w.putU8(f.number()).putU8(bits).putU8(from.isPresent() ? bits : 0).putU8(0);
            w.putU8(0).putU8(0).putU8(0).putU8(0);
            w.putU32((f.equals(AddressFamily.INET) ? RouteSchemas.RTM_F_LOOKUP_TABLE : 0)
                    | (fibMatch ? RouteSchemas.RTM_F_FIB_MATCH : 0));
            w.put(RouteSchemas.RTA_DST, to);
            if (from.isPresent()) {
                w.put(RouteSchemas.RTA_SRC, from.get());
            }
            if (iif.isPresent()) {
                w.putU32Attr(RouteSchemas.RTA_IIF, iif.getAsInt());
            }
            if (oif.isPresent()) {
                w.putU32Attr(RouteSchemas.RTA_OIF, oif.getAsInt());
            }
            if (mark.isPresent() && mark.getAsInt() != 0) {
                w.putU32Attr(RouteSchemas.RTA_MARK, mark.getAsInt());
            }
        }

        @Override
        public String operation() {
            return "RTM_GETROUTE";
        }

        @Override
        public int headerLength() {
            return RouteSchemas.RTMSG_LEN;
        }

        @Override
        public AttrSchema schema() {
            return RouteSchemas.RTA;
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("ip route get ");
            if (fibMatch) {
                sb.append("fibmatch ");
            }
            sb.append(Inet.format(to));
            from.ifPresent(a -> sb.append(" from ").append(Inet.format(a)));
            if (iifDev.isPresent()) {
                sb.append(" iif ").append(iifDev.get());
            } else {
                iif.ifPresent(i -> sb.append(" iif if").append(i));
            }
            if (oifDev.isPresent()) {
                sb.append(" oif ").append(oifDev.get());
            } else {
                oif.ifPresent(i -> sb.append(" oif if").append(i));
            }
            mark.ifPresent(m -> sb.append(" mark 0x").append(Integer.toHexString(m)));
            return sb.toString();
        }
    }

    /**
     * The route the kernel would use for {@code lookup} (with fibmatch, the FIB entry that matches).
     *
     * @throws KernelException ENETUNREACH, EHOSTUNREACH... when there is none
     */
    public Route get(Lookup lookup) {
        Lookup l = lookup.resolved(new LinkNames(channel)::indexOf);
        return channel.query(l, m -> m.type() == RouteSchemas.RTM_NEWROUTE ? RouteCodec.decode(m) : null);
    }

    /** {@code ip route get ADDRESS}. */
    public Route get(String address) {
        return get(Lookup.to(address));
    }

    /** Every IPv4 and IPv6 route of every table ({@code ip route show table all} and {@code ip -6 ...}). */
    public List<Route> list() {
        return list(RouteFilter.ALL);
    }

    /** Every route passing {@code filter}, in the kernel's order. */
    public List<Route> list(RouteFilter filter) {
        List<Route> out = new ArrayList<>();
        list(filter, out::add);
        return out;
    }

    /**
     * Streams every route passing {@code filter} to {@code each}, holding none of them. A table that
     * does not exist has no routes (the kernel's ENOENT for it is not an error here). Routes of
     * other families a dump may carry (multicast routing tables) are skipped.
     */
    public void list(RouteFilter filter, Consumer<Route> each) {
        RouteFilter f = filter.dev().isPresent() && filter.oif().isEmpty()
                ? filter.resolved(new LinkNames(channel).indexOf(filter.dev().get())) : filter;
        try {
            channel.dump(new DumpRequest(f), m -> {
                if (m.type() == RouteSchemas.RTM_NEWROUTE && isInet(m)) {
                    Route r = RouteCodec.decode(m);
                    if (f.matches(r)) {
                        each.accept(r);
                    }
                }
            });
        } catch (KernelException e) {
            if (!(e.errno().equals(Errno.ENOENT) && f.table().isPresent())) {
                throw e;
            }
        }
    }

    private static boolean isInet(MessageReader m) {
        if (m.payloadLength() < 1) {
            return true; // let the decoder report it
        }
        int family = m.buffer().get(m.payloadOffset()) & 0xff;
        return family == AddressFamily.INET.number() || family == AddressFamily.INET6.number();
    }

    /**
     * RTM_GETROUTE with NLM_F_DUMP, carrying the kernel-side filter as ip/iproute.c
     * (iproute_dump_filter) does, plus the type the kernel also filters on:
     * <pre>
     * rtmsg { family; protocol; type }
     * RTA_TABLE (when filtering by table), RTA_OIF (by device)
     * </pre>
     */
    record DumpRequest(RouteFilter filter) implements NetlinkRequest {
        @Override
        public int type() {
            return RouteSchemas.RTM_GETROUTE;
        }

        @Override
        public int flags() {
            return Nlmsg.NLM_F_DUMP;
        }

        @Override
        public void encode(MessageWriter w) {
            w.putU8(filter.family().isPresent() ? filter.family().get().number() : 0).putU8(0).putU8(0).putU8(0);
            w.putU8(0);
            w.putU8(filter.protocol().isPresent() ? filter.protocol().get().number() : 0);
            w.putU8(0);
            w.putU8(filter.type().isPresent() ? filter.type().get().number() : 0);
            w.putU32(0);
            if (filter.table().isPresent()) {
                w.putU32Attr(RouteSchemas.RTA_TABLE, filter.table().getAsInt());
            }
            if (filter.oif().isPresent()) {
                w.putU32Attr(RouteSchemas.RTA_OIF, filter.oif().getAsInt());
            }
        }

        @Override
        public String operation() {
            return "RTM_GETROUTE";
        }

        @Override
        public int headerLength() {
            return RouteSchemas.RTMSG_LEN;
        }

        @Override
        public AttrSchema schema() {
            return RouteSchemas.RTA;
        }

        /** ip's words; without a family ip would show IPv4 only where this dump returns both. */
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("ip");
            filter.family().ifPresent(f -> sb.append(f.equals(AddressFamily.INET6) ? " -6" : " -4"));
            sb.append(" route show");
            filter.table().ifPresentOrElse(t -> sb.append(" table ").append(Route.tableName(t)),
                    () -> sb.append(" table all"));
            if (filter.dev().isPresent()) {
                sb.append(" dev ").append(filter.dev().get());
            } else {
                filter.oif().ifPresent(o -> sb.append(" dev if").append(o));
            }
            filter.protocol().ifPresent(p -> sb.append(" proto ").append(p));
            filter.type().ifPresent(t -> sb.append(" type ").append(t));
            return sb.toString();
        }
    }

    /** Decodes one RTM_NEWROUTE / RTM_DELROUTE message (for event streams and raw dumps). */
    public static Route decode(MessageReader m) {
        return RouteCodec.decode(m);
    }
}
