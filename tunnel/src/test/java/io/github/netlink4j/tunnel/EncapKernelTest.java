package io.github.netlink4j.tunnel;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.netlink4j.rtnl.Route;
import io.github.netlink4j.rtnl.RouteFilter;
import io.github.netlink4j.rtnl.Rtnetlink;
import io.github.netlink4j.testkit.Cmd;
import io.github.netlink4j.testkit.KernelFeature;
import io.github.netlink4j.testkit.KernelTest;
import io.github.netlink4j.testkit.Oracle;
import io.github.netlink4j.testkit.TempNetns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** lwtunnel routes installed by the library, as ip sees them and as the library reads them back. */
@KernelTest(needs = KernelFeature.LWTUNNEL_IP)
class EncapKernelTest {
    @RegisterExtension
    final TempNetns ns = new TempNetns();

    @Test
    void encapRoutesRoundTripThroughTheKernel() {
        Cmd.ip(ns.name(), "link", "add", "tun", "type", "veth", "peer", "name", "tunp");
        Cmd.ip(ns.name(), "link", "set", "tun", "up");
        Cmd.ip(ns.name(), "addr", "add", "1.1.1.1/24", "dev", "tun");
        IpEncap seed = IpEncap.id(1000).dst("172.168.0.1").key().build();
        try (Rtnetlink rt = Rtnetlink.open(ns.handle())) {
            rt.routes().replace(Route.to("2.2.2.11").via("1.1.1.11").dev("tun").encap(seed).build());
            rt.routes().replace(Route.to("2.2.2.12").via("1.1.1.11").dev("tun")
                    .encap(IpEncap.id(77).src("1.1.1.1").dst("172.168.0.2").ttl(64).tos(8).csum().seq().build()).build());
            rt.routes().replace(Route.to("2.2.2.13").via("1.1.1.11").dev("tun")
                    .encap(Ip6Encap.id(5).dst("2001:db8::9").hoplimit(10).key().build()).build());

            JsonNode routes = Oracle.ipJson(ns.name(), "-d", "route", "show");
            JsonNode r11 = find(routes, "2.2.2.11");
            assertEquals("ip", r11.path("encap").asText());
            assertEquals(1000, r11.path("id").asLong());
            assertEquals("172.168.0.1", r11.path("dst#2").asText());
            assertTrue(r11.path("key").asBoolean(), r11.toString());
            JsonNode r12 = find(routes, "2.2.2.12");
            assertEquals("1.1.1.1", r12.path("src").asText());
            assertEquals(64, r12.path("ttl").asInt());
            assertTrue(r12.path("csum").asBoolean() && r12.path("seq").asBoolean(), r12.toString());
            JsonNode r13 = find(routes, "2.2.2.13");
            assertEquals("ip6", r13.path("encap").asText());
            assertEquals("2001:db8::9", r13.path("dst#2").asText());

            // decoded through the ServiceLoader-registered codecs into the same types
            List<Route> mine = rt.routes().list(RouteFilter.table(254));
            IpEncap back = (IpEncap) mine.stream().filter(r -> r.dst().toString().equals("2.2.2.11")).findFirst()
                    .orElseThrow().encap().orElseThrow();
            assertEquals(seed.id(), back.id());
            assertEquals(seed.dst(), back.dst());
            assertTrue(back.flags().orElseThrow().has(TunnelFlags.KEY));
            assertTrue(mine.stream().anyMatch(r -> r.encap().orElse(null) instanceof Ip6Encap e && e.id().getAsLong() == 5));
        }
    }

    static JsonNode find(JsonNode routes, String dst) {
        for (JsonNode r : routes) {
            if (r.path("dst").asText().equals(dst)) {
                return r;
            }
        }
        throw new AssertionError("no route " + dst + " in " + routes);
    }
}
