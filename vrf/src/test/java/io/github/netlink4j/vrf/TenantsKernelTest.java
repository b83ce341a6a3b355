package io.github.netlink4j.vrf;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.netlink4j.core.NetNs;
import io.github.netlink4j.core.NetlinkRequest;
import io.github.netlink4j.rtnl.Route;
import io.github.netlink4j.rtnl.RtEvent;
import io.github.netlink4j.rtnl.RtEvents;
import io.github.netlink4j.rtnl.Rtnetlink;
import io.github.netlink4j.rtnl.RtnlGroup;
import io.github.netlink4j.testkit.Cmd;
import io.github.netlink4j.testkit.KernelFeature;
import io.github.netlink4j.testkit.KernelTest;
import io.github.netlink4j.testkit.Oracle;
import io.github.netlink4j.testkit.TempNetns;
import io.github.netlink4j.tunnel.IpEncap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tenants applied by the library on a real kernel: traffic isolation between two tenants with the
 * same addresses, ip's view of what was applied, minimal changes, removal, and errors.
 */
@KernelTest(needs = {KernelFeature.VRF, KernelFeature.GRE})
class TenantsKernelTest {
    @RegisterExtension
    final TempNetns gw = new TempNetns();
    @RegisterExtension
    final TempNetns hvA = new TempNetns();
    @RegisterExtension
    final TempNetns hvB = new TempNetns();
    @RegisterExtension
    final TempNetns tA = new TempNetns();
    @RegisterExtension
    final TempNetns tB = new TempNetns();

    private static final String GW_TUN_MAC = "02:00:00:00:00:fe";

    /** Tenant A's or B's description: VRF, the member facing its namespace, the tunnel-key rule, the overlay route. */
    static Tenant tenant(char which) {
        boolean a = which == 'a';
        long key = a ? 1000 : 2000;
        return Tenant.builder("vrf-" + which, a ? 100 : 200)
                .member(which + "0")
                .tunnelKeyRule(key, a ? 900 : 901)
                .route(Route.to("10.0.0.0/24").via(a ? "1.1.1.11" : "1.1.1.12").dev("tun")
                        .encap(IpEncap.id(key).dst(a ? "172.168.1.1" : "172.168.2.1").key().build()).build())
                .build();
    }

    /**
     * The overlay gateway in miniature. gw holds one external gretap "tun" (1.1.1.254/24) and the
     * underlay veths to two hypervisors; each hypervisor ns has a keyed gretap (key 1000 / 2000) with
     * the tenant VM address 10.0.0.11 — the same in both — and each tenant ns reaches the gateway over
     * a veth (192.168.0.2 -> 192.168.0.1, also the same in both) that the tenant enslaves to its VRF.
     */
    void topology() {
        String g = gw.name();
        Cmd.inNetns(g, "sysctl", "-qw", "net.ipv4.ip_forward=1");
        // no duplicate address detection: link-local addresses (and their local routes) appear at once,
        // so before/after listings do not depend on timing
        Cmd.inNetns(g, "sysctl", "-qw", "net.ipv6.conf.all.accept_dad=0");
        Cmd.inNetns(g, "sysctl", "-qw", "net.ipv6.conf.default.accept_dad=0");
        Cmd.ip(g, "link", "add", "tun", "address", GW_TUN_MAC, "type", "gretap", "external");
        Cmd.ip(g, "addr", "add", "1.1.1.254/24", "dev", "tun");
        Cmd.ip(g, "link", "set", "tun", "up");
        hypervisor(hvA, "ulA", 1, 1000, "1.1.1.11", "02:00:00:00:00:0a");
        hypervisor(hvB, "ulB", 2, 2000, "1.1.1.12", "02:00:00:00:00:0b");
        tenantSide(tA, "a0");
        tenantSide(tB, "b0");
    }

