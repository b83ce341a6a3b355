package io.github.netlink4j.examples.probe;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.netlink4j.core.NetNs;
import io.github.netlink4j.testkit.Cmd;
import io.github.netlink4j.testkit.KernelCondition;
import io.github.netlink4j.testkit.KernelFeature;
import io.github.netlink4j.testkit.KernelTest;
import io.github.netlink4j.testkit.Oracle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The probe on the running kernel, checked against oracles built with {@code ip} and {@code nft} in
 * scratch namespaces of their own: each feature is supported by the probe exactly when the tools'
 * version of the same experiment works, and when the tools are refused the probe's detail carries
 * the same kernel error. Runs on the host (6.18: no VRF, GRE, flowtables) and in the test VM
 * (Debian 6.1, where VRF, gretap and flowtables must be "yes"). Each run writes the probe's table
 * to {@code examples/target/probe-RELEASE.txt}.
 */
@KernelTest
class KernelProbeKernelTest {
    static List<ProbeResult> results;
    static final Map<ProbeFeature, ProbeResult> BY_FEATURE = new EnumMap<>(ProbeFeature.class);
    static List<String> netnsBefore;

    @BeforeAll
    static void probe() throws Exception {
        if (!"root".equals(System.getProperty("user.name"))) {
            return; // KernelCondition aborts (or fails, in the VM) every test
        }
        netnsBefore = NetNs.list();
        long t0 = System.nanoTime();
        results = KernelProbe.run();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        results.forEach(r -> BY_FEATURE.put(r.feature(), r));
        String release = KernelProbe.kernelRelease();
        Path dir = Files.isDirectory(Path.of("examples")) ? Path.of("examples", "target") : Path.of("target");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("probe-" + release + ".txt"), "kernel " + release
                + (KernelCondition.inVm() ? " (test VM)" : "") + ", probe took " + ms + " ms\n\n" + KernelProbe.table(results));
    }

    @Test
    void everyFeatureIsAnsweredOnceInOrder() {
        assertEquals(List.of(ProbeFeature.values()), results.stream().map(ProbeResult::feature).toList());
        for (ProbeResult r : results) {
            assertEquals(!r.supported(), r.detail().isPresent(), r.toString());
            r.detail().ifPresent(d -> assertFalse(d.contains("\n"), "one line: " + d));
            r.detail().ifPresent(d -> assertFalse(d.startsWith("timed out"), r.toString()));
        }
    }

    @Test
    void noNamespaceIsLeftBehind() {
        List<String> left = new ArrayList<>(NetNs.list());
        left.removeAll(netnsBefore);
        assertEquals(List.of(), left.stream().filter(n -> n.startsWith("nl4j-probe-")).toList());
    }

    // ------------------------------------------------------------ creation: oracle = the tools' own attempt

    @Test
    void vrfAsIpSeesIt() {
        assertAgrees(ProbeFeature.VRF, KernelFeature.VRF);
    }

    @Test
    void gretapExternalAsIpSeesIt() {
        assertAgrees(ProbeFeature.GRETAP_EXTERNAL, KernelFeature.GRE);
    }

    @Test
    void flowtablesAsNftSeesThem() {
        // the tools' attempt: a flowtable on two veths and a flow add rule, as the probe does
        Cmd.Result r = Cmd.run(List.of("unshare", "-n", "sh", "-c", KernelFeature.FLOWTABLE.probe()
                + " && nft add chain inet t fw '{ type filter hook forward priority 0; }'"
                + " && nft add rule inet t fw ct state established flow add @f"), 60);
        assertAgrees(ProbeFeature.FLOWTABLES, r.exitCode() == 0, r.stderr() + r.stdout());
    }

    @Test
    void inTheVmVrfGretapFlowtablesAndKeyedRoutesWork() {
        if (!KernelCondition.inVm()) {
            return;
        }
        for (ProbeFeature f : List.of(ProbeFeature.VRF, ProbeFeature.GRETAP_EXTERNAL, ProbeFeature.FLOWTABLES,
                ProbeFeature.LWTUNNEL_KEY)) {
            assertTrue(BY_FEATURE.get(f).supported(), "the test VM's kernel has " + f + ": " + BY_FEATURE.get(f));
        }
    }

    @Test
    void onAKernelWithoutModulesTheErrorsAreTheKernels() {
        if (KernelFeature.GRE.present()) {
            return;
        }
        // no gretap: both tunnel experiments fail at their first gretap, with the kernel's words for it
        for (ProbeFeature f : List.of(ProbeFeature.LWTUNNEL_KEY, ProbeFeature.KEYED_GRETAP_LWTUNNEL)) {
            ProbeResult r = BY_FEATURE.get(f);
            assertFalse(r.supported(), r.toString());
            assertTrue(r.detail().orElseThrow().contains(errorText(KernelFeature.GRE.failure())), r + " vs ip: "
                    + KernelFeature.GRE.failure());
            assertTrue(r.detail().orElseThrow().contains("type gretap"), r.toString());
        }
    }

    // ------------------------------------------------------------ behaviour: oracle = the same experiment with ip

    @Test
    void lwtunnelKeyAsTheToolsSeeIt() {
        tunnelExperiment(ProbeFeature.LWTUNNEL_KEY, "type gretap external");
    }

    @Test
    void keyedGretapWithLwtunnelRoutesAsTheToolsSeeIt() {
        tunnelExperiment(ProbeFeature.KEYED_GRETAP_LWTUNNEL, "type gretap key 2000 local 172.31.0.1");
    }

    /**
     * A: veth 172.31.0.1, gretap {@code tun} (as given), 10.200.1.1/32, neighbour 10.200.1.2 at gk's MAC,
     * {@code 10.200.1.2 dev tun encap ip id 1000 dst 172.31.0.2 key}; B: gretaps gk (key 1000) and gj
     * (key 2000). Three pings from A; the key is sent when gk's rx counter ({@code ip -s -j}) moved.
     */
    private void tunnelExperiment(ProbeFeature f, String tunType) {
        ProbeResult probe = BY_FEATURE.get(f);
        if (!KernelFeature.GRE.present()) {
            assertFalse(probe.supported(), probe.toString());
            return;
        }
        String tag = tag();
        String a = "nl4j-or-" + tag + "-a";
        String b = "nl4j-or-" + tag + "-b";
        try {
            String script = String.join("\n",
                    "set -e",
                    "ip netns add " + a, "ip netns add " + b,
                    "for n in " + a + " " + b + "; do ip -n $n link set lo up;"
                            + " ip netns exec $n sysctl -qw net.ipv6.conf.default.disable_ipv6=1 net.ipv6.conf.all.disable_ipv6=1 || true; done",
                    "ip -n " + a + " link add ul type veth peer name ul netns " + b,
                    "ip -n " + a + " addr add 172.31.0.1/24 dev ul", "ip -n " + a + " link set ul up",
                    "ip -n " + b + " addr add 172.31.0.2/24 dev ul", "ip -n " + b + " link set ul up",
                    "ip -n " + b + " link add gk address 02:00:00:00:0b:01 type gretap local 172.31.0.2 key 1000",
                    "ip -n " + b + " link add gj address 02:00:00:00:0b:02 type gretap local 172.31.0.2 key 2000",
                    "ip -n " + b + " link set gk up", "ip -n " + b + " link set gj up",
                    "ip -n " + b + " addr add 10.200.1.2/32 dev gk",
                    "ip -n " + a + " link add tun " + tunType, "ip -n " + a + " link set tun up",
                    "ip -n " + a + " addr add 10.200.1.1/32 dev tun",
                    "ip -n " + a + " neigh add 10.200.1.2 lladdr 02:00:00:00:0b:01 dev tun nud permanent",
                    "ip -n " + a + " route add 10.200.1.2 dev tun encap ip id 1000 dst 172.31.0.2 key",
                    "ip netns exec " + a + " ping -c 3 -i 0.2 -W 1 10.200.1.2 >/dev/null || true",
                    "sleep 1");
            Cmd.run(List.of("sh", "-c", script), 120).orThrow();
            long gk = rxPackets(b, "gk");
            long gj = rxPackets(b, "gj");
            boolean oracle = gk > 0;
            assertEquals(oracle, probe.supported(), "ip's experiment: gk received " + gk + ", gj " + gj + "; probe: " + probe);
            if (f == ProbeFeature.KEYED_GRETAP_LWTUNNEL && gj > 0 && gk == 0) {
                assertTrue(probe.detail().orElseThrow().contains("device's own key"), probe.toString());
            }
        } finally {
            for (String n : List.of(a, b)) {
                Cmd.run(List.of("ip", "netns", "del", n), 30);
            }
        }
    }

    private static long rxPackets(String netns, String dev) {
        JsonNode j = Oracle.ipJson(netns, "-s", "link", "show", "dev", dev).get(0);
        return j.path("stats64").path("rx").path("packets").asLong();
    }

    @Test
    void flowOffloadWithDnatAsTheToolsSeeIt() throws Exception {
        offloadExperiment(ProbeFeature.FLOW_OFFLOAD_DNAT, false);
    }

    @Test
    void flowOffloadWithVrfAsTheToolsSeeIt() throws Exception {
        offloadExperiment(ProbeFeature.FLOW_OFFLOAD_VRF, true);
    }

    /**
     * The probe's topology built with ip and nft; a TCP connection exchanges 10 echoes then 20 more; the
     * flow is offloaded when conntrack marks it {@code [OFFLOAD]} and nft's forward counter stood still.
     */
    private void offloadExperiment(ProbeFeature f, boolean vrf) throws Exception {
        ProbeResult probe = BY_FEATURE.get(f);
        if (!KernelFeature.FLOWTABLE.present() || vrf && !KernelFeature.VRF.present()) {
            assertFalse(probe.supported(), probe.toString());
            String missing = !KernelFeature.FLOWTABLE.present() && !vrf ? KernelFeature.FLOWTABLE.failure()
                    : vrf && !KernelFeature.VRF.present() ? KernelFeature.VRF.failure() : KernelFeature.FLOWTABLE.failure();
            assertTrue(probe.detail().orElseThrow().contains(errorText(missing)), probe + " vs the tools: " + missing);
            return;
        }
        String tag = tag();
        String cl = "nl4j-or-" + tag + "-cl";
        String rtr = "nl4j-or-" + tag + "-rtr";
        String sv = "nl4j-or-" + tag + "-sv";
        try {
            List<String> lines = new ArrayList<>(List.of("set -e",
                    "ip netns add " + cl, "ip netns add " + rtr, "ip netns add " + sv,
                    "for n in " + cl + " " + rtr + " " + sv + "; do ip -n $n link set lo up; done",
                    "ip netns exec " + rtr + " sysctl -qw net.ipv4.ip_forward=1 net.ipv4.conf.all.rp_filter=0"
                            + " net.ipv4.conf.default.rp_filter=0",
                    "ip -n " + cl + " link add c0 type veth peer name r0 netns " + rtr,
                    "ip -n " + sv + " link add s0 type veth peer name r1 netns " + rtr));
            if (vrf) {
                lines.addAll(List.of("ip -n " + rtr + " link add vrf-sv type vrf table 10",
                        "ip -n " + rtr + " link set vrf-sv up", "ip -n " + rtr + " link set r1 master vrf-sv"));
            }
            lines.addAll(List.of(
                    "ip -n " + cl + " addr add 10.1.0.2/24 dev c0", "ip -n " + cl + " link set c0 up",
                    "ip -n " + rtr + " addr add 10.1.0.1/24 dev r0", "ip -n " + rtr + " link set r0 up",
                    "ip -n " + rtr + " addr add 10.0.0.1/24 dev r1", "ip -n " + rtr + " link set r1 up",
                    "ip -n " + sv + " addr add 10.0.0.2/24 dev s0", "ip -n " + sv + " link set s0 up",
                    "ip -n " + cl + " route add default via 10.1.0.1",
                    "ip -n " + sv + " route add default via 10.0.0.1"));
            if (vrf) {
                lines.addAll(List.of("ip -n " + rtr + " route add 10.0.0.0/24 dev r1",
                        "ip -n " + rtr + " route add 10.1.0.0/24 dev r0 table 10"));
            }
            Cmd.run(List.of("sh", "-c", String.join("\n", lines)), 120).orThrow();
            String nft = "table ip t {\n"
                    + " flowtable ft { hook ingress priority 0; devices = { r0, r1 }; }\n"
                    + " chain fw { type filter hook forward priority 0; counter; ct state established flow add @ft; }\n"
                    + (vrf ? "" : " chain pre { type nat hook prerouting priority -100; ip daddr 203.0.113.10 tcp dport 80"
                    + " dnat to 10.0.0.2:8080; }\n")
                    + "}\n";
            Cmd.run(List.of("ip", "netns", "exec", rtr, "nft", "-f", "-"), nft, 60).orThrow();

            boolean offloaded;
            String why;
            try (NetNs svNs = NetNs.open(sv); NetNs clNs = NetNs.open(cl);
                 ServerSocket server = svNs.call(() -> {
                     ServerSocket s = new ServerSocket();
                     s.setReuseAddress(true);
                     s.bind(new InetSocketAddress("10.0.0.2", 8080));
                     return s;
                 })) {
                Thread echo = new Thread(() -> echo(server), "oracle-echo");
                echo.setDaemon(true);
                echo.start();
                try (Socket c = clNs.call(() -> {
                    Socket s = new Socket();
                    s.setTcpNoDelay(true);
                    s.setSoTimeout(5_000);
                    s.connect(vrf ? new InetSocketAddress("10.0.0.2", 8080) : new InetSocketAddress("203.0.113.10", 80), 5_000);
                    return s;
                })) {
                    exchange(c, 10);
                    Thread.sleep(300);
                    // as the probe: up to 3 rounds of 20, offloaded when the counter stands still in one
                    boolean talked = true;
                    long before = 0;
                    long after = -1;
                    for (int w = 0; w < 3 && before != after && talked; w++) {
                        before = forwardCounter(rtr);
                        try {
                            exchange(c, 20);
                        } catch (Exception e) {
                            talked = false;
                        }
                        after = forwardCounter(rtr);
                    }
                    String ct = Cmd.inNetns(rtr, "cat", "/proc/net/nf_conntrack");
                    boolean offloadMark = ct.lines().anyMatch(l -> l.contains("dport=" + (vrf ? 8080 : 80) + " ")
                            && l.contains("[OFFLOAD]"));
                    offloaded = talked && offloadMark && before == after;
                    why = "talked " + talked + ", [OFFLOAD] " + offloadMark + ", forward counter " + before + " -> " + after;
                }
            }
            assertEquals(offloaded, probe.supported(), "the tools' experiment: " + why + "; probe: " + probe);
        } finally {
            for (String n : List.of(cl, rtr, sv)) {
                Cmd.run(List.of("ip", "netns", "del", n), 30);
            }
        }
    }

    private static long forwardCounter(String netns) {
        JsonNode j = Oracle.nftJson(netns, "list", "chain", "ip", "t", "fw");
        for (JsonNode item : j.path("nftables")) {
            JsonNode rule = item.path("rule");
            for (JsonNode e : rule.path("expr")) {
                if (e.has("counter")) {
                    return e.path("counter").path("packets").asLong();
                }
            }
        }
        throw new AssertionError("no counter in nft's listing: " + j);
    }

    private static void exchange(Socket c, int n) throws Exception {
        OutputStream out = c.getOutputStream();
        DataInputStream in = new DataInputStream(c.getInputStream());
        for (int i = 0; i < n; i++) {
            byte[] msg = String.format("oracle %03d", i).getBytes(StandardCharsets.US_ASCII);
            out.write(msg);
            out.flush();
            byte[] back = new byte[msg.length];
            in.readFully(back);
            Thread.sleep(10);
        }
    }

    private static void echo(ServerSocket server) {
        try (Socket s = server.accept()) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            byte[] buf = new byte[4096];
            int r;
            while ((r = in.read(buf)) > 0) {
                out.write(buf, 0, r);
                out.flush();
            }
        } catch (Exception e) {
            // closed
        }
    }

    // ------------------------------------------------------------ the program

    @Test
    void probeMainQuietPrintsNothingAndExitsByTheAnswer() {
        PrintStream saved = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int rc;
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            rc = ProbeMain.run(new String[]{"--quiet"});
        } finally {
            System.setOut(saved);
        }
        assertEquals("", buf.toString(StandardCharsets.UTF_8));
        assertEquals(results.stream().allMatch(ProbeResult::supported) ? 0 : 1, rc, KernelProbe.table(results));
    }

    @Test
    void probeMainForTheGatewayIgnoresWhatTheGatewayDoesNotUse() {
        int rc = ProbeMain.run(new String[]{"--quiet", "--gateway"});
        boolean gatewayFeatures = results.stream().filter(r -> r.feature().gatewayUses()).allMatch(ProbeResult::supported);
        assertEquals(gatewayFeatures ? 0 : 1, rc, KernelProbe.table(results));
        if (KernelCondition.inVm()) {
            // the Debian kernel has everything the gateway uses; its keyed gretaps ignore the route's key
            assertEquals(0, rc, KernelProbe.table(results));
        }
    }

    @Test
    void badArgumentsAreRefused() {
        assertEquals(2, ProbeMain.run(new String[]{"--timeout", "0"}));
        assertEquals(2, ProbeMain.run(new String[]{"--frobnicate"}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KernelProbe.probe(ProbeFeature.VRF, Duration.ofMillis(10)));
        assertTrue(e.getMessage().contains("timeout must be 1 s .. 1 h"), e.getMessage());
    }

    @Test
    void aFeatureThatHangsTimesOutAndItsNamespacesGoWhileTheOthersStillRun() {
        List<String> made = new CopyOnWriteArrayList<>();
        List<ProbeResult> r = KernelProbe.run(EnumSet.of(ProbeFeature.VRF, ProbeFeature.GRETAP_EXTERNAL,
                ProbeFeature.FLOWTABLES), Duration.ofSeconds(2), (f, scratch) -> {
            NetNs ns = scratch.netns("x");
            made.add(ns.name().orElseThrow());
            switch (f) {
                case VRF -> Thread.sleep(60_000);                       // hangs
                case GRETAP_EXTERNAL -> throw new IllegalStateException("broken\non two lines");
                default -> { }                                          // works
            }
        });
        assertEquals(List.of(ProbeResult.no(ProbeFeature.VRF, "timed out after 2 s"),
                ProbeResult.no(ProbeFeature.GRETAP_EXTERNAL, "IllegalStateException: broken on two lines"),
                ProbeResult.yes(ProbeFeature.FLOWTABLES)), r);
        assertEquals(3, made.size(), made.toString());
        for (String n : made) {
            assertTrue(n.startsWith("nl4j-probe-"), n);
            assertFalse(NetNs.exists(n), n + " was left behind");
        }
    }

    // ------------------------------------------------------------ helpers

    private static void assertAgrees(ProbeFeature f, KernelFeature oracle) {
        assertAgrees(f, oracle.present(), oracle.failure());
    }

    /** The probe says yes iff the tools succeeded; when not, its detail carries the tools' kernel error text. */
    private static void assertAgrees(ProbeFeature f, boolean toolsSucceeded, String toolsError) {
        ProbeResult r = BY_FEATURE.get(f);
        assertEquals(toolsSucceeded, r.supported(), r + " / the tools said: " + toolsError);
        if (!toolsSucceeded) {
            String text = errorText(toolsError);
            assertTrue(r.detail().orElseThrow().contains(text), "the probe's detail \"" + r.detail().orElseThrow()
                    + "\" does not carry the kernel's error \"" + text + "\" that the tools printed: " + toolsError);
        }
    }

    /**
     * The kernel's words in a tool's error: ip prints {@code Error: Unknown device type.}, nft
     * {@code Error: Could not process rule: No such file or directory}.
     */
    static String errorText(String toolOutput) {
        String line = toolOutput == null ? "" : toolOutput.lines().filter(l -> l.startsWith("Error:")).findFirst()
                .orElseThrow(() -> new AssertionError("no Error: line in " + toolOutput));
        String t = line.substring(line.lastIndexOf(": ") + 2).trim();
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }

    private static String tag() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffL);
    }
}
