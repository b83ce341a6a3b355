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
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Routes made by the library, read back by ip (the oracle) field by field, in a throwaway namespace. */
@KernelTest
class RoutesKernelTest {
    @RegisterExtension
    final TempNetns ns = new TempNetns();

    @BeforeEach
    void veth() {
        Cmd.ip(ns.name(), "link", "set", "lo", "up");
        Cmd.ip(ns.name(), "link", "add", "veth0", "type", "veth", "peer", "name", "veth1");
        Cmd.ip(ns.name(), "link", "set", "veth0", "up");
        Cmd.ip(ns.name(), "link", "set", "veth1", "up");
        Cmd.ip(ns.name(), "addr", "add", "10.0.0.1/24", "dev", "veth0");
        Cmd.ip(ns.name(), "addr", "add", "10.10.0.1/24", "dev", "veth1");
        Cmd.ip(ns.name(), "addr", "add", "2001:db8::1/64", "dev", "veth0", "nodad");
    }

    static JsonNode only(JsonNode list, String dst) {
        JsonNode found = null;
        for (JsonNode r : list) {
            if (r.path("dst").asText().equals(dst)) {
                if (found != null) {
                    throw new AssertionError("two routes " + dst + " in " + list);
                }
                found = r;
            }
        }
        if (found == null) {
            throw new AssertionError("no route " + dst + " in " + list);
        }
        return found;
    }

    /** An lwtunnel {@code encap ip id 1000 dst 172.168.0.1 key} built raw (the tunnel module types it). */
    static RouteEncap encapIpKey() {
        return new RawRouteEncap(2, List.of(
                new RawAttribute(1, ByteString.fromHex("00000000000003e8")),   // LWTUNNEL_IP_ID be64
                new RawAttribute(2, ByteString.fromHex("aca80001")),           // LWTUNNEL_IP_DST
                new RawAttribute(6, ByteString.fromHex("0004"))));             // LWTUNNEL_IP_FLAGS TUNNEL_KEY
    }

    /** Every route shape the library builds, in table 100 (and 1000), both families. */
    static List<Route> shapes() {
        return List.of(
                Route.to("10.1.0.0/16").via("10.0.0.2").dev("veth0").table(100).protocol(RouteProtocol.STATIC).metric(10)
                        .mtuLock(1400).advmss(1360).initcwnd(10).build(),
                Route.to("10.2.0.0/16").dev("veth0").table(100).src("10.0.0.1").build(),
                Route.to("10.3.0.0/16").type(RouteType.BLACKHOLE).table(100).build(),
                Route.to("10.3.1.0/24").type(RouteType.UNREACHABLE).table(100).build(),
                Route.to("10.3.2.0/24").type(RouteType.PROHIBIT).table(100).build(),
                Route.to("10.3.3.0/24").type(RouteType.THROW).table(100).build(),
                Route.to("10.3.4.1").type(RouteType.LOCAL).dev("veth0").table(100).build(),
                Route.to("10.5.0.0/16").table(100)
                        .nexthop(RouteHop.via("10.0.0.2").withDev("veth0").withEncap(encapIpKey()))
                        .nexthop(RouteHop.via("10.10.0.3").withDev("veth1").withWeight(3)).build(),
                Route.to("10.6.0.0/16").via("fe80::1").dev("veth0").table(100).build(),
                Route.to("10.7.0.0/16").via("192.168.99.1").dev("veth0").onlink().table(100).build(),
                Route.to("10.8.0.0/16").tos(0x10).via("10.0.0.2").dev("veth0").table(100).build(),
                Route.to("10.12.0.0/16").dev("veth0").scope(RouteScope.HOST).table(100).build(),
                Route.to("2.2.2.11").via("10.0.0.11").dev("veth0").table(100).encap(encapIpKey()).build(),
                Route.to("default").via("10.0.0.254").dev("veth0").table(100).protocol(RouteProtocol.of(200)).build(),
                Route.to("10.2.0.0/16").dev("veth0").table(1000).metric(7).build(),
                Route.to("2001:db8:1::/64").via("2001:db8::2").dev("veth0").table(100).metric(5).build(),
                Route.to("2001:db8:2::/64").type(RouteType.BLACKHOLE).table(100).build(),
                Route.to("2001:db8:3::/64").from("2001:db8:4::/64").dev("veth0").table(100).build(),
                Route.to("2001:db8:6::/64").table(100).protocol(RouteProtocol.BGP)
                        .nexthop(RouteHop.via("2001:db8::2").withDev("veth0"))
                        .nexthop(RouteHop.via("2001:db8::3").withDev("veth0").withWeight(3)).build(),
                Route.to("2001:db8:7::/64").via("2001:db8::2").dev("veth0").table(1000).mtu(1300).build());
    }

