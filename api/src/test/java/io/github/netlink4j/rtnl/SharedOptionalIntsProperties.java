package io.github.netlink4j.rtnl;

import io.github.netlink4j.rtnl.internal.RouteCodec;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * Decoded routes share the OptionalInt of small device indexes, metrics and nexthop ids (made once
 * per value), and carry exactly the values the kernel sent, small or not.
 */
class SharedOptionalIntsProperties {
    private static Route decode(Route r) {
        return RouteMessageProperties.roundTrip(24, 12, w -> RouteCodec.encode(w, r, RouteCodec.Verb.AS_IS), RouteCodec::decode);
    }

    @Example
    void smallValuesAreShared() {
        Route a = decode(Route.to("10.0.0.1").oif(3).metric(100).table(100).build());
        Route b = decode(Route.to("10.0.0.2").oif(3).metric(100).table(100).build());
        assertSame(a.oif(), b.oif());
        assertSame(a.priority(), b.priority());
        Route n1 = decode(Route.to("10.0.0.3").nhid(4095).table(100).build());
        Route n2 = decode(Route.to("10.0.0.4").nhid(4095).table(100).build());
        assertSame(n1.nhid(), n2.nhid());
    }

    @Property(tries = 300)
    void valuesAreKept(@ForAll @IntRange(min = 1) int oif, @ForAll int metric, @ForAll int nhid) {
        Route r = decode(Route.to("10.0.0.1").oif(oif).metric(metric).table(100).build());
        assertEquals(oif, r.oif().getAsInt());
        assertEquals(metric, r.priority().getAsInt());
        if (nhid != 0) {
            assertEquals(nhid, decode(Route.to("10.0.0.2").nhid(nhid).table(100).build()).nhid().getAsInt());
        }
    }
}
