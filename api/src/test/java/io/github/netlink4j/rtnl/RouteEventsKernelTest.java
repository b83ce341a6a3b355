package io.github.netlink4j.rtnl;

import io.github.netlink4j.testkit.Cmd;
import io.github.netlink4j.testkit.KernelTest;
import io.github.netlink4j.testkit.TempNetns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Route, rule and nexthop notifications arrive typed, in order, and a resync lists them. */
@KernelTest
class RouteEventsKernelTest {
    @RegisterExtension
    final TempNetns ns = new TempNetns();

    @Test
    void routeRuleAndNexthopEventsInOrder() {
        Cmd.ip(ns.name(), "link", "set", "lo", "up");
        Cmd.ip(ns.name(), "link", "add", "veth0", "type", "veth", "peer", "name", "veth1");
        Cmd.ip(ns.name(), "link", "set", "veth0", "up");
        Cmd.ip(ns.name(), "link", "set", "veth1", "up");
        try (Rtnetlink rt = Rtnetlink.open(ns.handle());
             RtEvents events = RtEvents.open(ns.handle(), RtnlGroup.IPV4_ROUTE, RtnlGroup.IPV4_RULE, RtnlGroup.NEXTHOP)) {
            rt.nexthops().add(Nexthop.id(1).dev("veth0").build());
            rt.routes().add(Route.to("10.1.0.0/16").dev("veth0").table(100).build());
            rt.rules().add(Rule.builder().from("10.0.0.0/8").table(100).priority(100).build());
            rt.routes().delete(Route.to("10.1.0.0/16").dev("veth0").table(100).build());
            List<String> seen = new ArrayList<>();
            while (seen.size() < 4) {
                RtEvent e = events.next(Duration.ofSeconds(10)).orElseThrow(() -> new AssertionError("no event; saw " + seen));
                if (e instanceof RtEvent.NexthopEvent n) {
                    seen.add(n.action() + " nexthop " + n.nexthop().id());
                } else if (e instanceof RtEvent.RouteEvent r && r.route().table() == 100) {
                    seen.add(r.action() + " route " + r.route().dst());
                } else if (e instanceof RtEvent.RuleEvent r) {
                    seen.add(r.action() + " rule " + r.rule().priority().getAsInt());
                }
            }
            assertEquals(List.of("NEW nexthop 1", "NEW route 10.1.0.0/16", "NEW rule 100", "DELETED route 10.1.0.0/16"), seen);
            RtSnapshot snap = events.resync();
            assertTrue(snap.toString().contains("10.0.0.0/8") || !snap.others().isEmpty(), snap.toString());
            assertTrue(snap.others().stream().anyMatch(e -> e instanceof RtEvent.NexthopEvent n && n.nexthop().id() == 1));
            assertTrue(snap.others().stream().anyMatch(e -> e instanceof RtEvent.RuleEvent r && r.rule().priority().getAsInt() == 100));
        }
    }
}