    @Test
    void everyShapeIsCreatedAsIpSeesItDumpedAlikeAndDeletedByItsRecord() {
        try (Rtnetlink rt = Rtnetlink.open(ns.handle())) {
            for (Route r : shapes()) {
                rt.routes().add(r);
            }
            Map<Integer, String> names = RouteOracle.ifnames(ns.name());
            for (int table : new int[] {100, 1000}) {
                for (AddressFamily f : List.of(AddressFamily.INET, AddressFamily.INET6)) {
                    JsonNode ip = Oracle.ipJson(ns.name(), f.equals(AddressFamily.INET) ? "-4" : "-6", "-d", "route",
                            "show", "table", Integer.toString(table));
                    List<Route> mine = rt.routes().list(RouteFilter.table(table).withFamily(f));
                    RouteOracle.assertSameRoutes(mine, ip, names);
                }
            }
            // every table at once, as ip -d -j route show table all (which names each table)
            JsonNode all = Oracle.ipJson(ns.name(), "-4", "-d", "route", "show", "table", "all");
            RouteOracle.assertSameRoutes(rt.routes().list(RouteFilter.ALL.withFamily(AddressFamily.INET)), all, names);
            // the mtu lock shows only in ip's text output
            assertTrue(Cmd.ip(ns.name(), "route", "show", "table", "100").contains("mtu lock 1400"));
            Route locked = rt.routes().list(RouteFilter.table(100)).stream()
                    .filter(r -> r.dst().toString().equals("10.1.0.0/16")).findFirst().orElseThrow();
            assertTrue(locked.metrics().isLocked(RouteMetrics.MTU), locked.toString());

            // each dumped record deletes exactly itself
            for (int table : new int[] {100, 1000}) {
                for (Route r : rt.routes().list(RouteFilter.table(table))) {
                    rt.routes().delete(r);
                }
                assertEquals(0, Oracle.ipJson(ns.name(), "-4", "route", "show", "table", Integer.toString(table)).size());
                assertEquals(0, Oracle.ipJson(ns.name(), "-6", "route", "show", "table", Integer.toString(table)).size());
            }
            // a table that no longer exists lists as empty
            assertEquals(List.of(), rt.routes().list(RouteFilter.table(100).withFamily(AddressFamily.INET)));
        }
    }

    @Test
    void verbsBehaveAsIpsDo() {
        try (Rtnetlink rt = Rtnetlink.open(ns.handle())) {
            Route a = Route.to("10.20.0.0/16").via("10.0.0.2").dev("veth0").table(100).build();
            rt.routes().add(a);
            KernelException exists = assertThrows(KernelException.class, () -> rt.routes().add(a));
            assertEquals(Errno.EEXIST, exists.errno());
            assertTrue(exists.getMessage().contains("ip route add 10.20.0.0/16 via 10.0.0.2 dev veth0 table 100"),
                    exists.getMessage());

            // replace swaps the gateway of the one route
            rt.routes().replace(a.toBuilder().via("10.0.0.3").build());
            assertEquals("10.0.0.3", only(Oracle.ipJson(ns.name(), "route", "show", "table", "100"), "10.20.0.0/16")
                    .path("gateway").asText());
            // append adds a second route after it, prepend one before (another tos keeps them apart)
            rt.routes().append(a.toBuilder().via("10.0.0.4").metric(20).build());
            rt.routes().prepend(a.toBuilder().via("10.0.0.5").metric(5).build());
            JsonNode three = Oracle.ipJson(ns.name(), "route", "show", "table", "100");
            assertEquals(3, three.size(), three.toString());
            // change replaces an existing route only
            rt.routes().change(a.toBuilder().via("10.0.0.6").build());
            KernelException missing = assertThrows(KernelException.class,
                    () -> rt.routes().change(Route.to("10.21.0.0/16").via("10.0.0.2").dev("veth0").table(100).build()));
            assertEquals(Errno.ENOENT, missing.errno());
            List<String> gws = new ArrayList<>();
            Oracle.ipJson(ns.name(), "route", "show", "table", "100").forEach(r -> gws.add(r.path("gateway").asText()));
            assertTrue(gws.contains("10.0.0.6"), gws.toString());

            // a delete matches on what is given: the destination and table delete the first route
            for (int i = 0; i < 3; i++) {
                rt.routes().delete(Route.to("10.20.0.0/16").table(100).build());
            }
            assertEquals(0, Oracle.ipJson(ns.name(), "route", "show", "table", "100").size());
            KernelException gone = assertThrows(KernelException.class,
                    () -> rt.routes().delete(Route.to("10.20.0.0/16").table(100).build()));
            assertEquals(Errno.ESRCH, gone.errno());

            // without a table a local route goes to table local, as with ip
            rt.routes().add(Route.to("10.3.4.2").type(RouteType.LOCAL).dev("veth0").build());
            only(Oracle.ipJson(ns.name(), "route", "show", "table", "local"), "10.3.4.2");
            rt.routes().delete(Route.to("10.3.4.2").type(RouteType.LOCAL).dev("veth0").build());
            assertTrue(Oracle.ipJson(ns.name(), "route", "show", "table", "local").findValues("dst").stream()
                    .noneMatch(d -> d.asText().equals("10.3.4.2")));
        }
    }

