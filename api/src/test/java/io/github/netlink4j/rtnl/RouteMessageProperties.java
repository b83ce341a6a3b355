package io.github.netlink4j.rtnl;

import io.github.netlink4j.core.MalformedMessageException;
import io.github.netlink4j.core.wire.ByteString;
import io.github.netlink4j.core.wire.MessageReader;
import io.github.netlink4j.core.wire.MessageWriter;
import io.github.netlink4j.core.wire.RawAttribute;
import io.github.netlink4j.rtnl.internal.NexthopCodec;
import io.github.netlink4j.rtnl.internal.RouteCodec;
import io.github.netlink4j.rtnl.internal.RuleCodec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Route, nexthop and rule messages: whatever the encoder writes the decoder gives back as an equal
 * record (unknown attributes and unknown encaps included); arbitrary bytes decode or fail with
 * {@link MalformedMessageException} only.
 */
class RouteMessageProperties {

    static Arbitrary<InetAddress> addr(boolean v4) {
        return Arbitraries.bytes().array(byte[].class).ofSize(v4 ? 4 : 16).map(Inet::of);
    }

    static Arbitrary<InetPrefix> prefix(boolean v4) {
        return Combinators.combine(addr(v4), Arbitraries.integers().between(0, v4 ? 32 : 128))
                .as((a, l) -> l == 0 ? new InetPrefix(a, 0).network() : new InetPrefix(a, l));
    }

    static Arbitrary<List<RawAttribute>> unknown(int fromType, int toType) {
        return Combinators.combine(Arbitraries.integers().between(fromType, toType),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(12))
                .as((t, b) -> new RawAttribute(t, ByteString.of(b))).list().ofMaxSize(2);
    }

    static Arbitrary<Optional<RouteEncap>> encap() {
        return Combinators.combine(Arbitraries.integers().between(100, 200), unknown(1, 20))
                .as((t, a) -> (RouteEncap) new RawRouteEncap(t, a)).optional(0.3);
    }

    static <T> Arbitrary<Optional<T>> opt(Arbitrary<T> a) {
        return a.optional(0.5);
    }

    static Arbitrary<OptionalInt> optInt(Arbitrary<Integer> a) {
        return a.optional(0.5).map(o -> o.map(OptionalInt::of).orElse(OptionalInt.empty()));
    }

    static Arbitrary<RouteMetrics> metrics() {
        // raw metrics: any RTAX number with a payload that is not a u32 (RTAX_CC_ALGO's string)
        Arbitrary<RawAttribute> raw = Combinators.combine(Arbitraries.integers().between(1, 20),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(12).filter(b -> b.length != 4))
                .as((t, b) -> new RawAttribute(t, ByteString.of(b)));
        return Combinators.combine(Arbitraries.maps(Arbitraries.integers().between(2, 20), Arbitraries.integers()).ofMaxSize(3),
                Arbitraries.integers(), raw.list().ofMaxSize(2)).as(RouteMetrics::new);
    }

    static Arbitrary<RouteHop> hop(boolean v4) {
        return Combinators.combine(opt(Arbitraries.of(true, false).flatMap(same -> addr(same == v4))),
                optInt(Arbitraries.integers().between(1, Integer.MAX_VALUE)), Arbitraries.integers().between(1, 256),
                Arbitraries.integers().between(0, 255), encap(), unknown(31, 60))
                .as((g, o, w, f, e, u) -> new RouteHop(g, Optional.empty(), o, w, f, e, u));
    }

