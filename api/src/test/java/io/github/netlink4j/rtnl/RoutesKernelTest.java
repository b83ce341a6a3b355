package io.github.netlink4j.rtnl;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.netlink4j.core.Errno;
import io.github.netlink4j.core.KernelException;
import io.github.netlink4j.core.PipelineResult;
import io.github.netlink4j.core.wire.ByteString;
import io.github.netlink4j.core.wire.RawAttribute;
import io.github.netlink4j.testkit.Cmd;
import io.github.netlink4j.testkit.KernelTest;
import io.github.netlink4j.testkit.Oracle;
import io.github.netlink4j.testkit.TempNetns;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Routes made by the library, read back by ip (the oracle), in a throwaway namespace. */
@KernelTest
class RoutesKernelTest {
    @RegisterExtension
    final TempNetns ns = new TempNetns();

    @BeforeEach
    void veth() {
        Cmd.ip(ns.name(), "link", "add", "veth0", "type", "veth", "peer", "name", "veth1");
        Cmd.ip(ns.name(), "link", "set", "veth0", "up");
        Cmd.ip(ns.name(), "link", "set", "veth1", "up");
        Cmd.ip(ns.name(), "addr", "add", "10.0.0.1/24", "dev", "veth0");
    }

    static JsonNode only(JsonNode list, String dst) {
        for (JsonNode r : list) {
            if (r.path("dst").asText().equals(dst)) {
                return r;
            }
        }
        throw new AssertionError("no route " + dst + " in " + list);
    }

    /** An lwtunnel `encap ip id 1000 dst 172.168.0.1 key` built raw (the tunnel module types it). */
    static RouteEncap encapIpKey() {
        return new RawRouteEncap(2, List.of(
                new RawAttribute(1, ByteString.fromHex("00000000000003e8")),   // LWTUNNEL_IP_ID be64
                new RawAttribute(2, ByteString.fromHex("aca80001")),           // LWTUNNEL_IP_DST
                new RawAttribute(6, ByteString.fromHex("0004"))));             // LWTUNNEL_IP_FLAGS TUNNEL_KEY
    }

    @Test
    void routesAreCreatedAsIpSeesThemAndDeleted() {
        try (Rtnetlink rt = Rtnetlink.open(ns.handle())) {
            rt.routes().add(Route.to("10.1.0.0/16").via("10.0.0.2").dev("veth0").table(100)
                    .protocol(RouteProtocol.STATIC).metric(10).mtuLock(1400).build());
            rt.routes().add(Route.to("10.2.0.0/16").dev("veth0").table(1000).src("10.0.0.1").build());
            rt.routes().add(Route.to("10.3.0.0/16").type(RouteType.BLACKHOLE).table(100).build());
            rt.routes().add(Route.to("10.5.0.0/16").table(100)
                    .nexthop(RouteHop.via("10.0.0.2").withDev("veth0").withWeight(1))
                    .nexthop(RouteHop.via("10.0.0.3").withDev("veth0").withWeight(3)).build());
            rt.routes().replace(Route.to("2.2.2.11").via("10.0.0.11").dev("veth0").table(100).encap(encapIpKey()).build());

            JsonNode t100 = Oracle.ipJson(ns.name(), "-d", "route", "show", "table", "100");
            JsonNode a = only(t100, "10.1.0.0/16");
            assertEquals("10.0.0.2", a.path("gateway").asText());
            assertEquals("veth0", a.path("dev").asText());
            assertEquals("static", a.path("protocol").asText());
            assertEquals(10, a.path("metric").asInt());
            assertEquals(1400, a.path("metrics").get(0).path("mtu").asInt());
            // ip -j omits the lock; its text output shows it
            assertTrue(Cmd.ip(ns.name(), "route", "show", "table", "100").contains("mtu lock 1400"));
            assertEquals("blackhole", only(t100, "10.3.0.0/16").path("type").asText());
            JsonNode mp = only(t100, "10.5.0.0/16").path("nexthops");
            assertEquals(2, mp.size());
            assertEquals(3, mp.get(1).path("weight").asInt());
            JsonNode enc = only(t100, "2.2.2.11");
            assertEquals("ip", enc.path("encap").asText());
            assertEquals(1000, enc.path("id").asInt());
            assertEquals("172.168.0.1", enc.path("dst#2").asText());
            assertTrue(enc.path("key").asBoolean(), enc.toString());

            JsonNode t1000 = Oracle.ipJson(ns.name(), "-d", "route", "show", "table", "1000");
            assertEquals("10.0.0.1", only(t1000, "10.2.0.0/16").path("prefsrc").asText());
            assertEquals("link", only(t1000, "10.2.0.0/16").path("scope").asText());

            // the library's dump agrees with ip's
            List<Route> mine = rt.routes().list(RouteFilter.table(100));
            List<String> dsts = new ArrayList<>();
            for (JsonNode r : t100) {
                dsts.add(r.path("dst").asText());
            }
            assertEquals(dsts, mine.stream().map(r -> r.dst().toString()).toList());
            Route encDecoded = mine.stream().filter(r -> r.dst().toString().equals("2.2.2.11")).findFirst().orElseThrow();
            // the kernel reports every LWTUNNEL_IP_* (src, ttl, tos as 0); ours are among them
            // (whichever codec decodes it: raw here, typed when the tunnel module is on the class path)
            assertEquals(((RawRouteEncap) encapIpKey()).attributes(), attributesOf(encDecoded.encap().orElseThrow())
                    .stream().filter(x -> x.number() == 1 || x.number() == 2 || x.number() == 6).toList());
            Route mpDecoded = mine.stream().filter(r -> r.dst().toString().equals("10.5.0.0/16")).findFirst().orElseThrow();
            assertEquals(List.of(1, 3), mpDecoded.nexthops().stream().map(RouteHop::weight).toList());

            // a decoded route deletes itself
            for (Route r : mine) {
                rt.routes().delete(r);
            }
            assertEquals(0, Oracle.ipJson(ns.name(), "route", "show", "table", "100").size());
            rt.routes().delete(Route.to("10.2.0.0/16").dev("veth0").table(1000).build());
            assertEquals(0, Oracle.ipJson(ns.name(), "route", "show", "table", "1000").size());
        }
    }

