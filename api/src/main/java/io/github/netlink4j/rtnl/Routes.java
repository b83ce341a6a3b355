package io.github.netlink4j.rtnl;

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

/**
 * Route operations ({@code rt.routes()}): add, replace, append, change, delete, lookup, dump, and
 * bulk installs that report every failure. Device names resolve to indexes through the kernel
 * right before sending; an unknown name is an {@link IllegalArgumentException} and nothing is sent.
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

    /** {@code ip route append}. */
    public void append(Route r) {
        send(RouteVerb.APPEND, r);
    }

    /** {@code ip route change}: fails with ENOENT when there is nothing to change. */
    public void change(Route r) {
        send(RouteVerb.CHANGE, r);
    }

    /** {@code ip route del}: the kernel deletes the first route matching what is given. */
    public void delete(Route r) {
        send(RouteVerb.DELETE, r);
    }

    /** Sends one request and waits for the kernel's answer. */
    public void send(RouteVerb verb, Route r) {
        channel.execute(request(verb, r));
    }

    /** The request for {@code verb} and {@code r}, devices resolved: to send, log or pipeline. */
    public RouteRequest request(RouteVerb verb, Route r) {
        return new RouteRequest(verb, resolve(r, new LinkNames(channel)));
    }

    /**
     * Sends many requests, many per sendmsg and without waiting for each ACK, and reports the ones
     * the kernel refused (see {@link NetlinkChannel#pipeline}). The fastest way to install routes.
     */
    public PipelineResult apply(RouteVerb verb, List<Route> routes) {
        LinkNames names = new LinkNames(channel);
        List<RouteRequest> reqs = new ArrayList<>(routes.size());
        for (Route r : routes) {
            reqs.add(new RouteRequest(verb, resolve(r, names)));
        }
        return channel.pipeline(reqs, PipelineOptions.errorsOnly());
    }

    static Route resolve(Route r, LinkNames names) {
        boolean hopsNamed = r.nexthops().stream().anyMatch(h -> h.dev().isPresent() && h.oif().isEmpty());
        if (r.dev().isEmpty() && !hopsNamed) {
            return r;
        }
        Route.Builder b = r.toBuilder();
        r.dev().ifPresent(d -> b.oif(names.indexOf(d)));
        if (hopsNamed) {
            List<RouteHop> hops = new ArrayList<>();
            for (RouteHop h : r.nexthops()) {
                hops.add(h.dev().isPresent() && h.oif().isEmpty() ? h.withOif(names.indexOf(h.dev().get())) : h);
            }
            Route built = b.build();
            return new Route(built.dst(), built.src(), built.tos(), built.table(), built.protocol(), built.scope(),
                    built.type(), built.flags(), built.gateway(), built.dev(), built.oif(), built.prefsrc(),
                    built.priority(), built.metrics(), hops, built.nhid(), built.encap(), built.unknown());
        }
        Route resolved = b.build();
        // keep the name for messages: the request prints "dev NAME"
        return new Route(resolved.dst(), resolved.src(), resolved.tos(), resolved.table(), resolved.protocol(),
                resolved.scope(), resolved.type(), resolved.flags(), resolved.gateway(), r.dev(), resolved.oif(),
                resolved.prefsrc(), resolved.priority(), resolved.metrics(), resolved.nexthops(), resolved.nhid(),
                resolved.encap(), resolved.unknown());
    }

    /** A route lookup ({@code ip route get}). */
    public record Lookup(InetAddress to, Optional<InetAddress> from, OptionalInt iif, OptionalInt oif, OptionalInt mark,
                         boolean fibMatch) implements NetlinkRequest {
        public Lookup {
            Objects.requireNonNull(to, "to");
        }

        /** {@code ip route get ADDRESS}. */
        public static Lookup to(String address) {
            return new Lookup(Inet.parse(address), Optional.empty(), OptionalInt.empty(), OptionalInt.empty(),
                    OptionalInt.empty(), false);
        }

        /** {@code ip route get fibmatch ADDRESS}: the matching FIB entry rather than the resolved result. */
        public Lookup withFibMatch() {
            return new Lookup(to, from, iif, oif, mark, true);
        }

        public Lookup from(String address) {
            return new Lookup(to, Optional.of(Inet.parse(address)), iif, oif, mark, fibMatch);
        }

        public Lookup mark(int m) {
            return new Lookup(to, from, iif, oif, OptionalInt.of(m), fibMatch);
        }

        public Lookup oif(int index) {
            return new Lookup(to, from, iif, OptionalInt.of(index), mark, fibMatch);
        }

        public Lookup iif(int index) {
            return new Lookup(to, from, OptionalInt.of(index), oif, mark, fibMatch);
        }

        @Override
        public int type() {
            return RouteSchemas.RTM_GETROUTE;
        }

        @Override
        public int flags() {
            return 0;
        }

        @Override
        public void encode(MessageWriter w) {
            AddressFamily f = AddressFamily.of(to);
            int bits = f.equals(AddressFamily.INET) ? 32 : 128;
            w.putU8(f.number()).putU8(bits).putU8(from.isPresent() ? bits : 0).putU8(0);
            w.putU8(0).putU8(0).putU8(0).putU8(0);
            w.putU32(RouteSchemas.RTM_F_LOOKUP_TABLE | (fibMatch ? RouteSchemas.RTM_F_FIB_MATCH : 0));
            from.ifPresent(a -> w.put(RouteSchemas.RTA_SRC, a));
            w.put(RouteSchemas.RTA_DST, to);
            iif.ifPresent(i -> w.put(RouteSchemas.RTA_IIF, i));
            oif.ifPresent(i -> w.put(RouteSchemas.RTA_OIF, i));
            mark.ifPresent(m -> w.put(RouteSchemas.RTA_MARK, m));
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
            iif.ifPresent(i -> sb.append(" iif if").append(i));
            oif.ifPresent(i -> sb.append(" oif if").append(i));
            mark.ifPresent(m -> sb.append(" mark 0x").append(Integer.toHexString(m)));
            return sb.toString();
        }
    }

    /** The route the kernel would use for {@code lookup}. */
    public Route get(Lookup lookup) {
        return channel.query(lookup, m -> m.type() == RouteSchemas.RTM_NEWROUTE ? RouteCodec.decode(m) : null);
    }

    /** {@code ip route get ADDRESS}. */
    public Route get(String address) {
        return get(Lookup.to(address));
    }

    /** Every route passing {@code filter}. */
    public List<Route> list(RouteFilter filter) {
        List<Route> out = new ArrayList<>();
        list(filter, out::add);
        return out;
    }

    /** Streams every route passing {@code filter} to {@code each}, holding none of them. */
    public void list(RouteFilter filter, Consumer<Route> each) {
        RouteFilter f = filter.dev().isPresent()
                ? filter.withOif(new LinkNames(channel).indexOf(filter.dev().get())) : filter;
        channel.dump(new DumpRequest(f), m -> {
            if (m.type() == RouteSchemas.RTM_NEWROUTE) {
                Route r = RouteCodec.decode(m);
                if (f.matches(r)) {
                    each.accept(r);
                }
            }
        });
    }

    /** RTM_GETROUTE with NLM_F_DUMP, carrying the kernel-side filter. */
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
            int table = filter.table().orElse(0);
            w.putU8(filter.family().map(AddressFamily::number).orElse(0)).putU8(0).putU8(0).putU8(0);
            w.putU8(Integer.compareUnsigned(table, 256) < 0 ? table : 0);
            w.putU8(filter.protocol().map(RouteProtocol::number).orElse(0));
            w.putU8(0);
            w.putU8(filter.type().map(RouteType::number).orElse(0));
            w.putU32(0);
            if (Integer.compareUnsigned(table, 256) >= 0) {
                w.put(RouteSchemas.RTA_TABLE, table);
            }
            filter.oif().ifPresent(o -> w.put(RouteSchemas.RTA_OIF, o));
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
            StringBuilder sb = new StringBuilder("ip");
            filter.family().ifPresent(f -> sb.append(f.equals(AddressFamily.INET6) ? " -6" : " -4"));
            sb.append(" route show");
            filter.table().ifPresentOrElse(t -> sb.append(" table ").append(Integer.toUnsignedString(t)),
                    () -> sb.append(" table all"));
            filter.oif().ifPresent(o -> sb.append(" dev if").append(o));
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
