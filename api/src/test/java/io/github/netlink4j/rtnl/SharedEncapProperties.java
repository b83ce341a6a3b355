package io.github.netlink4j.rtnl;

import io.github.netlink4j.core.wire.ByteString;
import io.github.netlink4j.core.wire.RawAttribute;
import io.github.netlink4j.rtnl.internal.RouteCodec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Example;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Decoded routes share the encap of byte-identical RTA_ENCAPs (a dump repeats the encap of a
 * nexthop object for every route through it), and sharing never hands a route an encap other than
 * its own, however encaps of equal hash, length or type interleave.
 */
class SharedEncapProperties {
    private static Route route(int i, RouteEncap e) {
        return Route.to("10.0." + (i >> 8 & 255) + "." + (i & 255)).oif(2).table(100).encap(e).build();
    }

    private static Route decode(Route r) {
        return RouteMessageProperties.roundTrip(24, 12, w -> RouteCodec.encode(w, r, RouteCodec.Verb.AS_IS), RouteCodec::decode);
    }

    private static RouteEncap raw(int type, byte... payload) {
        return new RawRouteEncap(type, List.of(new RawAttribute(1, ByteString.of(payload))));
    }

    @Example
    void equalBytesShareOneEncap() {
        Route a = decode(route(1, raw(150, (byte) 1, (byte) 2, (byte) 3, (byte) 4)));
        Route other = decode(route(2, raw(150, (byte) 1, (byte) 2, (byte) 3, (byte) 5)));
        Route b = decode(route(3, raw(150, (byte) 1, (byte) 2, (byte) 3, (byte) 4)));
        Route otherType = decode(route(4, raw(151, (byte) 1, (byte) 2, (byte) 3, (byte) 4)));
        assertEquals(raw(150, (byte) 1, (byte) 2, (byte) 3, (byte) 4), a.encap().orElseThrow());
        assertSame(a.encap().orElseThrow(), b.encap().orElseThrow());
        assertSame(a.encap(), b.encap(), "the Optional too");
        assertEquals(raw(150, (byte) 1, (byte) 2, (byte) 3, (byte) 5), other.encap().orElseThrow());
        assertEquals(raw(151, (byte) 1, (byte) 2, (byte) 3, (byte) 4), otherType.encap().orElseThrow());
        assertNotEquals(a.encap(), otherType.encap());
    }

    /** A dump of 3,000 routes through 1,000 nexthop objects: nearly every repeat is shared. */
    @Example
    void aThousandEncapsInTurnAreShared() {
        RouteEncap[] first = new RouteEncap[1000];
        int shared = 0;
        for (int i = 0; i < 3000; i++) {
            int nh = i % 1000;
            RouteEncap e = decode(route(i, raw(150, (byte) 0, (byte) 0, (byte) (nh >> 8), (byte) nh))).encap().orElseThrow();
            assertEquals(raw(150, (byte) 0, (byte) 0, (byte) (nh >> 8), (byte) nh), e);
            if (i < 1000) {
                first[nh] = e;
            } else if (first[nh] == e) {
                shared++;
            }
        }
        assertTrue(shared >= 1800, "repeats sharing the first decode: " + shared + " of 2000");
    }

    @Provide
    Arbitrary<List<RouteEncap>> encapSequences() {
        // a small pool, so that encaps repeat and collide: few types, short payloads of few values
        Arbitrary<RouteEncap> one = net.jqwik.api.Combinators.combine(Arbitraries.integers().between(150, 152),
                Arbitraries.bytes().between((byte) 0, (byte) 2).array(byte[].class).ofMaxSize(6),
                Arbitraries.integers().between(1, 2))
                .as((t, b, attr) -> new RawRouteEncap(t, List.of(new RawAttribute(attr, ByteString.of(b)))));
        return one.list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 500)
    void everyRouteGetsItsOwnEncap(@ForAll("encapSequences") List<RouteEncap> encaps) {
        for (int i = 0; i < encaps.size(); i++) {
            Route r = route(i, encaps.get(i));
            assertEquals(r.encap(), decode(r).encap(), "route " + i);
        }
    }
}