    @Test
    void dumpsFilterAsIpShowDoes() {
        try (Rtnetlink rt = Rtnetlink.open(ns.handle())) {
            rt.routes().add(Route.to("10.30.0.0/16").via("10.0.0.2").dev("veth0").table(100).protocol(RouteProtocol.STATIC).build());
            rt.routes().add(Route.to("10.31.0.0/16").via("10.10.0.2").dev("veth1").table(100).build());
            rt.routes().add(Route.to("10.32.0.0/16").type(RouteType.BLACKHOLE).table(100).protocol(RouteProtocol.STATIC).build());
            rt.routes().add(Route.to("10.33.0.0/16").table(100)
                    .nexthop(RouteHop.via("10.0.0.2").withDev("veth0")).nexthop(RouteHop.via("10.10.0.2").withDev("veth1")).build());
            rt.routes().add(Route.to("2001:db8:30::/64").via("2001:db8::2").dev("veth0").table(100).protocol(RouteProtocol.STATIC).build());
            Map<Integer, String> names = RouteOracle.ifnames(ns.name());

            // by device: the kernel's filter also passes multipath routes with a path through it,
            // which ip (filtering on RTA_OIF itself) does not show
            List<Route> onVeth1 = rt.routes().list(RouteFilter.table(100).withFamily(AddressFamily.INET).withDev("veth1"));
            assertEquals("10.33.0.0/16", onVeth1.get(onVeth1.size() - 1).dst().toString());
            RouteOracle.assertSameRoutes(onVeth1.subList(0, onVeth1.size() - 1), RouteOracle.withDev(
                    Oracle.ipJson(ns.name(), "-4", "-d", "route", "show", "table", "100", "dev", "veth1"), "veth1"), names);
            RouteOracle.assertSameRoutes(rt.routes().list(RouteFilter.table(100).withFamily(AddressFamily.INET)
                            .withProtocol(RouteProtocol.STATIC)),
                    Oracle.ipJson(ns.name(), "-4", "-d", "route", "show", "table", "100", "proto", "static"), names);
            RouteOracle.assertSameRoutes(rt.routes().list(RouteFilter.table(100).withFamily(AddressFamily.INET)
                            .withType(RouteType.BLACKHOLE)),
                    Oracle.ipJson(ns.name(), "-4", "-d", "route", "show", "table", "100", "type", "blackhole"), names);
            RouteOracle.assertSameRoutes(rt.routes().list(RouteFilter.table(100).withFamily(AddressFamily.INET6)
                            .withDev("veth0").withProtocol(RouteProtocol.STATIC)), RouteOracle.withDev(
                    Oracle.ipJson(ns.name(), "-6", "-d", "route", "show", "table", "100", "dev", "veth0", "proto", "static"),
                    "veth0"), names);
            // the kernel's main table by default, with ip's kernel routes of the addresses
            RouteOracle.assertSameRoutes(rt.routes().list(RouteFilter.table(Route.TABLE_MAIN).withFamily(AddressFamily.INET)),
                    Oracle.ipJson(ns.name(), "-4", "-d", "route", "show"), names);
            // no family: both
            assertEquals(5, rt.routes().list(RouteFilter.table(100)).size());
            // streamed, and the filter's device by name
            List<String> seen = new ArrayList<>();
            rt.routes().list(RouteFilter.table(100).withDev("veth1"), r -> seen.add(r.dst().toString()));
            assertEquals(List.of("10.31.0.0/16", "10.33.0.0/16"), seen);
            assertEquals(List.of(), rt.routes().list(RouteFilter.table(4242)));
            assertThrows(IllegalArgumentException.class, () -> rt.routes().list(RouteFilter.table(100).withDev("nosuchdev")));
        }
    }

