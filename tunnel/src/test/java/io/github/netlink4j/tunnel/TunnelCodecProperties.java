package io.github.netlink4j.tunnel;

import io.github.netlink4j.core.MalformedMessageException;
import io.github.netlink4j.core.wire.AttrReader;
import io.github.netlink4j.core.wire.MessageWriter;
import io.github.netlink4j.rtnl.Extensions;
import io.github.netlink4j.rtnl.Inet;
import io.github.netlink4j.rtnl.LinkKind;
import io.github.netlink4j.rtnl.RouteEncap;
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

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every tunnel kind and encap, through the codecs the api finds by ServiceLoader: encode, decode,
 * equal; arbitrary bytes decode or raise MalformedMessageException only.
 */
class TunnelCodecProperties {
    static Arbitrary<InetAddress> v4() {
        return Arbitraries.integers().between(1, 223).flatMap(first -> Arbitraries.bytes().array(byte[].class).ofSize(3)
                .map(rest -> Inet.of(new byte[] {(byte) (int) first, rest[0], rest[1], rest[2]})));
    }

    static Arbitrary<InetAddress> v6() {
        return Arbitraries.bytes().array(byte[].class).ofSize(16).map(b -> {
            b[0] = 0x20;
            return Inet.of(b);
        });
    }

    static Arbitrary<OptionalInt> optByte() {
        return Arbitraries.integers().between(0, 255).optional(0.5).map(o -> o.map(OptionalInt::of).orElse(OptionalInt.empty()));
    }

    @Provide
    Arbitrary<RouteEncap> encaps() {
        Arbitrary<Optional<TunnelFlags>> flags = Arbitraries.integers().between(0, 0xffff).map(TunnelFlags::new).optional(0.5);
        Arbitrary<OptionalLong> id = Arbitraries.longs().optional(0.8).map(o -> o.map(OptionalLong::of).orElse(OptionalLong.empty()));
        Arbitrary<RouteEncap> ip = Combinators.combine(id, v4().optional(0.5), v4().optional(0.8), optByte(), optByte(), flags)
                .as((i, s, d, t, o, f) -> new IpEncap(i, s, d, t, o, f, List.of()));
        Arbitrary<RouteEncap> ip6 = Combinators.combine(id, v6().optional(0.5), v6().optional(0.8), optByte(), optByte(), flags)
                .as((i, s, d, t, o, f) -> new Ip6Encap(i, s, d, t, o, f, List.of()));
        return Arbitraries.oneOf(ip, ip6);
    }

    @Property(tries = 3000)
    void encapsRoundTrip(@ForAll("encaps") RouteEncap e) {
        MessageWriter w = new MessageWriter();
        e.encode(w);
        ByteBuffer b = w.slice(0);
        RouteEncap back = Extensions.routeEncap(e.encapType()).orElseThrow()
                .decode(new AttrReader(b, 0, b.limit(), e.schema()));
        assertEquals(e, back);
        assertEquals(e.toIpArgs(), back.toIpArgs());
    }

    @Provide
    Arbitrary<LinkKind> kinds() {
        Arbitrary<LinkKind> gre = Combinators.combine(Arbitraries.of("gretap", "gre"), Arbitraries.integers().optional(0.4),
                Arbitraries.of(true, false), Arbitraries.of(true, false), v4().optional(0.5), v4().optional(0.5),
                Arbitraries.integers().between(0, 255), Arbitraries.integers().between(1, 100000).optional(0.3))
                .as((kind, key, seq, csum, local, remote, ttl, under) -> {
                    Gre.Builder b = kind.equals("gre") ? Gre.gre() : Gre.gretap();
                    key.ifPresent(b::key);
                    if (seq) {
                        b.iseq().oseq();
                    }
                    if (csum) {
                        b.icsum();
                    }
                    local.ifPresent(a -> b.local(Inet.format(a)));
                    remote.ifPresent(a -> b.remote(Inet.format(a)));
                    under.ifPresent(b::underlay);
                    return (LinkKind) b.ttl(ttl).build();
                });
        Arbitrary<LinkKind> greExternal = Arbitraries.of("gretap", "gre").map(k ->
                (k.equals("gre") ? Gre.gre() : Gre.gretap()).external().build());
        Arbitrary<LinkKind> vxlan = Combinators.combine(Arbitraries.integers().between(0, 0xffffff), v4().optional(0.5),
                v4().optional(0.5), Arbitraries.integers().between(0, 255).optional(0.5), Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 65535).optional(0.7), Arbitraries.of(true, false))
                .as((id, rem, loc, ttl, learn, port, ext) -> {
                    Vxlan.Builder b = ext ? Vxlan.builder().external() : Vxlan.id(id);
                    rem.ifPresent(a -> b.remote(Inet.format(a)));
                    loc.ifPresent(a -> b.local(Inet.format(a)));
                    ttl.ifPresent(b::ttl);
                    if (!learn) {
                        b.nolearning();
                    }
                    port.ifPresent(b::dstport);
                    return (LinkKind) b.build();
                });
        Arbitrary<LinkKind> geneve = Combinators.combine(Arbitraries.integers().between(0, 0xffffff), v4(),
                Arbitraries.integers().between(0, 255), Arbitraries.integers().between(0, 65535))
                .as((id, r, ttl, p) -> (LinkKind) Geneve.of(id, Inet.format(r)).withTtl(ttl).withDstport(p));
        Arbitrary<LinkKind> ipip = Combinators.combine(v4(), v4(), Arbitraries.integers().between(0, 255))
                .as((l, r, ttl) -> (LinkKind) Ipip.of(Inet.format(l), Inet.format(r)).withTtl(ttl));
        return Arbitraries.oneOf(gre, greExternal, vxlan, geneve, ipip,
                Arbitraries.just(Geneve.metadataMode()), Arbitraries.just(Ipip.metadataMode()));
    }

    @Property(tries = 3000)
    void kindsRoundTrip(@ForAll("kinds") LinkKind k) {
        MessageWriter w = new MessageWriter();
        k.encodeData(w);
        ByteBuffer b = w.slice(0);
        LinkKind back = Extensions.linkKind(k.kind()).orElseThrow()
                .decode(new AttrReader(b, 0, b.limit(), k.dataSchema()));
        assertEquals(k, back);
        assertEquals(k.toIpArgs(), back.toIpArgs());
    }

    @Property(tries = 10_000)
    void arbitraryBytesDecodeOrFailCleanly(@ForAll @Size(max = 120) byte[] bytes) {
        ByteBuffer b = ByteBuffer.allocateDirect(Math.max(1, bytes.length)).order(ByteOrder.nativeOrder());
        b.put(bytes).flip();
        for (String kind : List.of("gretap", "vxlan", "geneve", "ipip")) {
            try {
                Extensions.linkKind(kind).orElseThrow().decode(new AttrReader(b, 0, b.limit(),
                        Extensions.linkKind(kind).orElseThrow().dataSchema()));
            } catch (MalformedMessageException expected) {
                // allowed
            } catch (IllegalArgumentException refused) {
                throw new AssertionError(kind + " decoder let an IllegalArgumentException escape: " + refused, refused);
            }
        }
        for (int type : new int[] {2, 4}) {
            try {
                Extensions.routeEncap(type).orElseThrow().decode(new AttrReader(b, 0, b.limit(),
                        Extensions.routeEncap(type).orElseThrow().schema()));
            } catch (MalformedMessageException expected) {
                // allowed
            }
        }
    }
}