    /** The attributes an encap writes, as raw values. */
    static List<RawAttribute> attributesOf(RouteEncap e) {
        io.github.netlink4j.core.wire.MessageWriter w = new io.github.netlink4j.core.wire.MessageWriter();
        e.encode(w);
        java.nio.ByteBuffer b = w.slice(0);
        io.github.netlink4j.core.wire.AttrReader r = new io.github.netlink4j.core.wire.AttrReader(b, 0, b.limit(),
                io.github.netlink4j.core.wire.AttrSchema.OPAQUE);
        List<RawAttribute> out = new ArrayList<>();
        while (r.next()) {
            out.add(r.raw());
        }
        return out;
    }

    @Test
    void lookupsFindTheRouteTheKernelUses() {
        try (Rtnetlink rt = Rtnetlink.open(ns.handle())) {
            rt.routes().add(Route.to("10.9.0.0/16").via("10.0.0.2").dev("veth0").build());
            Route got = rt.routes().get("10.9.1.1");
            assertEquals("10.0.0.2", got.gateway().orElseThrow().getHostAddress());
            assertEquals(Integer.parseInt(Oracle.ipJson(ns.name(), "link", "show", "veth0").get(0).path("ifindex").asText()),
                    got.oif().getAsInt());
            Route fib = rt.routes().get(Routes.Lookup.to("10.9.1.1").withFibMatch());
            assertEquals("10.9.0.0/16", fib.dst().toString());
        }
    }

    @Test
    void badInputFailsBeforeSendingAndRefusalsNameTheirCause() {
        try (Rtnetlink rt = Rtnetlink.open(ns.handle())) {
            IllegalArgumentException noDev = assertThrows(IllegalArgumentException.class,
                    () -> rt.routes().add(Route.to("10.1.0.0/16").dev("nosuchdev").build()));
            assertTrue(noDev.getMessage().contains("nosuchdev"), noDev.getMessage());
            assertThrows(IllegalArgumentException.class, () -> Route.to("10.0.0.0/33"));
            assertThrows(IllegalArgumentException.class, () -> Route.to("10.0.0.0/8").dev("a/b"));
            assertThrows(IllegalArgumentException.class, () -> Route.to("10.0.0.0/8").from("2001:db8::/32").build());
            rt.routes().add(Route.to("10.1.0.0/16").dev("veth0").build());
            KernelException exists = assertThrows(KernelException.class,
                    () -> rt.routes().add(Route.to("10.1.0.0/16").dev("veth0").build()));
            assertEquals(Errno.EEXIST, exists.errno());
            assertTrue(exists.getMessage().contains("ip route add 10.1.0.0/16 dev veth0"), exists.getMessage());
        }
    }

    @Test
    void tenThousandRoutesInOnePipelineReportExactlyTheBadOnes() {
        try (Rtnetlink rt = Rtnetlink.open(ns.handle())) {
            List<Route> routes = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                Route.Builder b = Route.to("10." + (100 + i / 250) + "." + (i % 250) + ".0/24").table(100);
                // every 2,500th route goes through a gateway that is not on any link: ENETUNREACH
                routes.add((i % 2500 == 17 ? b.via("192.0.2.1") : b.via("10.0.0.2")).dev("veth0").build());
            }
            PipelineResult res = rt.routes().apply(RouteVerb.ADD, routes);
            assertEquals(List.of(17, 2517, 5017, 7517), res.failures().stream().map(PipelineResult.Failure::index).toList());
            for (PipelineResult.Failure f : res.failures()) {
                assertTrue(f.request().toString().contains("via 192.0.2.1"), f.request().toString());
            }
            assertEquals(10_000 - 4, Oracle.ipJson(ns.name(), "route", "show", "table", "100").size());
            assertEquals(10_000 - 4, rt.routes().list(RouteFilter.table(100)).size());
        }
    }
}
