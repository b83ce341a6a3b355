package io.github.netlink4j.tunnel;

import io.github.netlink4j.rtnl.Link;
import io.github.netlink4j.rtnl.Route;
import io.github.netlink4j.rtnl.Rtnetlink;
import io.github.netlink4j.testkit.Cmd;
import io.github.netlink4j.testkit.KernelFeature;
import io.github.netlink4j.testkit.KernelTest;
import io.github.netlink4j.testkit.Oracle;
import io.github.netlink4j.testkit.TempNetns;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On the wire: a gateway namespace whose external gretap is driven by an lwtunnel route made with
 * the library, a hypervisor namespace across a veth underlay that decapsulates and answers. The
 * captured packets, not the route table, are the proof.
 */
@KernelTest(needs = KernelFeature.GRE)
class GreWireKernelTest {
    @RegisterExtension
    final TempNetns gw = new TempNetns();
    @RegisterExtension
    final TempNetns hv = new TempNetns();

    String gwMac;
    String hvMac;

    @BeforeEach
    void topology() {
        Cmd.ip(gw.name(), "link", "add", "a0", "type", "veth", "peer", "name", "b0", "netns", hv.name());
        Cmd.ip(gw.name(), "addr", "add", "172.168.0.2/24", "dev", "a0");
        Cmd.ip(hv.name(), "addr", "add", "172.168.0.1/24", "dev", "b0");
        Cmd.ip(gw.name(), "link", "set", "a0", "up");
        Cmd.ip(hv.name(), "link", "set", "b0", "up");
        // a veth leaves the GRE checksum unfinished unless tx offload is off
        Cmd.inNetns(gw.name(), "ethtool", "-K", "a0", "tx", "off");
        Cmd.inNetns(hv.name(), "ethtool", "-K", "b0", "tx", "off");
        for (String ns : List.of(gw.name(), hv.name())) {
            Cmd.inNetns(ns, "sysctl", "-qw", "net.ipv4.conf.all.rp_filter=0");
            Cmd.inNetns(ns, "sysctl", "-qw", "net.ipv4.conf.default.rp_filter=0");
        }
        try (Rtnetlink rt = Rtnetlink.open(gw.handle())) {
            rt.links().add(Link.builder("tun").kind(Gre.gretap().external().build()).up().build());
        }
        Cmd.ip(gw.name(), "addr", "add", "1.1.1.1/24", "dev", "tun");
        // the far side, made with ip: an external gretap that answers through its own encap route
        Cmd.ip(hv.name(), "link", "add", "tun", "type", "gretap", "external");
        Cmd.ip(hv.name(), "link", "set", "tun", "up");
        Cmd.ip(hv.name(), "addr", "add", "2.2.2.11/32", "dev", "tun");
        Cmd.ip(hv.name(), "route", "add", "1.1.1.1/32", "dev", "tun", "encap", "ip", "id", "1000", "dst", "172.168.0.2", "key");
        gwMac = Oracle.ipJson(gw.name(), "link", "show", "tun").get(0).path("address").asText();
        hvMac = Oracle.ipJson(hv.name(), "link", "show", "tun").get(0).path("address").asText();
        Cmd.ip(gw.name(), "neigh", "add", "2.2.2.11", "lladdr", hvMac, "dev", "tun", "nud", "permanent");
        Cmd.ip(hv.name(), "neigh", "add", "1.1.1.1", "lladdr", gwMac, "dev", "tun", "nud", "permanent");
    }

    /** Captures {@code count} GRE packets on the hypervisor's underlay while {@code traffic} runs. */
    static String capture(String ns, int count, Runnable traffic) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ip", "netns", "exec", ns, "tcpdump", "-i", "b0", "-n", "-v", "-l", "-c",
                Integer.toString(count), "ip", "proto", "47").start();
        BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        });
        // tcpdump needs a moment to start (1-2 s under emulation): wait for its "listening on"
        String line;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while ((line = err.readLine()) != null && !line.contains("listening on")) {
            if (System.nanoTime() > deadline) {
                break;
            }
        }
        traffic.run();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroy();
        }
        return out.join();
    }

    void encapRoute(IpEncap encap) {
        try (Rtnetlink rt = Rtnetlink.open(gw.handle())) {
            rt.routes().replace(Route.to("2.2.2.11").dev("tun").encap(encap).build());
        }
    }

    @Test
    void keyedPacketsLeaveWithTheKeyAndAreAnswered() throws Exception {
        encapRoute(IpEncap.id(1000).dst("172.168.0.1").key().build());
        String[] ping = new String[1];
        String cap = capture(hv.name(), 2, () -> ping[0] = Cmd.run(List.of("ip", "netns", "exec", gw.name(),
                "ping", "-c", "1", "-W", "5", "2.2.2.11"), 60).orThrow().stdout());
        assertTrue(ping[0].contains("1 received"), ping[0]);
        assertTrue(cap.contains("172.168.0.2 > 172.168.0.1: GREv0, Flags [key present], key=0x3e8"), cap);
        assertTrue(cap.contains("1.1.1.1 > 2.2.2.11: ICMP echo request"), cap);
        // and the answer came back through the tunnel too
        assertTrue(cap.contains("172.168.0.1 > 172.168.0.2: GREv0, Flags [key present], key=0x3e8"), cap);
    }

    @Test
    void csumAndSeqAreOnTheWire() throws Exception {
        encapRoute(IpEncap.id(1000).dst("172.168.0.1").csum().seq().key().build());
        String cap = capture(hv.name(), 1, () -> Cmd.run(List.of("ip", "netns", "exec", gw.name(),
                "ping", "-c", "1", "-W", "2", "2.2.2.11"), 60));
        assertTrue(cap.contains("Flags [checksum present, key present, sequence# present]"), cap);
        assertTrue(cap.contains("key=0x3e8"), cap);
    }

    @Test
    void withoutTheKeyFlagThereIsNoKey() throws Exception {
        encapRoute(IpEncap.id(1000).dst("172.168.0.1").build());
        String cap = capture(hv.name(), 1, () -> Cmd.run(List.of("ip", "netns", "exec", gw.name(),
                "ping", "-c", "1", "-W", "2", "2.2.2.11"), 60));
        assertTrue(cap.contains("172.168.0.2 > 172.168.0.1: GREv0"), cap);
        assertFalse(cap.contains("key="), cap);
        assertEquals(-1, cap.indexOf("key present"), cap);
    }
}
