package io.github.netlink4j.vrf;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.netlink4j.rtnl.AddressFamily;
import io.github.netlink4j.rtnl.Link;
import io.github.netlink4j.rtnl.Route;
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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** VRFs made by the library, as ip sees them. */
@KernelTest(needs = KernelFeature.VRF)
class VrfsKernelTest {
    @RegisterExtension
    final TempNetns ns = new TempNetns();

    @Test
    void vrfsMembersRulesAndRoutes() {
        Cmd.ip(ns.name(), "link", "add", "veth0", "type", "veth", "peer", "name", "veth1");
        Cmd.ip(ns.name(), "link", "set", "veth0", "up");
        Cmd.ip(ns.name(), "link", "set", "veth1", "up");
        try (Rtnetlink rt = Rtnetlink.open(ns.handle())) {
            Vrfs vrfs = Vrfs.of(rt);
            vrfs.create("vrf-a", 10);
            vrfs.create("vrf-b", 1000);
            IllegalStateException taken = assertThrows(IllegalStateException.class, () -> vrfs.create("vrf-c", 10));
            assertTrue(taken.getMessage().contains("vrf-a"), taken.getMessage());

            JsonNode links = Oracle.ipJson(ns.name(), "-d", "link", "show", "type", "vrf");
            assertEquals(2, links.size());
            assertEquals(List.of("vrf-a", "vrf-b"), vrfs.list().stream().map(Vrfs.VrfDevice::name).toList());
            for (JsonNode l : links) {
                assertEquals(l.path("linkinfo").path("info_data").path("table").asInt(),
                        vrfs.tableOf(l.path("ifname").asText()).getAsInt());
            }
            assertTrue(rt.links().get("vrf-a").orElseThrow().kind().orElseThrow() instanceof Vrf);

            vrfs.enslave("veth0", "vrf-a");
            assertEquals("vrf-a", Oracle.ipJson(ns.name(), "link", "show", "veth0").get(0).path("master").asText());
            assertEquals(List.of("veth0"), vrfs.members("vrf-a").stream().map(Link::name).toList());
            assertThrows(IllegalStateException.class, () -> vrfs.enslave("veth0", "vrf-b"));

            // the VRF driver added the l3mdev rule itself; ensuring it adds nothing more
            int before = Oracle.ipJson(ns.name(), "rule", "show").size();
            vrfs.ensureL3mdevRules();
            assertEquals(0, vrfs.ensureL3mdevRules());
            JsonNode rules = Oracle.ipJson(ns.name(), "rule", "show");
            assertTrue(rules.size() >= before);
            long l3 = 0;
            for (JsonNode r : rules) {
                if (r.has("l3mdev")) {
                    l3++;
                    assertEquals(1000, r.path("priority").asInt());
                }
            }
            assertEquals(1, l3, rules.toString());
            assertTrue(rt.rules().list(AddressFamily.INET6).stream().anyMatch(r -> r.l3mdev()));

            rt.routes().add(vrfs.inVrf("vrf-a", Route.to("10.0.0.0/24").dev("veth0").build()));
            JsonNode inVrf = Oracle.ipJson(ns.name(), "route", "show", "vrf", "vrf-a");
            assertEquals("10.0.0.0/24", inVrf.get(0).path("dst").asText());
            assertEquals(1, vrfs.routes("vrf-a").stream().filter(r -> r.dst().toString().equals("10.0.0.0/24")).count());

            vrfs.release("veth0");
            assertTrue(vrfs.members("vrf-a").isEmpty());
            assertTrue(Oracle.ipJson(ns.name(), "link", "show", "veth0").get(0).path("master").isMissingNode());
        }
    }
}
