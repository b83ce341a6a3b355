package io.github.netlink4j.rtnl;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.netlink4j.testkit.Oracle;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Compares the library's records with what {@code ip -d -j link show} prints, field by field. */
final class LinkOracle {
    private LinkOracle() {
    }

    /** {@code ip -d -j link show} in {@code netns}, as a list. */
    static JsonNode links(String netns) {
        return Oracle.ipJson(netns, "-d", "link", "show");
    }

    /** The entry of {@code name} in {@code ip -d -j link show dev NAME}. */
    static JsonNode link(String netns, String name) {
        JsonNode all = Oracle.ipJson(netns, "-d", "link", "show", "dev", name);
        assertEquals(1, all.size(), all.toString());
        return all.get(0);
    }

    /** The flags ip prints that come from ifi_flags (not NO-CARRIER / M-DOWN, which it derives). */
    static Set<String> ipFlags(JsonNode j) {
        Set<String> s = new HashSet<>();
        for (JsonNode f : j.path("flags")) {
            s.add(f.asText());
        }
        s.remove("NO-CARRIER");
        s.remove("M-DOWN");
        return s;
    }

    /**
     * Asserts {@code l} is the link ip describes in {@code j}; {@code names} maps the namespace's
     * ifindexes to names (for "link" and "master").
     */
    static void assertSame(JsonNode j, Link l, Map<Integer, String> names) {
        String what = l.name() + " vs " + j;
        assertEquals(j.path("ifindex").asInt(), l.index(), what);
        assertEquals(j.path("ifname").asText(), l.name(), what);
        assertEquals(j.path("mtu").asInt(), l.mtu().orElseThrow(), what);
        if (j.has("txqlen")) {
            assertEquals(j.path("txqlen").asInt(), l.txqlen().orElseThrow(), what);
        }
        // operstate is set asynchronously by the kernel's linkwatch: two dumps a moment apart can
        // disagree (seen under emulation: UNKNOWN in one, LOWERLAYERDOWN in the next). Both must
        // report one, and a settled state (UP/DOWN) must agree.
        String ipState = j.path("operstate").asText();
        String ourState = l.operState().orElseThrow().name();
        if (Set.of("UP", "DOWN").contains(ipState) && Set.of("UP", "DOWN").contains(ourState)) {
            assertEquals(ipState, ourState, what);
        }
        if (j.has("address")) {
            assertEquals(hardwareAddress(j, "address"), l.address().orElseThrow(), what);
        }
        if (j.has("broadcast")) {
            assertEquals(hardwareAddress(j, "broadcast"), l.broadcast().orElseThrow(), what);
        }
        String linkType = j.path("link_type").asText();
        if (linkType.equals("ether")) {
            assertEquals(Link.ARPHRD_ETHER, l.hardwareType(), what);
        } else if (linkType.equals("loopback")) {
            assertEquals(Link.ARPHRD_LOOPBACK, l.hardwareType(), what);
        }
        Set<String> ours = new HashSet<>(l.flags().names());
        ours.remove("RUNNING");
        assertEquals(ipFlags(j), ours, what);
        assertEquals(j.path("flags").toString().contains("\"UP\""), l.isUp(), what);
        if (j.has("master")) {
            assertEquals(j.path("master").asText(), names.get(l.master().orElseThrow()), what);
        } else {
            assertTrue(l.master().isEmpty(), what);
        }
        if (j.has("link")) {
            if (j.has("link_netnsid")) {
                // a peer in another namespace: ip prints the index there as ifN
                assertEquals(j.path("link").asText(), "if" + l.link().orElseThrow(), what);
            } else if (!j.path("link").isNull()) {
                assertEquals(j.path("link").asText(), names.get(l.link().orElseThrow()), what);
            }
        } else if (j.has("link_index")) {
            assertEquals(j.path("link_index").asInt(), l.link().orElseThrow(), what);
        }
        if (j.has("link_netnsid")) {
            assertEquals(j.path("link_netnsid").asInt(), l.linkNetnsId().orElseThrow(), what);
        } else {
            assertTrue(l.linkNetnsId().isEmpty(), what);
        }
        if (j.has("ifalias")) {
            assertEquals(j.path("ifalias").asText(), l.alias().orElseThrow(), what);
        } else {
            assertTrue(l.alias().isEmpty() || l.alias().get().isEmpty(), what);
        }
        JsonNode info = j.path("linkinfo");
        if (info.has("info_kind")) {
            assertEquals(info.path("info_kind").asText(), l.kindName().orElseThrow(), what);
            assertKind(info.path("info_data"), l.kind().orElseThrow(), what);
        } else {
            assertTrue(l.kind().isEmpty(), what);
        }
        if (info.has("info_slave_kind")) {
            assertEquals(info.path("info_slave_kind").asText(), l.slave().orElseThrow().kind(), what);
            assertTrue(l.slave().get().data().isPresent(), what);
        } else {
            assertFalse(l.slave().isPresent(), what);
        }
    }

    static void assertKind(JsonNode data, LinkKind k, String what) {
        if (k instanceof Macvlan m) {
            assertEquals(data.path("mode").asText(), m.mode().orElseThrow().name(), what);
            assertEquals(data.path("nopromisc").asBoolean(false),
                    (m.flags().orElse(0) & Macvlan.FLAG_NOPROMISC) != 0, what);
        } else if (k instanceof Bridge b) {
            assertEquals(data.path("forward_delay").asInt(), b.forwardDelay().orElseThrow(), what);
            assertEquals(data.path("hello_time").asInt(), b.helloTime().orElseThrow(), what);
            assertEquals(data.path("max_age").asInt(), b.maxAge().orElseThrow(), what);
            assertEquals(data.path("ageing_time").asInt(), b.ageingTime().orElseThrow(), what);
            assertEquals(data.path("stp_state").asInt(), b.stpState().orElseThrow(), what);
            assertEquals(data.path("priority").asInt(), b.priority().orElseThrow(), what);
            assertEquals(data.path("vlan_filtering").asInt(), b.vlanFiltering().orElseThrow(), what);
            assertFalse(b.other().isEmpty(), "the many other IFLA_BR_* are kept raw: " + what);
        } else if (k instanceof Veth v) {
            assertTrue(v.peer().isEmpty(), "the kernel reports no veth peer data: " + what);
        }
    }

    /**
     * A hardware address as ip prints it: colon hex for Ethernet and most types, but an IP address
     * for IP tunnels (link_type gre, ipip, sit: 4 bytes; tunnel6, gre6: 16 bytes).
     */
    static MacAddress hardwareAddress(JsonNode j, String field) {
        String text = j.path(field).asText();
        String type = j.path("link_type").asText();
        if (text.contains(".") || (type.contains("6") && text.contains("::"))) {
            return MacAddress.of(Inet.parse(text).getAddress());
        }
        return MacAddress.parse(text);
    }

    /** Every link of the dump matches ip's entry of the same index, and the sets are the same. */
    static void assertDumpMatches(String netns, List<Link> dump) {
        Map<Integer, String> names = new HashMap<>();
        dump.forEach(l -> names.put(l.index(), l.name()));
        JsonNode ip = links(netns);
        assertEquals(ip.size(), dump.size(), "ip: " + ip + "\nlibrary: " + dump);
        Map<Integer, JsonNode> byIndex = new HashMap<>();
        ip.forEach(j -> byIndex.put(j.path("ifindex").asInt(), j));
        for (Link l : dump) {
            JsonNode j = byIndex.get(l.index());
            if (j == null) {
                throw new AssertionError("ip does not show " + l);
            }
            assertSame(j, l, names);
        }
    }
}