    @Provide
    Arbitrary<Route> routes() {
        return Arbitraries.of(true, false).flatMap(v4 -> {
            Arbitrary<Route> head = Combinators.combine(prefix(v4), opt(prefix(v4)), Arbitraries.integers().between(0, 255),
                    Arbitraries.integers().filter(t -> t != 0),
                    Arbitraries.integers().between(0, 255).map(RouteProtocol::of),
                    Arbitraries.integers().between(0, 255).map(RouteScope::of),
                    Arbitraries.integers().between(0, 255).map(RouteType::of),
                    Arbitraries.integers().between(0, Integer.MAX_VALUE))
                    .as((d, s, tos, table, p, sc, ty, fl) -> new Route(d, s, tos, table, Optional.of(p), Optional.of(sc),
                            Optional.of(ty), fl, Optional.empty(), Optional.empty(), OptionalInt.empty(), Optional.empty(),
                            OptionalInt.empty(), RouteMetrics.NONE, List.of(), OptionalInt.empty(), Optional.empty(), List.of()));
            return Combinators.combine(head, Arbitraries.of(true, false),
                    opt(Arbitraries.of(true, false).flatMap(same -> addr(same == v4))),
                    optInt(Arbitraries.integers().between(1, Integer.MAX_VALUE)), opt(addr(v4)), optInt(Arbitraries.integers()),
                    metrics(), hop(v4).list().ofMaxSize(3))
                    .as((r, multipath, gw, oif, psrc, prio, m, hops) -> new Route(r.dst(), r.src(), r.tos(), r.table(),
                            r.protocol(), r.scope(), r.type(), r.flags(), multipath ? Optional.empty() : gw, Optional.empty(),
                            multipath ? OptionalInt.empty() : oif, psrc, prio, m, multipath ? hops : List.of(),
                            OptionalInt.empty(), Optional.empty(), List.of()))
                    .flatMap(r -> Combinators.combine(optInt(Arbitraries.integers().filter(i -> i != 0)), encap(),
                            unknown(31, 60)).as((nh, e, u) -> nh.isPresent()
                            // with nhid the nexthop object holds gateway, device, paths and encap
                            ? new Route(r.dst(), r.src(), r.tos(), r.table(), r.protocol(), r.scope(), r.type(), r.flags(),
                                    Optional.empty(), Optional.empty(), OptionalInt.empty(), r.prefsrc(), r.priority(),
                                    r.metrics(), List.of(), nh, Optional.empty(), u)
                            : new Route(r.dst(), r.src(), r.tos(), r.table(), r.protocol(),
                            r.scope(), r.type(), r.flags(), r.gateway(), r.dev(), r.oif(), r.prefsrc(), r.priority(),
                            r.metrics(), r.nexthops(), nh, e, u)));
        });
    }

    static <T> T roundTrip(int type, int header, java.util.function.Consumer<MessageWriter> enc,
                           Function<MessageReader, T> dec) {
        MessageWriter w = new MessageWriter();
        int s = w.beginMessage(type, 0);
        enc.accept(w);
        w.endMessage(s);
        MessageReader m = new MessageReader(w.slice(0));
        assertTrue(m.next());
        return dec.apply(m);
    }

    @Property(tries = 2000)
    void routesRoundTrip(@ForAll("routes") Route r) {
        assertEquals(r, roundTrip(24, 12, w -> RouteCodec.encode(w, r, RouteCodec.Verb.AS_IS), RouteCodec::decode));
    }

    @Provide
    Arbitrary<Nexthop> nexthops() {
        Arbitrary<Nexthop> single = Arbitraries.of(true, false).flatMap(v4 -> Combinators.combine(
                Arbitraries.integers().filter(i -> i != 0), opt(addr(v4)),
                optInt(Arbitraries.integers().between(1, Integer.MAX_VALUE)), Arbitraries.integers().between(0, 255),
                Arbitraries.of(true, false), encap(), Arbitraries.integers().between(0, 255), unknown(13, 40))
                .as((id, gw, oif, fl, fdb, e, proto, u) -> new Nexthop(id, v4 ? AddressFamily.INET : AddressFamily.INET6, gw,
                        Optional.empty(), oif, false, fl, List.of(), OptionalInt.empty(), fdb, e, RouteProtocol.of(proto), u)));
        Arbitrary<Nexthop> group = Combinators.combine(Arbitraries.integers().filter(i -> i != 0),
                Combinators.combine(Arbitraries.integers().filter(i -> i != 0), Arbitraries.integers().between(1, 256))
                        .as(Nexthop.Member::new).list().ofMinSize(1).ofMaxSize(4),
                optInt(Arbitraries.integers().between(0, 1)))
                .as((id, members, gt) -> new Nexthop(id, AddressFamily.UNSPEC, Optional.empty(), Optional.empty(),
                        OptionalInt.empty(), false, 0, members, gt, false, Optional.empty(), RouteProtocol.UNSPEC, List.of()));
        return Arbitraries.oneOf(single, group);
    }

