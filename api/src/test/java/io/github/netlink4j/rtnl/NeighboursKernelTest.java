package io.github.netlink4j.rtnl;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.netlink4j.core.Errno;
import io.github.netlink4j.core.KernelException;
import io.github.netlink4j.testkit.Cmd;
import io.github.netlink4j.testkit.KernelTest;
import io.github.netlink4j.testkit.Oracle;
import io.github.netlink4j.testkit.TempNetns;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Neighbour entries made by the library, read back by {@code ip -j neigh show}. */
@KernelTest
class NeighboursKernelTest {
    @RegisterExtension
    final TempNetns ns = new TempNetns();
    int veth0;

    @BeforeEach
    void veth() {
        Cmd.ip(ns.name(), "link", "add", "veth0", "type", "veth", "peer", "name", "veth1");
        Cmd.ip(ns.name(), "link", "set", "veth0", "up");
        Cmd.ip(ns.name(), "link", "set", "veth1", "up");
        Cmd.ip(ns.name(), "addr", "add", "10.0.0.1/24", "dev", "veth0");
        veth0 = Oracle.ipJson(ns.name(), "link", "show", "dev", "veth0").get(0).path("ifindex").asInt();
    }

    /** ip's entries keyed by destination. */
    Map<String, JsonNode> ipNeighbours(String... args) {
        Map<String, JsonNode> out = new HashMap<>();
        for (JsonNode n : Oracle.ipJson(ns.name(), args.length == 0 ? new String[]{"neigh", "show"} : args)) {
            out.put(Inet.parse(n.path("dst").asText()).getHostAddress(), n);
        }
        return out;
    }

    static void assertSame(JsonNode j, Neighbour n, String devName) {
        String what = n + " vs " + j;
        assertEquals(Inet.parse(j.path("dst").asText()), n.destination().orElseThrow(), what);
        assertEquals(devName, j.path("dev").asText(), what);
        if (j.has("lladdr")) {
            assertEquals(j.path("lladdr").asText(), n.lladdr().orElseThrow().toString(), what);
        } else {
            assertTrue(n.lladdr().isEmpty(), what);
        }
        List<String> states = new java.util.ArrayList<>();
        j.path("state").forEach(s -> states.add(s.asText().toLowerCase()));
        assertEquals(states, n.state().names(), what);
        assertEquals(j.has("router"), n.flags().has(NeighbourFlags.NTF_ROUTER), what);
        assertEquals(j.has("extern_learn"), n.flags().has(NeighbourFlags.NTF_EXT_LEARNED), what);
        if (j.has("protocol")) {
            assertTrue(n.protocol().isPresent(), what);
        }
    }

    void assertDumpMatches(Rtnetlink rt) {
        Map<String, JsonNode> ip = ipNeighbours();
        List<Neighbour> ours = rt.neighbours().list();
        // ip leaves out NOARP entries (the kernel's own) unless asked for `nud all`
        List<Neighbour> shown = ours.stream().filter(n -> !n.state().equals(NeighbourState.NOARP)).toList();
        assertEquals(ip.size(), shown.size(), "ip: " + ip.keySet() + "\nlibrary: " + ours);
        for (Neighbour n : shown) {
            JsonNode j = ip.get(n.destination().orElseThrow().getHostAddress());
            if (j == null) {
                throw new AssertionError("ip does not show " + n);
            }
            assertSame(j, n, "veth0");
        }
    }

    @Test
    void entriesAsIpSeesThem() {
        try (Rtnetlink rt = Rtnetlink.open(ns.handle())) {
            Neighbours neigh = rt.neighbours();
            neigh.add(Neighbour.builder("10.0.0.2", veth0).lladdr("02:00:00:00:00:02").build());
            neigh.add(Neighbour.builder("10.0.0.3", veth0).lladdr("02:00:00:00:00:03").state(NeighbourState.REACHABLE).build());
            neigh.add(Neighbour.builder("10.0.0.4", veth0).lladdr("02:00:00:00:00:04").router()
                    .state(NeighbourState.STALE).build());
            neigh.add(Neighbour.builder("10.0.0.5", veth0).lladdr("02:00:00:00:00:05").externLearned().protocol(99).build());
            neigh.add(Neighbour.builder("2001:db8::2", veth0).lladdr("02:00:00:00:00:06").router().build());
            Map<String, JsonNode> ip = ipNeighbours();
            assertEquals("02:00:00:00:00:02", ip.get("10.0.0.2").path("lladdr").asText());
            assertEquals("PERMANENT", ip.get("10.0.0.2").path("state").get(0).asText());
            assertEquals("STALE", ip.get("10.0.0.4").path("state").get(0).asText());
            assertTrue(ip.get("10.0.0.4").has("router"));
            assertTrue(ip.get("10.0.0.5").has("extern_learn"));
            assertTrue(ip.get(Inet.parse("2001:db8::2").getHostAddress()).has("router"));
            assertDumpMatches(rt);

            assertEquals(4, neigh.list(AddressFamily.INET, LinkRef.name("veth0")).size());
            List<Neighbour> v6 = neigh.list(AddressFamily.INET6);
            assertTrue(v6.stream().allMatch(n -> n.family().equals(AddressFamily.INET6)), v6.toString());
            assertEquals(1, v6.stream().filter(n -> n.destination().orElseThrow().equals(Inet.parse("2001:db8::2"))).count());
            assertTrue(neigh.list(AddressFamily.INET, LinkRef.name("veth1")).isEmpty());

            // replace changes the state and the address
            neigh.replace(Neighbour.builder("10.0.0.2", veth0).lladdr("02:00:00:00:00:22").state(NeighbourState.STALE).build());
            JsonNode j = ipNeighbours().get("10.0.0.2");
            assertEquals("02:00:00:00:00:22", j.path("lladdr").asText());
            assertEquals("STALE", j.path("state").get(0).asText());
            KernelException e = assertThrows(KernelException.class,
                    () -> neigh.add(Neighbour.builder("10.0.0.2", veth0).lladdr("02:00:00:00:00:02").build()));
            assertEquals(Errno.EEXIST, e.errno());
            assertTrue(e.getMessage().contains("ip neigh add 10.0.0.2 lladdr 02:00:00:00:00:02 dev if" + veth0),
                    e.getMessage());

            for (Neighbour n : neigh.list("veth0")) {
                if (n.lladdr().isPresent() && n.destination().orElseThrow().getHostAddress().matches("10\\.0\\.0\\.\\d|2001:.*")) {
                    neigh.delete(n);
                }
            }
            assertTrue(ipNeighbours().keySet().stream().noneMatch(d -> d.startsWith("10.0.0.") || d.startsWith("2001:")),
                    ipNeighbours().toString());
            assertDumpMatches(rt);
        }
    }

    @Test
    void proxyEntries() {
        try (Rtnetlink rt = Rtnetlink.open(ns.handle())) {
            rt.neighbours().add(Neighbour.builder("10.0.0.9", veth0).proxy().build());
            JsonNode proxies = Oracle.ipJson(ns.name(), "neigh", "show", "proxy");
            assertEquals("10.0.0.9", proxies.get(0).path("dst").asText(), proxies.toString());
            assertFalse(rt.neighbours().list().stream().anyMatch(Neighbour::isProxy));
            rt.neighbours().delete(Neighbour.builder("10.0.0.9", veth0).proxy().build());
            assertEquals(0, Oracle.ipJson(ns.name(), "neigh", "show", "proxy").size());
        }
    }
}