    private void hypervisor(TempNetns hv, String ul, int n, long key, String via, String mac) {
        String g = gw.name();
        String h = hv.name();
        Cmd.ip(g, "link", "add", ul, "type", "veth", "peer", "name", "ul", "netns", h);
        Cmd.ip(g, "addr", "add", "172.168." + n + ".254/24", "dev", ul);
        Cmd.ip(g, "link", "set", ul, "up");
        Cmd.ip(g, "neigh", "add", via, "lladdr", mac, "dev", "tun", "nud", "permanent");
        Cmd.ip(h, "link", "set", "lo", "up");
        Cmd.ip(h, "addr", "add", "172.168." + n + ".1/24", "dev", "ul");
        Cmd.ip(h, "link", "set", "ul", "up");
        Cmd.ip(h, "link", "add", "gre1", "address", mac, "type", "gretap", "local", "172.168." + n + ".1", "remote",
                "172.168." + n + ".254", "key", Long.toString(key));
        Cmd.ip(h, "addr", "add", "10.0.0.11/24", "dev", "gre1");
        Cmd.ip(h, "addr", "add", via + "/24", "dev", "gre1");
        Cmd.ip(h, "link", "set", "gre1", "up");
        Cmd.ip(h, "neigh", "add", "1.1.1.254", "lladdr", GW_TUN_MAC, "dev", "gre1", "nud", "permanent");
        // from the VM's address, not from the tunnel-side one (which no tenant route leads back to)
        Cmd.ip(h, "route", "add", "192.168.0.0/24", "via", "1.1.1.254", "dev", "gre1", "src", "10.0.0.11");
    }

    private void tenantSide(TempNetns t, String member) {
        Cmd.ip(gw.name(), "link", "add", member, "type", "veth", "peer", "name", "eth0", "netns", t.name());
        Cmd.ip(gw.name(), "addr", "add", "192.168.0.1/24", "dev", member);
        Cmd.ip(gw.name(), "link", "set", member, "up");
        Cmd.ip(t.name(), "link", "set", "lo", "up");
        Cmd.ip(t.name(), "addr", "add", "192.168.0.2/24", "dev", "eth0");
        Cmd.ip(t.name(), "link", "set", "eth0", "up");
        Cmd.ip(t.name(), "route", "add", "default", "via", "192.168.0.1");
    }

    private static long rxPackets(TempNetns ns, String dev) {
        return Oracle.ipJson(ns.name(), "-s", "link", "show", dev).get(0).path("stats64").path("rx").path("packets").asLong();
    }

    @Test
    void twoTenantsWithTheSameAddressesStayApart() throws Exception {
        topology();
        try (Rtnetlink rt = Rtnetlink.open(gw.handle())) {
            Tenants tenants = Tenants.of(rt);
            TenantReport ra = tenants.apply(tenant('a'));
            TenantReport rb = tenants.apply(tenant('b'));
            assertTrue(ra.complete() && rb.complete(), ra + "\n" + rb);

            // ip agrees with the library: VRFs and tables, rules, routes per VRF
            JsonNode vrfLinks = Oracle.ipJson(gw.name(), "-d", "link", "show", "type", "vrf");
            assertEquals(2, vrfLinks.size(), vrfLinks.toString());
            for (JsonNode l : vrfLinks) {
                String name = l.path("ifname").asText();
                Tenant read = tenants.read(name).orElseThrow();
                assertEquals(l.path("linkinfo").path("info_data").path("table").asInt(), read.table());
                java.util.Set<String> members = new java.util.HashSet<>();
                Oracle.ipJson(gw.name(), "link", "show", "master", name).forEach(m -> members.add(m.path("ifname").asText()));
                assertEquals(members, read.members());
            }
            for (char w : new char[] {'a', 'b'}) {
                Tenant want = tenant(w);
                Tenant got = tenants.read("vrf-" + w).orElseThrow();
                assertEquals(canonical(want), canonical(got));
                JsonNode routes = Oracle.ipJson(gw.name(), "route", "show", "vrf", "vrf-" + w, "proto", "200");
                assertEquals(1, routes.size(), routes.toString());
                JsonNode r = routes.get(0);
                assertEquals("10.0.0.0/24", r.path("dst").asText());
                JsonNode nh = Oracle.ipJson(gw.name(), "nexthop", "show", "id", r.path("nhid").asText()).get(0);
                assertEquals(w == 'a' ? "1.1.1.11" : "1.1.1.12", nh.path("gateway").asText());
                assertEquals("tun", nh.path("dev").asText());
                // ip prints the encap's fields flat, its "id" after the object's own
                assertEquals("ip", nh.path("encap").asText(), nh.toString());
                assertEquals(w == 'a' ? 1000 : 2000, nh.path("id#2").asInt(), nh.toString());
                assertEquals(w == 'a' ? "172.168.1.1" : "172.168.2.1", nh.path("dst").asText());
                assertTrue(nh.path("key").asBoolean(), nh.toString());
            }
            JsonNode rules = Oracle.ipJson(gw.name(), "rule", "show");
            int tunRules = 0;
            for (JsonNode rule : rules) {
                if (rule.has("tun_id")) {
                    tunRules++;
                    int table = rule.path("table").asInt();
                    assertEquals(table == 100 ? 1000 : 2000, rule.path("tun_id").asInt(), rule.toString());
                    assertEquals(table == 100 ? 900 : 901, rule.path("priority").asInt());
                }
            }
            assertEquals(2, tunRules, rules.toString());
        }

        // traffic: each tenant's pings reach its own hypervisor and never the other one
        for (char w : new char[] {'a', 'b'}) {
            TempNetns from = w == 'a' ? tA : tB;
            TempNetns own = w == 'a' ? hvA : hvB;
            TempNetns other = w == 'a' ? hvB : hvA;
            long ownBefore = rxPackets(own, "gre1");
            long otherBefore = rxPackets(other, "gre1");
            Cmd.inNetns(from.name(), "ping", "-c", "3", "-i", "0.2", "-W", "3", "10.0.0.11");
            assertTrue(rxPackets(own, "gre1") - ownBefore >= 3, "tenant " + w + "'s pings did not reach its hypervisor");
            assertEquals(otherBefore, rxPackets(other, "gre1"), "tenant " + w + "'s pings reached the other hypervisor");
        }

        // TCP both ways: the VM answers with its tenant's name, and so does the tenant namespace
        try (Server sa = Server.start(hvA.handle(), "10.0.0.11", 7000, "hypervisor-a");
             Server sb = Server.start(hvB.handle(), "10.0.0.11", 7000, "hypervisor-b");
             Server ca = Server.start(tA.handle(), "192.168.0.2", 7001, "tenant-a");
             Server cb = Server.start(tB.handle(), "192.168.0.2", 7001, "tenant-b")) {
            assertEquals("hypervisor-a", Server.ask("tenant a", tA.handle(), "10.0.0.11", 7000));
            assertEquals("hypervisor-b", Server.ask("tenant b", tB.handle(), "10.0.0.11", 7000));
            assertEquals("tenant-a", Server.ask("hypervisor a", hvA.handle(), "192.168.0.2", 7001));
            assertEquals("tenant-b", Server.ask("hypervisor b", hvB.handle(), "192.168.0.2", 7001));
        }
    }