    @Property(tries = 2000)
    void nexthopsRoundTrip(@ForAll("nexthops") Nexthop n) {
        assertEquals(n, roundTrip(104, 8, w -> NexthopCodec.encode(w, n), NexthopCodec::decode));
    }

    @Provide
    Arbitrary<Rule> rules() {
        return Arbitraries.of(true, false).flatMap(v4 -> Combinators.combine(
                Arbitraries.integers(), Arbitraries.integers(), Arbitraries.integers().between(0, 255).map(RuleAction::of),
                opt(prefix(v4).filter(p -> p.length() > 0)), opt(prefix(v4).filter(p -> p.length() > 0)),
                Arbitraries.integers().between(0, 255), opt(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(15)),
                opt(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(15)))
                .as((prio, table, action, from, to, tos, iif, oif) -> new Rule(v4 ? AddressFamily.INET : AddressFamily.INET6,
                        OptionalInt.of(prio), table, action, from, to, tos, iif, oif, OptionalInt.empty(), OptionalInt.empty(),
                        false, OptionalLong.empty(), OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(),
                        Optional.empty(), 0, List.of()))
                .flatMap(r -> Combinators.combine(optInt(Arbitraries.integers()),
                        optInt(Arbitraries.integers().filter(i -> i != -1)), Arbitraries.of(true, false),
                        Arbitraries.longs().optional(0.5), optInt(Arbitraries.integers().filter(i -> i != -1)),
                        optInt(Arbitraries.integers().filter(i -> i != -1)), optInt(Arbitraries.integers()),
                        Arbitraries.integers().between(0, Integer.MAX_VALUE))
                        .as((mark, mask, l3, tun, sup, supGroup, go, fl) -> new Rule(r.family(), r.priority(), r.table(),
                                r.action(), r.from(), r.to(), r.tos(), r.iif(), r.oif(), mark,
                                mark.isPresent() ? mask : OptionalInt.empty(), l3,
                                tun.map(OptionalLong::of).orElse(OptionalLong.empty()), sup, supGroup, go, Optional.empty(), fl,
                                List.of())))
                .flatMap(r -> Combinators.combine(opt(Arbitraries.integers().between(0, 255).map(RouteProtocol::of)),
                        unknown(23, 40)).as((proto, u) -> new Rule(r.family(), r.priority(), r.table(), r.action(), r.from(),
                        r.to(), r.tos(), r.iif(), r.oif(), r.fwmark(), r.fwmask(), r.l3mdev(), r.tunId(),
                        r.suppressPrefixLen(), r.suppressIfgroup(), r.gotoPriority(), proto, r.flags(), u))));
    }

    @Property(tries = 2000)
    void rulesRoundTrip(@ForAll("rules") Rule r) {
        assertEquals(r, roundTrip(32, 12, w -> RuleCodec.encode(w, r), RuleCodec::decode));
    }

    @Property(tries = 10_000)
    void arbitraryBytesDecodeOrFailCleanly(@ForAll @Size(max = 300) byte[] payload) {
        for (int type : new int[] {24, 104, 32}) {
            ByteBuffer b = ByteBuffer.allocateDirect(16 + payload.length + 4).order(ByteOrder.nativeOrder());
            b.putInt(16 + payload.length).putShort((short) type).putShort((short) 0).putInt(0).putInt(0).put(payload);
            b.flip();
            try {
                MessageReader m = new MessageReader(b);
                while (m.next()) {
                    switch (type) {
                        case 24 -> RouteCodec.decode(m);
                        case 104 -> NexthopCodec.decode(m);
                        default -> RuleCodec.decode(m);
                    }
                }
            } catch (MalformedMessageException expected) {
                // the only exception allowed
            }
        }
    }
}
