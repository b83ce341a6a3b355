package io.github.netlink4j.rtnl;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.netlink4j.core.Errno;
import io.github.netlink4j.core.KernelException;
import io.github.netlink4j.core.PipelineResult;
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

/** Nexthop objects and rules made by the library, read back by ip field by field. */
@KernelTest
class NexthopsRulesKernelTest {
    @RegisterExtension
    final TempNetns ns = new TempNetns();

    @BeforeEach
    void veth() {
        Cmd.ip(ns.name(), "link", "set", "lo", "up");
        Cmd.ip(ns.name(), "link", "add", "veth0", "type", "veth", "peer", "name", "veth1");
        Cmd.ip(ns.name(), "link", "set", "veth0", "up");
        Cmd.ip(ns.name(), "link", "set", "veth1", "up");
        Cmd.ip(ns.name(), "addr", "add", "10.0.0.1/24", "dev", "veth0");
        Cmd.ip(ns.name(), "addr", "add", "2001:db8::1/64", "dev", "veth0", "nodad");
    }

    static List<Nexthop> nexthops() {
        return List.of(
                Nexthop.id(1).via("10.0.0.2").dev("veth0").build(),
                Nexthop.id(2).via("10.0.0.3").dev("veth0").protocol(RouteProtocol.STATIC).build(),
                Nexthop.id(3).blackhole().build(),
                Nexthop.id(4).via("192.168.99.1").dev("veth0").onlink().build(),
                Nexthop.id(5).encap(RoutesKernelTest.encapIpKey()).dev("veth0").build(),
                Nexthop.id(6).via("2001:db8::2").dev("veth0").build(),
                Nexthop.id(7).via("10.0.0.9").fdb().build(),
                Nexthop.id(8).family(AddressFamily.INET6).dev("veth0").build(),
                Nexthop.id(9).dev("veth0").build(),
                Nexthop.id(10).member(1, 3).member(2, 5).build(),
                Nexthop.id(11).member(1, 1).member(2, 1).groupType(Nexthop.GROUP_MPATH).build());
    }

    @Test
    void nexthopObjectsAreCreatedAsIpSeesThemAndRoutesUseThem() {
        try (Rtnetlink rt = Rtnetlink.open(ns.handle())) {
            for (Nexthop n : nexthops()) {
                rt.nexthops().add(n);
            }
            rt.routes().add(Route.to("10.9.0.0/16").nhid(10).table(100).build());
            rt.routes().add(Route.to("2.2.2.11").nhid(5).table(100).build());
            rt.routes().add(Route.to("2001:db8:9::/64").nhid(6).table(100).build());

            Map<Integer, String> names = RouteOracle.ifnames(ns.name());
            JsonNode ip = Oracle.ipJson(ns.name(), "-d", "nexthop", "show");
            List<Nexthop> mine = rt.nexthops().list();
            assertEquals(ip.size(), mine.size(), mine.toString());
            for (int i = 0; i < ip.size(); i++) {
                RouteOracle.assertSameNexthop(mine.get(i), ip.get(i), names);
            }
            for (Nexthop n : mine) {
                assertEquals(n, rt.nexthops().get(n.id()).orElseThrow());
            }
            assertTrue(rt.nexthops().get(99).isEmpty());
            assertEquals(AddressFamily.INET6, rt.nexthops().get(8).orElseThrow().family());

            // routes pointing at them, as ip sees them
            for (AddressFamily f : List.of(AddressFamily.INET, AddressFamily.INET6)) {
                RouteOracle.assertSameRoutes(rt.routes().list(RouteFilter.table(100).withFamily(f)),
                        Oracle.ipJson(ns.name(), f.equals(AddressFamily.INET) ? "-4" : "-6", "-d", "route", "show", "table", "100"),
                        names);
            }

            KernelException dup = assertThrows(KernelException.class,
                    () -> rt.nexthops().add(Nexthop.id(1).via("10.0.0.9").dev("veth0").build()));
            assertEquals(Errno.EEXIST, dup.errno());
            assertTrue(dup.getMessage().contains("ip nexthop add id 1 via 10.0.0.9 dev veth0"), dup.getMessage());

            rt.nexthops().replace(Nexthop.id(1).via("10.0.0.4").dev("veth0").build());
            RouteOracle.assertSameNexthop(rt.nexthops().get(1).orElseThrow(),
                    Oracle.ipJson(ns.name(), "-d", "nexthop", "show", "id", "1").get(0), names);
            assertEquals("10.0.0.4", Oracle.ipJson(ns.name(), "nexthop", "show", "id", "1").get(0).path("gateway").asText());

            // a dumped nhid route (which reports its nexthop's gateway and device) re-adds and deletes
            // itself: only the nexthop id is sent
            Route viaGroup = rt.routes().list(RouteFilter.table(100)).stream()
                    .filter(r -> r.dst().toString().equals("10.9.0.0/16")).findFirst().orElseThrow();
            assertEquals(2, viaGroup.nexthops().size(), viaGroup.toString());
            assertEquals("10.9.0.0/16 table 100 nhid 10", viaGroup.toIpArgs());
            Route copy = viaGroup.toBuilder().table(101).build();
            rt.routes().add(copy);
            assertEquals(10, RoutesKernelTest.only(Oracle.ipJson(ns.name(), "route", "show", "table", "101"), "10.9.0.0/16")
                    .path("nhid").asInt());
            rt.routes().delete(rt.routes().list(RouteFilter.table(101)).get(0));
            rt.routes().delete(viaGroup);
            assertTrue(Oracle.ipJson(ns.name(), "route", "show", "table", "100").findValues("dst").stream()
                    .noneMatch(d -> d.asText().equals("10.9.0.0/16")));
            assertEquals(0, Oracle.ipJson(ns.name(), "route", "show", "table", "101").size());

            // deleting a nexthop takes the routes using it along
            rt.nexthops().delete(5);
            assertTrue(Oracle.ipJson(ns.name(), "route", "show", "table", "100").findValues("dst").stream()
                    .noneMatch(d -> d.asText().equals("2.2.2.11")));
            for (int id : new int[] {11, 10, 9, 8, 7, 6, 4, 3, 2, 1}) {
                rt.nexthops().delete(id);
            }
            assertEquals(0, Oracle.ipJson(ns.name(), "-d", "nexthop", "show").size());
            KernelException gone = assertThrows(KernelException.class, () -> rt.nexthops().delete(1));
            assertEquals(Errno.ENOENT, gone.errno());
        }
    }

