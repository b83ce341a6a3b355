package io.github.netlink4j.examples.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.netlink4j.testkit.Cmd;
import io.github.netlink4j.testkit.KernelFeature;
import io.github.netlink4j.testkit.KernelTest;
import io.github.netlink4j.testkit.Oracle;
import io.github.netlink4j.testkit.TempNetns;
import io.github.netlink4j.vrf.TenantReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import sun.misc.Signal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway on a real kernel, in a throwaway namespace whose uplink {@code inet0} is a veth:
 * the sample file as ip and nft list it, a second reconcile that sends nothing, an edit that
 * changes only what it must, teardown back to the namespace as it was, and the program's reconcile
 * on file change and SIGHUP, where a bad file changes nothing.
 */
@KernelTest(needs = {KernelFeature.VRF, KernelFeature.GRE, KernelFeature.FLOWTABLE})
class GatewayKernelTest {
    @RegisterExtension
    final TempNetns gw = new TempNetns();

    /** The sample with tenant a's route moved to hv2, tenant b gone and tenant c added. */
    static String edited() throws IOException {
        String s = GatewayConfigTest.sample();
        int b = s.indexOf("    { \"name\": \"b\"");
        int end = s.indexOf("  ]\n}", b);
        String c = """
                    { "name": "c", "key": 3000, "table": 3000,
                      "routes":     [ { "dst": "10.3.0.0/24", "hypervisor": "172.16.1.2" } ],
                      "elasticIps": [ { "public": "198.51.100.30", "private": "10.3.0.5" } ] }
                """;
        s = s.substring(0, b) + c + s.substring(end);
        return s.replace("\"dst\": \"192.168.0.2/32\", \"hypervisor\": \"172.16.1.2\"",
                "\"dst\": \"192.168.0.2/32\", \"hypervisor\": \"172.16.2.2\"");
    }