    @Test
    void lookupsFindTheRouteIpRouteGetFinds() {
        try (Rtnetlink rt = Rtnetlink.open(ns.handle())) {
            Cmd.inNetns(ns.name(), "sysctl", "-qw", "net.ipv4.ip_forward=1");
            rt.routes().add(Route.to("10.9.0.0/16").via("10.0.0.2").dev("veth0").build());
            rt.routes().add(Route.to("10.9.0.0/16").via("10.10.0.2").dev("veth1").table(100).build());
            rt.rules().add(Rule.builder().fwmark(5).table(100).priority(100).build());
            rt.routes().add(Route.to("2001:db8:9::/64").via("2001:db8::2").dev("veth0").build());
            Map<Integer, String> names = RouteOracle.ifnames(ns.name());

            String[][] cases = {
                    {"10.9.1.1"},
                    {"10.9.1.1", "mark", "0x5"},
                    {"10.9.1.1", "from", "10.10.0.7", "iif", "veth1"},
                    {"10.9.1.1", "oif", "veth0"},
                    {"2001:db8:9::1"},
            };
            for (String[] c : cases) {
                Routes.Lookup l = Routes.Lookup.to(c[0]);
                for (int i = 1; i < c.length; i += 2) {
                    l = switch (c[i]) {
                        case "mark" -> l.mark(Integer.decode(c[i + 1]));
                        case "from" -> l.from(c[i + 1]);
                        case "iif" -> l.iif(c[i + 1]);
                        default -> l.oif(c[i + 1]);
                    };
                }
                assertEquals("ip route get " + String.join(" ", c), l.toString());
                Route got = rt.routes().get(l);
                List<String> args = new ArrayList<>(List.of("route", "get"));
                args.addAll(List.of(c));
                JsonNode ip = Oracle.ipJson(ns.name(), args.toArray(String[]::new)).get(0);
                String what = l + ": " + got + " vs " + ip;
                assertEquals(ip.path("dst").asText(), RouteOracle.prefix(got.dst()), what);
                assertEquals(ip.path("gateway").asText(), Inet.format(got.gateway().orElseThrow()), what);
                assertEquals(ip.path("dev").asText(), names.get(got.oif().getAsInt()), what);
                assertEquals(ip.path("prefsrc").asText(null), got.prefsrc().map(Inet::format).orElse(null), what);
            }
            // fibmatch: the FIB entry itself
            Route fib = rt.routes().get(Routes.Lookup.to("10.9.1.1").withFibMatch());
            JsonNode ipFib = Oracle.ipJson(ns.name(), "route", "get", "fibmatch", "10.9.1.1").get(0);
            assertEquals("10.9.0.0/16", fib.dst().toString());
            assertEquals(ipFib.path("dst").asText(), fib.dst().toString());
            KernelException none = assertThrows(KernelException.class, () -> rt.routes().get("192.0.2.1"));
            assertEquals(Errno.ENETUNREACH, none.errno());
        }
    }

    @Test
    void refusalsNameTheirCauseAndBadInputSendsNothing() {
        try (Rtnetlink rt = Rtnetlink.open(ns.handle())) {
            IllegalArgumentException noDev = assertThrows(IllegalArgumentException.class,
                    () -> rt.routes().add(Route.to("10.1.0.0/16").dev("nosuchdev").build()));
            assertTrue(noDev.getMessage().contains("nosuchdev"), noDev.getMessage());
            IllegalArgumentException noHopDev = assertThrows(IllegalArgumentException.class, () -> rt.routes().add(
                    Route.to("10.1.0.0/16").nexthop(RouteHop.via("10.0.0.2").withDev("nosuchdev")).build()));
            assertTrue(noHopDev.getMessage().contains("nosuchdev"), noHopDev.getMessage());
            assertEquals(0, Oracle.ipJson(ns.name(), "route", "show", "10.1.0.0/16").size());

            // the kernel's extended ACK points inside the encap: named by the encap's own schema
            Route bad = Route.to("2.2.2.11").via("10.0.0.11").dev("veth0")
                    .encap(new TestIpEncap(1000, ByteString.of((byte) 172, (byte) 168, (byte) 0), true)).build();
            KernelException ex = assertThrows(KernelException.class, () -> rt.routes().replace(bad));
            assertEquals("RTM_NEWROUTE", ex.operation());
            assertEquals("RTA_ENCAP > LWTUNNEL_IP_DST", ex.attributePath().orElse(""), ex.getMessage());
            assertTrue(ex.getMessage().contains("ip route replace 2.2.2.11 via 10.0.0.11 dev veth0 encap ip id 1000 dst <3 bytes> key"),
                    ex.getMessage());
            // a well-formed one is accepted
            rt.routes().replace(Route.to("2.2.2.11").via("10.0.0.11").dev("veth0")
                    .encap(TestIpEncap.key(1000, "172.168.0.1")).build());
            RouteOracle.assertEncap(only(Oracle.ipJson(ns.name(), "route", "show"), "2.2.2.11"),
                    TestIpEncap.key(1000, "172.168.0.1"), "dst#2", "id", "encap route");
            // a gateway that is not on any link
            KernelException unreachable = assertThrows(KernelException.class,
                    () -> rt.routes().add(Route.to("10.40.0.0/16").via("192.0.2.1").dev("veth0").build()));
            assertEquals(Errno.ENETUNREACH, unreachable.errno());
        }
    }