    @Test
    void manyRoutesShareOneEncapNexthop() {
        try (Rtnetlink rt = Rtnetlink.open(ns.handle())) {
            PipelineResult nh = rt.nexthops().apply(Nexthops.Verb.ADD, List.of(
                    Nexthop.id(7).encap(RoutesKernelTest.encapIpKey()).dev("veth0").build(),
                    Nexthop.id(8).via("192.0.2.1").dev("veth0").build())); // gateway on no link: refused
            assertEquals(List.of(1), nh.failures().stream().map(PipelineResult.Failure::index).toList());
            List<Route> routes = new ArrayList<>();
            for (int i = 0; i < 5000; i++) {
                routes.add(Route.to("172.16." + (i / 250) + "." + (i % 250)).nhid(7).table(200).build());
            }
            PipelineResult r = rt.routes().apply(RouteVerb.ADD, routes);
            assertTrue(r.ok(), r.failures().toString());
            assertEquals(5000, rt.routes().list(RouteFilter.table(200)).size());
            assertEquals(5000, Oracle.ipJson(ns.name(), "route", "show", "table", "200").size());
        }
    }

    static List<Rule> rules(AddressFamily f) {
        boolean v4 = f.equals(AddressFamily.INET);
        return List.of(
                Rule.builder().from(v4 ? "10.0.0.0/8" : "2001:db8::/32").table(100).priority(100).build(),
                Rule.builder().family(f).not().to(v4 ? "10.6.0.0/16" : "2001:db8:6::/48").tos(0x10).table(1000).priority(110)
                        .protocol(RouteProtocol.STATIC).build(),
                Rule.builder().family(f).fwmark(0x10, 0xff).iif("veth0").oif("veth1").gotoRule(200).priority(120).build(),
                Rule.builder().family(f).tunId(1000).action(RuleAction.BLACKHOLE).priority(130).build(),
                Rule.builder().family(f).table(Route.TABLE_MAIN).suppressPrefixLength(0).suppressIfgroup(5).priority(140).build(),
                Rule.builder().family(f).fwmark(7).table(100).priority(150).build(),
                Rule.builder().from(v4 ? "10.7.0.0/16" : "2001:db8:7::/48").action(RuleAction.NOP).priority(160).build(),
                Rule.builder().from(v4 ? "10.8.0.0/16" : "2001:db8:8::/48").action(RuleAction.UNREACHABLE).priority(170).build(),
                Rule.builder().from(v4 ? "10.9.0.0/16" : "2001:db8:9::/48").action(RuleAction.PROHIBIT).priority(180).build(),
                Rule.builder().from(v4 ? "10.5.0.0/16" : "2001:db8:5::/48").priority(190).build(),
                Rule.builder().family(f).iif("lo").table(Route.TABLE_LOCAL).priority(200).build(),
                Rule.builder().family(f).l3mdev().priority(1000).build());
    }

    @Test
    void rulesAreAddedAsIpSeesThemListedAlikeAndDeletedByTheirRecord() {
        try (Rtnetlink rt = Rtnetlink.open(ns.handle())) {
            for (AddressFamily f : List.of(AddressFamily.INET, AddressFamily.INET6)) {
                List<Rule> before = rt.rules().list(f);
                for (Rule r : rules(f)) {
                    rt.rules().add(r);
                }
                JsonNode ip = Oracle.ipJson(ns.name(), f.equals(AddressFamily.INET) ? "-4" : "-6", "-d", "rule", "show");
                List<Rule> mine = rt.rules().list(f);
                assertEquals(ip.size(), mine.size(), mine.toString());
                for (int i = 0; i < ip.size(); i++) {
                    RouteOracle.assertSameRule(mine.get(i), ip.get(i));
                }
                // the add defaults: a rule without table or action looks up main
                Rule plain = mine.stream().filter(r -> r.priority().getAsInt() == 190).findFirst().orElseThrow();
                assertEquals(RuleAction.TO_TBL, plain.action());
                assertEquals(Route.TABLE_MAIN, plain.table());

                KernelException exists = assertThrows(KernelException.class, () -> rt.rules().add(rules(f).get(0)));
                assertEquals(Errno.EEXIST, exists.errno());

                // a delete matching on part of a rule, then each listed record deletes exactly itself
                rt.rules().delete(Rule.builder().family(f).priority(100).build());
                for (Rule r : rt.rules().list(f)) {
                    if (!before.contains(r)) {
                        rt.rules().delete(r);
                    }
                }
                assertEquals(before, rt.rules().list(f));
                KernelException gone = assertThrows(KernelException.class,
                        () -> rt.rules().delete(Rule.builder().family(f).priority(100).build()));
                assertEquals(Errno.ENOENT, gone.errno());
            }
        }
    }
}
