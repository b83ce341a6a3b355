package io.github.netlink4j.tunnel;

import io.github.netlink4j.core.wire.MessageWriter;
import io.github.netlink4j.core.wire.Nlmsg;
import io.github.netlink4j.rtnl.Route;
import io.github.netlink4j.rtnl.RouteHop;
import io.github.netlink4j.rtnl.RouteRequest;
import io.github.netlink4j.rtnl.RouteVerb;
import io.github.netlink4j.testkit.RefBytes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Routes with {@code encap ip} / {@code encap ip6} are what iproute2 sends for the same command. */
class EncapRefBytesTest {
    record Case(String fixture, Function<Integer, Route> route) {
        @Override
        public String toString() {
            return fixture;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("seed-route-replace-encap-ip-key", tun -> Route.to("2.2.2.11").via("1.1.1.11").oif(tun)
                        .encap(IpEncap.id(1000).dst("172.168.0.1").key().build()).build()),
                new Case("route-encap-ip-csum-seq", tun -> Route.to("2.2.2.12").via("1.1.1.11").oif(tun)
                        .encap(IpEncap.id(1000).dst("172.168.0.1").csum().seq().build()).build()),
                new Case("route-encap-ip-src-ttl-tos", tun -> Route.to("2.2.2.13").via("1.1.1.11").oif(tun)
                        .encap(IpEncap.id(1000).src("1.1.1.2").dst("172.168.0.1").ttl(64).tos(0x16).key().build()).build()),
                new Case("route-encap-ip-nokey", tun -> Route.to("2.2.2.14").via("1.1.1.11").oif(tun)
                        .encap(IpEncap.id(1000).dst("172.168.0.1").build()).build()),
                new Case("route-encap-ip6", tun -> Route.to("2.2.2.15").via("1.1.1.11").oif(tun)
                        .encap(Ip6Encap.id(1000).dst("2001:db8::9").hoplimit(64).tc(0).key().build()).build()),
                new Case("route-multipath-encap", tun -> Route.to("2.2.2.16")
                        .nexthop(RouteHop.via("1.1.1.11").withOif(tun).withEncap(IpEncap.id(1000).dst("172.168.0.1").key().build()))
                        .nexthop(RouteHop.via("1.1.1.12").withOif(tun).withEncap(IpEncap.id(1001).dst("172.168.0.2").key().build()))
                        .build()));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesIproute2(Case c) {
        RefBytes ref = RefBytes.load(c.fixture());
        RouteRequest req = new RouteRequest(RouteVerb.REPLACE, c.route().apply(ref.ifindex("tun")));
        MessageWriter w = new MessageWriter();
        int s = w.beginMessage(req.type(), Nlmsg.NLM_F_REQUEST | Nlmsg.NLM_F_ACK | req.flags());
        req.encode(w);
        w.endMessage(s);
        RefBytes.assertSameMessage(ref.message(), w.toByteArray(), 12, ref.command());
        String mine = req.toString().replace("dev if" + ref.ifindex("tun"), "dev tun").replace("tos 0x16", "tos 16");
        if (!c.fixture().equals("route-multipath-encap")) { // ip takes "encap" before "weight" there
            assertEquals(ref.command(), mine);
        }
    }
}
