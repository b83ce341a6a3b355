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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Nexthop objects and rules made by the library, read back by ip. */
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
    }

    static JsonNode byId(JsonNode list, int id) {
        for (JsonNode n : list) {
            if (n.path("id").asInt() == id) {
                return n;
            }
        }
        throw new AssertionError("no nexthop " + id + " in " + list);
    }

    @Test
    void nexthopObjectsAndRoutesThatUseThem() {
        try (Rtnetlink rt = Rtnetlink.open(ns.handle())) {
            rt.nexthops().add(Nexthop.id(1).via("10.0.0.2").dev("veth0").build());
            rt.nexthops().add(Nexthop.id(2).via("10.0.0.3").dev("veth0").build());
            rt.nexthops().add(Nexthop.id(3).blackhole().build());
            rt.nexthops().add(Nexthop.id(10).member(1, 3).member(2, 5).build());
            rt.nexthops().add(Nexthop.id(5).encap(RoutesKernelTest.encapIpKey()).dev("veth0").build());
            rt.routes().add(Route.to("10.9.0.0/16").nhid(10).table(100).build());
            rt.routes().add(Route.to("2.2.2.11").nhid(5).table(100).build());

            JsonNode all = Oracle.ipJson(ns.name(), "nexthop", "show");
            assertEquals("10.0.0.2", byId(all, 1).path("gateway").asText());
            assertEquals("veth0", byId(all, 1).path("dev").asText());
            assertTrue(byId(all, 3).has("blackhole"), byId(all, 3).toString());
            JsonNode grp = byId(all, 10).path("group");
            assertEquals(3, grp.get(0).path("weight").asInt());
            assertEquals(5, grp.get(1).path("weight").asInt());
            assertEquals("ip", byId(all, 5).path("encap").asText());

            JsonNode routes = Oracle.ipJson(ns.name(), "route", "show", "table", "100");
            assertEquals(2, routes.size());
            assertEquals(10, RoutesKernelTest.only(routes, "10.9.0.0/16").path("nhid").asInt());
            assertEquals(5, RoutesKernelTest.only(routes, "2.2.2.11").path("nhid").asInt());

            // the library's view agrees
            List<Nexthop> mine = rt.nexthops().list();
            assertEquals(all.size(), mine.size());
            Nexthop group = rt.nexthops().get(10).orElseThrow();
            assertEquals(List.of(new Nexthop.Member(1, 3), new Nexthop.Member(2, 5)), group.group());
            assertTrue(rt.nexthops().get(3).orElseThrow().blackhole());
            assertTrue(rt.nexthops().get(99).isEmpty());
            assertTrue(rt.routes().list(RouteFilter.table(100)).stream()
                    .anyMatch(r -> r.dst().toString().equals("10.9.0.0/16") && r.nhid().getAsInt() == 10));

            KernelException dup = assertThrows(KernelException.class,
                    () -> rt.nexthops().add(Nexthop.id(1).via("10.0.0.9").dev("veth0").build()));
            assertEquals(Errno.EEXIST, dup.errno());

            rt.nexthops().replace(Nexthop.id(1).via("10.0.0.4").dev("veth0").build());
            assertEquals("10.0.0.4", byId(Oracle.ipJson(ns.name(), "nexthop", "show"), 1).path("gateway").asText());
            rt.routes().delete(Route.to("10.9.0.0/16").table(100).build());
            rt.routes().delete(Route.to("2.2.2.11").table(100).build());
            for (int id : new int[] {10, 5, 3, 2, 1}) {
                rt.nexthops().delete(id);
            }
            assertEquals(0, Oracle.ipJson(ns.name(), "nexthop", "show").size());
        }
    }

    @Test
    void manyRoutesShareOneEncapNexthop() {
        try (Rtnetlink rt = Rtnetlink.open(ns.handle())) {
            rt.nexthops().add(Nexthop.id(7).encap(RoutesKernelTest.encapIpKey()).dev("veth0").build());
            List<Route> routes = new ArrayList<>();
            for (int i = 0; i < 5000; i++) {
                routes.add(Route.to("172.16." + (i / 250) + "." + (i % 250)).nhid(7).table(200).build());
            }
            PipelineResult r = rt.routes().apply(RouteVerb.ADD, routes);
            assertTrue(r.ok(), r.failures().toString());
            assertEquals(5000, rt.routes().list(RouteFilter.table(200)).size());
        }
    }

    @Test
    void rulesAreAddedListedAndDeleted() {
        try (Rtnetlink rt = Rtnetlink.open(ns.handle())) {
            List<Rule> before = rt.rules().list(AddressFamily.INET);
            rt.rules().add(Rule.builder().from("10.0.0.0/8").table(100).priority(100).build());
            rt.rules().add(Rule.builder().fwmark(0x10, 0xff).table(1000).priority(300).build());
            rt.rules().add(Rule.builder().iif("veth0").action(RuleAction.PROHIBIT).priority(400).build());
            rt.rules().add(Rule.builder().l3mdev().priority(1000).build());

            JsonNode ip = Oracle.ipJson(ns.name(), "rule", "show");
            List<Rule> mine = rt.rules().list(AddressFamily.INET);
            assertEquals(ip.size(), mine.size());
            for (int i = 0; i < ip.size(); i++) {
                assertEquals(ip.get(i).path("priority").asInt(), mine.get(i).priority().getAsInt());
            }
            Rule fw = mine.stream().filter(r -> r.priority().getAsInt() == 300).findFirst().orElseThrow();
            assertEquals(1000, fw.table());
            assertEquals(0x10, fw.fwmark().getAsInt());
            assertTrue(mine.stream().anyMatch(r -> r.l3mdev() && r.priority().getAsInt() == 1000));
            assertEquals("prohibit", ip.get(mine.indexOf(mine.stream().filter(r -> r.priority().getAsInt() == 400)
                    .findFirst().orElseThrow())).path("action").asText());

            for (int prio : new int[] {100, 300, 400, 1000}) {
                rt.rules().delete(Rule.builder().priority(prio).build());
            }
            assertEquals(before, rt.rules().list(AddressFamily.INET));
        }
    }
}