    /** A one-line TCP server inside a namespace. */
    record Server(ServerSocket socket, Thread thread) implements AutoCloseable {
        static Server start(NetNs ns, String address, int port, String answer) {
            ServerSocket ss = ns.call(() -> {
                ServerSocket s = new ServerSocket();
                s.setReuseAddress(true);
                s.bind(new InetSocketAddress(InetAddress.getByName(address), port));
                return s;
            });
            Thread t = new Thread(() -> {
                while (!ss.isClosed()) {
                    try (Socket c = ss.accept(); OutputStream out = c.getOutputStream()) {
                        out.write((answer + "\n").getBytes(StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "server-" + answer);
            t.setDaemon(true);
            t.start();
            return new Server(ss, t);
        }

        static String ask(String who, NetNs ns, String address, int port) {
            return ns.call(() -> {
                try {
                    return ask(address, port);
                } catch (IOException e) {
                    throw new AssertionError(who + " could not reach " + address + ":" + port + ": " + e, e);
                }
            });
        }

        private static String ask(String address, int port) throws IOException {
            {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(InetAddress.getByName(address), port), 10_000);
                    s.setSoTimeout(10_000);
                    InputStream in = s.getInputStream();
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** A description in words, for comparing what was described with what the kernel holds. */
    static String canonical(Tenant t) {
        TreeSet<String> lines = new TreeSet<>();
        lines.add("vrf " + t.vrf() + " table " + Integer.toUnsignedString(t.table()));
        t.members().forEach(m -> lines.add("member " + m));
        for (Route r : t.routes()) {
            String s = r.dst() + r.gateway().map(g -> " via " + g.getHostAddress()).orElse("")
                    + r.dev().map(d -> " dev " + d).orElse("")
                    + r.encap().map(e -> " " + e.normalized().toIpArgs()).orElse("")
                    + r.priority().stream().mapToObj(p -> " metric " + p).findFirst().orElse("");
            lines.add("route " + s);
        }
        t.rules().forEach(r -> lines.add("rule " + r.family() + " " + r.toIpArgs()));
        return String.join("\n", lines);
    }

    /** What ip prints of everything a tenant could touch, each list sorted. */
    private String snapshot() {
        String g = gw.name();
        StringBuilder sb = new StringBuilder();
        for (String[] args : List.of(new String[] {"-d", "link", "show"}, new String[] {"addr", "show"},
                new String[] {"route", "show", "table", "all"}, new String[] {"-6", "route", "show", "table", "all"},
                new String[] {"rule", "show"}, new String[] {"-6", "rule", "show"}, new String[] {"nexthop", "show"})) {
            TreeSet<String> items = new TreeSet<>();
            // an IPv6 address still in duplicate address detection is "tentative" for a moment: not a change
            Oracle.ipJson(g, args).forEach(n -> items.add(n.toString().replace("\"tentative\":true,", "")));
            sb.append(String.join(" ", args)).append(":\n  ").append(String.join("\n  ", items)).append('\n');
        }
        return sb.toString();
    }

    /** Fails with only the lines that differ. */
    static void assertSameSnapshot(String before, String after) {
        if (before.equals(after)) {
            return;
        }
        java.util.Map<String, Integer> count = new java.util.TreeMap<>();
        for (String l : before.split("\n")) {
            count.merge(l, 1, Integer::sum);
        }
        for (String l : after.split("\n")) {
            count.merge(l, -1, Integer::sum);
        }
        StringBuilder sb = new StringBuilder("the namespace differs from before (lines gone -, lines new +):");
        count.forEach((l, n) -> {
            for (int i = 0; i < Math.abs(n); i++) {
                sb.append(n > 0 ? "\n- " : "\n+ ").append(l);
            }
        });
        throw new AssertionError(sb.toString());
    }

    @Test
    void onlyTheDifferenceIsSentAndRemoveRestoresTheNamespace() {
        topology();
        try (Rtnetlink rt = Rtnetlink.open(gw.handle())) {
            Tenants tenants = Tenants.of(rt);
            tenants.apply(tenant('b'));
            String before = snapshot();

            Tenant a = tenant('a').toBuilder()
                    .route(Route.to("10.0.1.0/24").via("1.1.1.11").dev("tun")
                            .encap(IpEncap.id(1000).dst("172.168.1.1").key().build()).build())
                    .route(Route.to("10.0.2.0/24").via("1.1.1.11").dev("tun")
                            .encap(IpEncap.id(1000).dst("172.168.1.9").key().build()).build())
                    .route(Route.to("192.168.7.0/24").via("192.168.0.2").dev("a0").build())
                    .build();
            TenantReport first = tenants.apply(a);
            // VRF, enslave a0, 2 nexthop objects (two distinct remote hosts), 4 routes, 2 rules
            assertEquals(1 + 1 + 2 + 4 + 2, first.changesSent(), first.applied().toString());
            assertEquals(3, Oracle.ipJson(gw.name(), "nexthop", "show").size(), "tenant b has one nexthop object, tenant a two");

            // the same description again: nothing sent, and the kernel announces no change
            try (RtEvents events = RtEvents.open(gw.handle(), RtnlGroup.LINK, RtnlGroup.IPV4_ROUTE, RtnlGroup.IPV6_ROUTE,
                    RtnlGroup.IPV4_RULE, RtnlGroup.IPV6_RULE, RtnlGroup.NEXTHOP)) {
                TenantReport again = tenants.apply(a);
                assertEquals(0, again.changesSent(), again.applied().toString());
                Optional<RtEvent> e = events.next(Duration.ofMillis(500));
                assertTrue(e.isEmpty(), "the kernel announced a change: " + e);
            }

            // change one encap, drop one route, add one: exactly those are sent
            Tenant changed = a.toBuilder().clearRoutes()
                    .route(a.routes().get(0))
                    .route(Route.to("10.0.1.0/24").via("1.1.1.11").dev("tun")
                            .encap(IpEncap.id(1000).dst("172.168.1.9").key().build()).build())
                    .route(Route.to("192.168.7.0/24").via("192.168.0.2").dev("a0").build())
                    .route(Route.to("192.168.8.0/24").via("192.168.0.2").dev("a0").build())
                    .build();
            TenantReport diff = tenants.apply(changed);
            List<String> sent = new ArrayList<>();
            for (NetlinkRequest r : diff.applied()) {
                sent.add(r.toString());
            }
            assertEquals(3, diff.changesSent(), sent.toString());
            assertTrue(sent.stream().anyMatch(s -> s.startsWith("ip route replace 10.0.1.0/24 ") && s.contains("nhid")), sent.toString());
            assertTrue(sent.stream().anyMatch(s -> s.startsWith("ip route add 192.168.8.0/24")), sent.toString());
            assertTrue(sent.stream().anyMatch(s -> s.startsWith("ip route del 10.0.2.0/24")), sent.toString());
            assertEquals(canonical(changed), canonical(tenants.read("vrf-a").orElseThrow()));
            // 10.0.1.0/24 now shares 10.0.2.0/24's former remote host: still two objects, none left unused
            assertEquals(3, Oracle.ipJson(gw.name(), "nexthop", "show").size());

            TenantReport removed = tenants.remove("vrf-a");
            assertTrue(removed.complete(), removed.toString());
            // deletes of dumped routes print their devices by name, as ip does
            List<String> removes = removed.applied().stream().map(Object::toString).toList();
            assertTrue(removes.stream().anyMatch(x -> x.startsWith("ip route del 192.168.7.0/24 via 192.168.0.2 dev a0 ")),
                    removes.toString());
            assertTrue(removes.stream().noneMatch(x -> x.contains(" dev if")), removes.toString());
            assertSameSnapshot(before, snapshot());
            assertEquals(0, tenants.remove("vrf-a").changesSent());
            assertEquals(canonical(tenant('b')), canonical(tenants.read("vrf-b").orElseThrow()));
        }
    }

    @Test
    void impossibleDescriptionsAreRefusedBeforeAnythingIsSent() {
        topology();
        try (Rtnetlink rt = Rtnetlink.open(gw.handle())) {
            Tenants tenants = Tenants.of(rt);
            tenants.apply(tenant('a'));
            String before = snapshot();

            IllegalStateException table = assertThrows(IllegalStateException.class,
                    () -> tenants.apply(Tenant.builder("vrf-x", 100).build()));
            assertTrue(table.getMessage().contains("table 100 already belongs to VRF vrf-a"), table.getMessage());
            IllegalStateException name = assertThrows(IllegalStateException.class,
                    () -> tenants.apply(Tenant.builder("tun", 300).build()));
            assertTrue(name.getMessage().contains("exists and is not a VRF"), name.getMessage());
            IllegalStateException enslaved = assertThrows(IllegalStateException.class,
                    () -> tenants.apply(Tenant.builder("vrf-y", 300).member("a0").build()));
            assertTrue(enslaved.getMessage().contains("a0 is already enslaved to vrf-a"), enslaved.getMessage());
            IllegalStateException otherTable = assertThrows(IllegalStateException.class,
                    () -> tenants.apply(Tenant.builder("vrf-a", 101).member("a0").build()));
            assertTrue(otherTable.getMessage().contains("cannot change"), otherTable.getMessage());
            IllegalStateException noDev = assertThrows(IllegalStateException.class, () -> tenants.apply(tenant('a').toBuilder()
                    .route(Route.to("10.9.0.0/24").dev("nosuchdev").build()).build()));
            assertTrue(noDev.getMessage().contains("nosuchdev"), noDev.getMessage());
            assertThrows(IllegalArgumentException.class, () -> Tenant.builder("vrf-a", 254).build());
            assertThrows(IllegalArgumentException.class, () -> Tenant.builder("a-name-too-long-for-linux", 5).build());
            assertSameSnapshot(before, snapshot());

            // the kernel refuses one route midway: the report says what went in and what did not
            Tenant partly = tenant('a').toBuilder()
                    .route(Route.to("10.5.0.0/24").via("192.168.0.2").dev("a0").build())
                    .route(Route.to("10.6.0.0/24").via("203.0.113.1").dev("a0").build())   // no route to this gateway
                    .route(Route.to("10.7.0.0/24").via("192.168.0.2").dev("a0").build())
                    .build();
            TenantException e = assertThrows(TenantException.class, () -> tenants.apply(partly));
            TenantReport report = e.report();
            assertEquals(1, report.refused().size(), report.toString());
            assertTrue(report.refused().get(0).change().toString().contains("10.6.0.0/24"), report.toString());
            assertTrue(report.refused().get(0).error().getMessage().contains("ENETUNREACH")
                    || report.refused().get(0).error().getMessage().contains("gateway"), report.toString());
            assertEquals(2, report.applied().size(), report.toString());
            JsonNode routes = Oracle.ipJson(gw.name(), "route", "show", "vrf", "vrf-a", "proto", "200");
            TreeSet<String> dsts = new TreeSet<>();
            routes.forEach(r -> dsts.add(r.path("dst").asText()));
            assertEquals(new TreeSet<>(List.of("10.0.0.0/24", "10.5.0.0/24", "10.7.0.0/24")), dsts);
            assertFalse(report.complete());
        }
    }
}