    @Test
    void routesListedWhileTheirLinkIsDownCanBeSentBack() {
        try (Rtnetlink rt = Rtnetlink.open(ns.handle())) {
            rt.routes().add(Route.to("10.50.0.0/16").via("10.0.0.2").dev("veth0").table(100).build());
            rt.routes().add(Route.to("10.51.0.0/16").table(100)
                    .nexthop(RouteHop.via("10.0.0.2").withDev("veth0")).nexthop(RouteHop.via("10.0.0.3").withDev("veth0")).build());
            // a nexthop given the state flags the kernel reports (dead, linkdown) is added all the same
            rt.nexthops().add(Nexthop.id(1).via("10.0.0.2").dev("veth0").flags(1 | 16).build());
            assertEquals(1, Oracle.ipJson(ns.name(), "nexthop", "show").size());
            Cmd.ip(ns.name(), "link", "set", "veth1", "down"); // veth0 loses its carrier
            Route down = only1(rt.routes().list(RouteFilter.table(100)), "10.50.0.0/16");
            Route mpDown = only1(rt.routes().list(RouteFilter.table(100)), "10.51.0.0/16");
            assertTrue(RouteOracle.flagSet(only(Oracle.ipJson(ns.name(), "route", "show", "table", "100"), "10.50.0.0/16"))
                    .contains("linkdown"));
            assertEquals(16, down.flags() & 16, down.toString()); // RTNH_F_LINKDOWN as the kernel reports it
            assertEquals(16, mpDown.nexthops().get(0).flags() & 16, mpDown.toString());
            // the kernel refuses RTNH_F_LINKDOWN in a request: it is not sent back
            rt.routes().add(down.toBuilder().table(101).build());
            rt.routes().add(mpDown.toBuilder().table(101).build());
            assertEquals(2, Oracle.ipJson(ns.name(), "route", "show", "table", "101").size());
            // (the kernel drops nexthop objects whose link goes down)
            assertEquals(0, Oracle.ipJson(ns.name(), "nexthop", "show").size());
        }
    }

    static Route only1(List<Route> routes, String dst) {
        List<Route> found = routes.stream().filter(r -> r.dst().toString().equals(dst)).toList();
        assertEquals(1, found.size(), routes.toString());
        return found.get(0);
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
            // and one is there already: EEXIST
            rt.routes().add(routes.get(9_999));
            PipelineResult res = rt.routes().apply(RouteVerb.ADD, routes);
            assertEquals(List.of(17, 2517, 5017, 7517, 9999),
                    res.failures().stream().map(PipelineResult.Failure::index).toList());
            for (PipelineResult.Failure f : res.failures()) {
                KernelException k = (KernelException) f.error();
                if (f.index() == 9999) {
                    assertEquals(Errno.EEXIST, k.errno());
                } else {
                    assertEquals(Errno.ENETUNREACH, k.errno());
                    assertEquals("ip route add " + routes.get(f.index()).toIpArgs(), f.request().toString());
                    assertTrue(f.request().toString().contains("via 192.0.2.1 dev veth0 table 100"), f.request().toString());
                }
            }
            assertEquals(10_000 - 4, Oracle.ipJson(ns.name(), "route", "show", "table", "100").size());
            assertEquals(10_000 - 4, rt.routes().list(RouteFilter.table(100)).size());

            // prepared requests of mixed verbs: delete half, replace the rest
            List<RouteRequest> reqs = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                reqs.add(rt.routes().request(i % 2 == 0 ? RouteVerb.DELETE : RouteVerb.REPLACE, routes.get(i)));
            }
            PipelineResult mixed = rt.routes().apply(reqs);
            // the bad ones: 17 and 7517 (odd: replaced, still unreachable), 2517 and 5017 (odd too)
            assertEquals(List.of(17, 2517, 5017, 7517), mixed.failures().stream().map(PipelineResult.Failure::index).toList());
            assertEquals(5_000 - 4, rt.routes().list(RouteFilter.table(100)).size());
        }
    }
}