    void topology() {
        String g = gw.name();
        Cmd.inNetns(g, "sysctl", "-qw", "net.ipv6.conf.all.accept_dad=0");
        Cmd.inNetns(g, "sysctl", "-qw", "net.ipv6.conf.default.accept_dad=0");
        Cmd.ip(g, "link", "set", "lo", "up");
        Cmd.ip(g, "link", "add", "inet0", "type", "veth", "peer", "name", "client0");
        Cmd.ip(g, "addr", "add", "203.0.113.1/24", "dev", "inet0");
        Cmd.ip(g, "link", "set", "inet0", "up");
        Cmd.ip(g, "link", "set", "client0", "up");
        // IPv6 link-local addresses (and their routes) come with the carrier: wait for them, so the
        // namespace's listing before the gateway is the settled one
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!(Cmd.ip(g, "-6", "addr", "show", "dev", "inet0").contains("fe80")
                && Cmd.ip(g, "-6", "addr", "show", "dev", "client0").contains("fe80"))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no IPv6 link-local address on the veths after 10 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** What ip and nft list in the namespace, and the sysctls the gateway sets, in a comparable form. */
    String snapshot() {
        String g = gw.name();
        List<String> out = new ArrayList<>();
        for (JsonNode l : Oracle.ipJson(g, "-d", "link", "show")) {
            out.add("link " + l.path("ifname").asText() + " " + l.path("linkinfo").path("info_kind").asText() + " master "
                    + l.path("master").asText() + (l.path("flags").toString().contains("\"UP\"") ? " up" : " down"));
        }
        Oracle.ipJson(g, "-4", "route", "show", "table", "all").forEach(r -> out.add("route " + r));
        Oracle.ipJson(g, "-6", "route", "show", "table", "all").forEach(r -> out.add("route6 " + r));
        Oracle.ipJson(g, "-4", "rule", "show").forEach(r -> out.add("rule " + r));
        Oracle.ipJson(g, "-6", "rule", "show").forEach(r -> out.add("rule6 " + r));
        Oracle.ipJson(g, "nexthop", "show").forEach(r -> out.add("nexthop " + r));
        Oracle.ipJson(g, "neigh", "show", "nud", "permanent").forEach(r -> out.add("neigh " + r));
        out.add("nft " + Oracle.nftJson(g, "list", "ruleset").path("nftables").toString().replaceAll("\"metainfo\":\\{[^}]*}", ""));
        for (String k : List.of("net.ipv4.ip_forward", "net.ipv4.conf.all.rp_filter", "net.ipv4.conf.default.rp_filter",
                "net.ipv4.conf.inet0.rp_filter")) {
            out.add(k + "=" + Cmd.inNetns(g, "sysctl", "-n", k).trim());
        }
        return String.join("\n", out);
    }

    private List<JsonNode> routes(int table) {
        List<JsonNode> out = new ArrayList<>();
        Oracle.ipJson(gw.name(), "route", "show", "table", Integer.toString(table)).forEach(out::add);
        return out;
    }

    private Map<String, JsonNode> nexthopsById() {
        Map<String, JsonNode> m = new HashMap<>();
        Oracle.ipJson(gw.name(), "nexthop", "show").forEach(n -> m.put(n.path("id").asText(), n));
        return m;
    }

    /** Tenant {@code table}'s routes as ip shows them: its default route and one encap route per overlay route. */
    private void checkTenantRoutes(int table, long key, Map<String, String> dstToUnderlay, Map<String, String> underlayToVia) {
        List<JsonNode> rs = routes(table);
        Map<String, JsonNode> nhs = nexthopsById();
        Set<String> dsts = new TreeSet<>();
        for (JsonNode r : rs) {
            String dst = r.path("dst").asText();
            if (dst.equals("default")) {
                assertEquals("203.0.113.2", r.path("gateway").asText(), r.toString());
                assertEquals("inet0", r.path("dev").asText(), r.toString());
                assertEquals("201", r.path("protocol").asText(), r.toString());
                continue;
            }
            if (r.path("type").asText().equals("local") || r.path("type").asText().equals("broadcast")) {
                continue;
            }
            dsts.add(dst);
            assertEquals("201", r.path("protocol").asText(), r.toString());
            JsonNode nh = nhs.get(r.path("nhid").asText());
            assertNotNull(nh, "route " + r + " has no nexthop object among " + nhs.keySet());
            String underlay = dstToUnderlay.get(dst);
            assertEquals(underlayToVia.get(underlay), nh.path("gateway").asText(), nh.toString());
            assertEquals("tun", nh.path("dev").asText(), nh.toString());
            assertEquals("ip", nh.path("encap").asText(), nh.toString());
            assertEquals(key, nh.path("id#2").asLong(), nh.toString());
            assertEquals(underlay, nh.path("dst").asText(), nh.toString());
            assertTrue(nh.path("key").asBoolean(), nh.toString());
            assertTrue(nh.path("flags").toString().contains("onlink"), nh.toString());
            assertEquals("201", nh.path("protocol").asText(), nh.toString());
        }
        assertEquals(new TreeSet<>(dstToUnderlay.keySet()), dsts, rs.toString());
    }

    /** The gateway's rules as {@code ip -j rule} lists them: pref -> "selector table". */
    private Set<String> gatewayRules() {
        Set<String> out = new TreeSet<>();
        for (JsonNode r : Oracle.ipJson(gw.name(), "-4", "rule", "show")) {
            if (r.path("protocol").asText().equals("201")) {
                String sel = r.has("tun_id") ? "tun_id " + r.path("tun_id").asText()
                        : "fwmark " + r.path("fwmark").asText() + " iif " + r.path("iif").asText();
                out.add(r.path("priority").asInt() + " " + sel + " lookup " + r.path("table").asText());
            }
        }
        return out;
    }

    /** The nft table as nft lists it in JSON: chains with their hooks, the flowtable, rules per chain. */
    private Map<String, List<String>> nftTable() {
        JsonNode all = Oracle.nftJson(gw.name(), "list", "table", "inet", Gateway.NFT_TABLE).path("nftables");
        Map<String, List<String>> out = new HashMap<>();
        for (JsonNode n : all) {
            if (n.has("chain")) {
                JsonNode c = n.path("chain");
                out.computeIfAbsent("chains", k -> new ArrayList<>()).add(c.path("name").asText() + " " + c.path("type").asText()
                        + " " + c.path("hook").asText() + " " + c.path("prio").asInt());
            } else if (n.has("flowtable")) {
                JsonNode f = n.path("flowtable");
                Set<String> devs = new TreeSet<>();
                if (f.path("dev").isArray()) {
                    f.path("dev").forEach(d -> devs.add(d.asText()));
                } else {
                    devs.add(f.path("dev").asText());
                }
                out.computeIfAbsent("flowtables", k -> new ArrayList<>()).add(f.path("name").asText() + " "
                        + f.path("hook").asText() + " " + f.path("prio").asInt() + " " + devs);
            } else if (n.has("rule")) {
                JsonNode r = n.path("rule");
                out.computeIfAbsent(r.path("chain").asText(), k -> new ArrayList<>()).add(r.path("comment").asText("-"));
            }
        }
        out.values().forEach(l -> l.sort(null));
        return out;
    }

    /** {@code nft list table} in nft's own words. */
    private String nftText() {
        return Cmd.inNetns(gw.name(), "nft", "list", "table", "inet", Gateway.NFT_TABLE);
    }

    @Test
    void reconcileTheSampleThenAnEditThenTeardown() throws IOException {
        topology();
        String before = snapshot();
        try (Gateway g = Gateway.open(gw.handle())) {
            GatewayConfig sample = GatewayConfig.parse(GatewayConfigTest.sample());
            GatewayReport r1 = g.reconcile(sample);
            assertTrue(r1.complete(), r1.toString());
            assertTrue(r1.changesSent() > 10, r1.toString());
            assertEquals(1, r1.warnings().size(), r1.warnings().toString());

            // the tunnel: gretap, external, up; the hypervisors' neighbours on it
            JsonNode tun = Oracle.ipJson(gw.name(), "-d", "link", "show", "tun").get(0);
            assertEquals("gretap", tun.path("linkinfo").path("info_kind").asText(), tun.toString());
            assertTrue(tun.path("linkinfo").path("info_data").path("external").asBoolean(), tun.toString());
            assertTrue(tun.path("flags").toString().contains("\"UP\""), tun.toString());
            Map<String, String> neigh = new HashMap<>();
            for (JsonNode n : Oracle.ipJson(gw.name(), "neigh", "show", "dev", "tun")) {
                assertTrue(n.path("state").toString().contains("PERMANENT"), n.toString());
                neigh.put(n.path("dst").asText(), n.path("lladdr").asText());
            }
            assertEquals(Map.of("1.1.1.11", "02:00:00:00:01:11", "1.1.1.12", "02:00:00:00:02:12"), neigh);

            // a VRF per tenant
            Map<String, Integer> vrfs = new HashMap<>();
            for (JsonNode l : Oracle.ipJson(gw.name(), "-d", "link", "show", "type", "vrf")) {
                vrfs.put(l.path("ifname").asText(), l.path("linkinfo").path("info_data").path("table").asInt());
                assertTrue(l.path("flags").toString().contains("\"UP\""), l.toString());
            }
            assertEquals(Map.of("vrf-a", 1000, "vrf-b", 2000), vrfs);

            // routes in each table through nexthop objects, one per (tenant, hypervisor)
            Map<String, String> vias = Map.of("172.16.1.2", "1.1.1.11", "172.16.2.2", "1.1.1.12");
            checkTenantRoutes(1000, 1000, Map.of("192.168.0.2", "172.16.1.2"), vias);
            checkTenantRoutes(2000, 2000, Map.of("192.168.0.2", "172.16.2.2"), vias);
            assertEquals(2, nexthopsById().size(), nexthopsById().toString());

            // rules: tunnel key and mark into each table, and the l3mdev rule
            assertEquals(Set.of("2000 tun_id 1000 lookup 1000", "2000 tun_id 2000 lookup 2000",
                    "2001 fwmark 0x3e8 iif inet0 lookup 1000", "2001 fwmark 0x7d0 iif inet0 lookup 2000"), gatewayRules());
            boolean l3mdev = false;
            for (JsonNode rule : Oracle.ipJson(gw.name(), "-4", "rule", "show")) {
                l3mdev |= rule.has("l3mdev") && rule.path("priority").asInt() == 1000;   // ip prints "l3mdev": null
            }
            assertTrue(l3mdev, "no l3mdev rule at 1000");

            // nftables: chains, flowtable, rules
            Map<String, List<String>> nft = nftTable();
            assertEquals(List.of("dnat nat prerouting -100", "forward filter forward 0", "mark filter prerouting -150",
                    "snat nat postrouting 100"), nft.get("chains"));
            assertEquals(List.of("ft ingress 0 [inet0, tun]"), nft.get("flowtables"));
            assertEquals(List.of("tenant a", "tenant b"), nft.get("mark"));
            assertEquals(List.of("tenant a", "tenant b"), nft.get("dnat"));
            assertNull(nft.get("snat"), "both tenants' VMs are 192.168.0.2: no SNAT rule");
            assertEquals(List.of("-"), nft.get("forward"));
            String text = nftText();
            for (String line : List.of("ip daddr 198.51.100.10 meta mark set 0x000003e8 comment \"tenant a\"",
                    "ip daddr 198.51.100.20 meta mark set 0x000007d0 comment \"tenant b\"",
                    "ip daddr 198.51.100.10 dnat ip to 192.168.0.2 comment \"tenant a\"",
                    "ip daddr 198.51.100.20 dnat ip to 192.168.0.2 comment \"tenant b\"",
                    "ct state established flow add @ft")) {
                assertTrue(text.contains(line), "nft lists no \"" + line + "\":\n" + text);
            }
            assertEquals("1", Cmd.inNetns(gw.name(), "sysctl", "-n", "net.ipv4.ip_forward").trim());
            assertEquals("0", Cmd.inNetns(gw.name(), "sysctl", "-n", "net.ipv4.conf.tun.rp_filter").trim());

            // the same file again: nothing sent
            String programmed = snapshot();
            GatewayReport r2 = g.reconcile(sample);
            assertEquals(0, r2.changesSent(), r2.toString());
            assertEquals(programmed, snapshot());

            // the edit: a's route to hv2, b gone, c added
            GatewayReport r3 = g.reconcile(GatewayConfig.parse(edited()));
            assertTrue(r3.complete(), r3.toString());
            assertEquals(List.of(), r3.shared(), r3.toString());
            TenantReport a = r3.tenant("vrf-a").orElseThrow();
            List<String> aChanges = a.applied().stream().map(Object::toString).toList();
            assertEquals(3, aChanges.size(), "a: a nexthop object for hv2, the route replaced, hv1's object deleted: " + aChanges);
            assertTrue(aChanges.get(0).startsWith("ip nexthop add") && aChanges.get(0).contains("172.16.2.2"), aChanges.toString());
            assertTrue(aChanges.get(1).startsWith("ip route replace 192.168.0.2"), aChanges.toString());
            assertTrue(aChanges.get(2).startsWith("ip nexthop del"), aChanges.toString());
            assertTrue(r3.tenant("vrf-b").orElseThrow().applied().stream().anyMatch(x -> x.toString().startsWith("ip link del")),
                    r3.toString());
            assertTrue(r3.tenant("vrf-c").orElseThrow().applied().stream().anyMatch(x -> x.toString().startsWith("ip link add vrf-c")),
                    r3.toString());
            assertEquals(Set.of(
                    "nft delete rule inet netlink4j-gw mark", "nft delete rule inet netlink4j-gw dnat",
                    "nft add rule inet netlink4j-gw mark ip daddr 198.51.100.30 meta mark set 0x00000bb8 comment \"tenant c\"",
                    "nft add rule inet netlink4j-gw dnat ip daddr 198.51.100.30 dnat ip to 10.3.0.5 comment \"tenant c\"",
                    "nft add rule inet netlink4j-gw snat oifname \"inet0\" ip saddr 192.168.0.2 snat ip to 198.51.100.10 comment \"tenant a\"",
                    "nft add rule inet netlink4j-gw snat oifname \"inet0\" ip saddr 10.3.0.5 snat ip to 198.51.100.30 comment \"tenant c\""),
                    new TreeSet<>(r3.nft().stream().map(c -> c.replaceAll(" handle \\d+$", "")).toList()), r3.nft().toString());
            assertEquals(List.of(), r3.warnings(), "a's VM address is its own now: SNAT, no warning");
            assertTrue(r3.changes().stream().noneMatch(x -> x.contains(" dev if")), "devices by name: " + r3.changes());

            vrfs.clear();
            Oracle.ipJson(gw.name(), "-d", "link", "show", "type", "vrf").forEach(l -> vrfs.put(l.path("ifname").asText(),
                    l.path("linkinfo").path("info_data").path("table").asInt()));
            assertEquals(Map.of("vrf-a", 1000, "vrf-c", 3000), vrfs);
            checkTenantRoutes(1000, 1000, Map.of("192.168.0.2", "172.16.2.2"), vias);
            checkTenantRoutes(3000, 3000, Map.of("10.3.0.0/24", "172.16.1.2"), vias);
            assertEquals(List.of(), routes(2000), "tenant b's table is empty");
            assertEquals(2, nexthopsById().size(), nexthopsById().toString());
            assertEquals(Set.of("2000 tun_id 1000 lookup 1000", "2000 tun_id 3000 lookup 3000",
                    "2001 fwmark 0x3e8 iif inet0 lookup 1000", "2001 fwmark 0xbb8 iif inet0 lookup 3000"), gatewayRules());
            nft = nftTable();
            assertEquals(List.of("tenant a", "tenant c"), nft.get("mark"));
            assertEquals(List.of("tenant a", "tenant c"), nft.get("dnat"));
            assertEquals(List.of("tenant a", "tenant c"), nft.get("snat"));
            assertEquals(List.of("-"), nft.get("forward"));
            assertTrue(nftText().contains("oifname \"inet0\" ip saddr 10.3.0.5 snat ip to 198.51.100.30 comment \"tenant c\""),
                    nftText());

            GatewayReport r4 = g.reconcile(GatewayConfig.parse(edited()));
            assertEquals(0, r4.changesSent(), r4.toString());

            // teardown: the namespace as it was
            GatewayReport down = g.teardown();
            assertTrue(down.complete(), down.toString());
            assertEquals(before, snapshot());
            assertEquals(0, g.teardown().changesSent(), "a second teardown has nothing left to remove");
        }
    }

    @Test
    void theProgramReconcilesOnFileChangeAndSighupAndABadFileChangesNothing(@TempDir Path dir) throws Exception {
        topology();
        String before = snapshot();
        Path file = dir.resolve("tenants.json");
        Files.writeString(file, GatewayConfigTest.sample());
        BlockingQueue<GatewayMain.Daemon.Outcome> outcomes = new LinkedBlockingQueue<>();
        GatewayMain.Daemon d = new GatewayMain.Daemon(file, gw.handle());
        d.onOutcome(outcomes::add);
        sun.misc.SignalHandler previous = d.handleSighup();
        Thread loop = new Thread(d::run, "gateway-loop");
        loop.start();
        try {
            GatewayMain.Daemon.Outcome o = next(outcomes);
            assertEquals("start", o.cause());
            assertNull(o.error());
            assertTrue(o.report().complete() && o.report().changesSent() > 0, o.report().toString());
            String programmed = snapshot();

            // a bad file: logged, nothing sent
            Files.writeString(file, GatewayConfigTest.sample().replace("\"key\": 2000", "\"key\": 0"));
            o = next(outcomes);
            assertEquals("file changed", o.cause());
            ConfigException bad = assertInstanceOf(ConfigException.class, o.error());
            assertEquals(file.toAbsolutePath() + ": tenant \"b\": key: must be 1..4294967295, got 0", bad.getMessage());
            assertEquals(programmed, snapshot());

            // a file the namespace cannot take (no such uplink): nothing sent either
            Files.writeString(file, GatewayConfigTest.sample().replace("\"uplink\": \"inet0\"", "\"uplink\": \"inet9\""));
            o = next(outcomes);
            assertInstanceOf(IllegalStateException.class, o.error());
            assertTrue(o.error().getMessage().contains("inet9"), o.error().getMessage());
            assertEquals(programmed, snapshot());

            // the edit, written as editors do (a new file renamed over the old one)
            Path tmp = dir.resolve("tenants.json.tmp");
            Files.writeString(tmp, edited());
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            o = next(outcomes);
            assertNull(o.error());
            assertTrue(o.report().complete() && o.report().changesSent() > 0, o.report().toString());
            assertTrue(o.report().tenant("vrf-c").isPresent(), o.report().toString());
            assertFalse(Oracle.ipJson(gw.name(), "link", "show", "type", "vrf").toString().contains("vrf-b"));

            // SIGHUP: reconcile again, nothing to do
            Signal.raise(new Signal("HUP"));
            o = next(outcomes);
            assertEquals("SIGHUP", o.cause());
            assertEquals(0, o.report().changesSent(), o.report().toString());
            assertNull(outcomes.poll(1, TimeUnit.SECONDS), "one reconcile per change");
        } finally {
            Signal.handle(new Signal("HUP"), previous);
            d.stop();
            loop.join(10_000);
            try {
                assertFalse(loop.isAlive());
                assertTrue(d.gateway().teardown().complete());
            } finally {
                d.close();
            }
        }
        assertEquals(before, snapshot());
    }

    private static GatewayMain.Daemon.Outcome next(BlockingQueue<GatewayMain.Daemon.Outcome> q) throws InterruptedException {
        GatewayMain.Daemon.Outcome o = q.poll(60, TimeUnit.SECONDS);
        assertNotNull(o, "no reconcile within 60 s");
        return o;
    }

    @Test
    void aTenantWhoseTableChangesIsMadeAgain() throws IOException {
        topology();
        try (Gateway g = Gateway.open(gw.handle())) {
            assertTrue(g.reconcile(GatewayConfig.parse(GatewayConfigTest.sample())).complete());
            GatewayReport r = g.reconcile(GatewayConfig.parse(GatewayConfigTest.sample().replace("\"table\": 2000",
                    "\"table\": 2500")));
            assertTrue(r.complete(), r.toString());
            Map<String, Integer> vrfs = new HashMap<>();
            Oracle.ipJson(gw.name(), "-d", "link", "show", "type", "vrf").forEach(l -> vrfs.put(l.path("ifname").asText(),
                    l.path("linkinfo").path("info_data").path("table").asInt()));
            assertEquals(Map.of("vrf-a", 1000, "vrf-b", 2500), vrfs);
            assertEquals(0, r.tenant("vrf-a").orElseThrow().changesSent(), r.toString());
            assertTrue(gatewayRules().contains("2000 tun_id 2000 lookup 2500"), gatewayRules().toString());
            // a VRF that is not the gateway's keeps its table: the file is refused before anything is sent
            Cmd.ip(gw.name(), "link", "add", "vrf-x", "type", "vrf", "table", "4000");
            String now = snapshot();
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> g.reconcile(GatewayConfig.parse(
                    GatewayConfigTest.sample().replace("\"table\": 2000", "\"table\": 4000"))));
            assertTrue(e.getMessage().startsWith("tenant \"b\": table: 4000 belongs to VRF vrf-x"), e.getMessage());
            assertEquals(now, snapshot());
            Cmd.ip(gw.name(), "link", "del", "vrf-x");
            g.teardown();
        }
    }
}
