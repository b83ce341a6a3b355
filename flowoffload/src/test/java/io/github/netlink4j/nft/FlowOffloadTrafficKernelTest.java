package io.github.netlink4j.nft;

import io.github.netlink4j.core.NetNs;
import io.github.netlink4j.testkit.Cmd;
import io.github.netlink4j.testkit.KernelFeature;
import io.github.netlink4j.testkit.KernelTest;
import io.github.netlink4j.testkit.TempNetns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway's public side with real traffic: client ns -> gateway ns -> server ns over veth pairs;
 * on the gateway, written by the library: a DNAT of the public address 203.0.113.10:80 to the
 * server 10.0.0.2:8080, a forward chain with {@code ct state established flow add @ft}, and a
 * flowtable on both gateway devices. A TCP connection through the public address must work, its
 * conntrack entry must be {@code [OFFLOAD]}, and once offloaded its packets must bypass the forward
 * hook (the forward chain's counter stops while the connection keeps talking).
 *
 * <p>What the Debian 6.1.0-56 test kernel does (seen in this test): both known trouble spots work
 * there. With DNAT, the flowtable's route for the reply direction is looked up toward the original
 * client, not the pre-DNAT public address, so the flow is offloaded and keeps flowing; with the
 * server-facing device in a VRF (routes leaked between the main table and the VRF's table) the
 * flow is offloaded across the VRF boundary as well. A kernel that still looks up the reverse route
 * with the pre-DNAT address, or without the VRF's l3mdev, fails {@link #assertOffloadedAndFastPath}
 * at the [OFFLOAD] or the traffic assertion, naming which.
 *
 * <p>Workaround for the gateway on such a kernel: for DNAT, keep the public address routable from
 * the gateway toward the tenant (a /32 route of the public address via the tenant-facing device in
 * the table the reply is looked up in), or leave DNAT'ed flows out of {@code flow add} (match
 * {@code ct status dnat} before it) so they take the classic path; for VRF, put both gateway
 * devices of a tenant in the tenant's VRF (same-VRF forwarding), or offload only flows whose
 * input and output devices share a VRF.
 */
@KernelTest(needs = {KernelFeature.NFTABLES, KernelFeature.NFT_NAT, KernelFeature.FLOWTABLE})
class FlowOffloadTrafficKernelTest {
    @RegisterExtension
    final TempNetns gw = new TempNetns();

    static final Table GW = Table.of(Family.IP, "gw");

    @Test
    void dnatThroughTheGatewayIsOffloaded() throws Exception {
        run(false);
    }

    @Test
    @KernelTest(needs = KernelFeature.VRF)
    void dnatWithTheServerSideInAVrfIsOffloaded() throws Exception {
        run(true);
    }

    private void run(boolean vrf) throws Exception {
        String tag = Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffL);
        String cl = "nl4j-cl-" + tag;
        String sv = "nl4j-sv-" + tag;
        String g = gw.name();
        try (NetNs clNs = NetNs.create(cl); NetNs svNs = NetNs.create(sv)) {
            Cmd.ip(null, "link", "add", "c0", "netns", cl, "type", "veth", "peer", "name", "g0", "netns", g);
            Cmd.ip(null, "link", "add", "s0", "netns", sv, "type", "veth", "peer", "name", "g1", "netns", g);
            for (String n : List.of(cl, sv, g)) {
                Cmd.ip(n, "link", "set", "lo", "up");
            }
            Cmd.ip(cl, "addr", "add", "10.1.0.2/24", "dev", "c0");
            Cmd.ip(cl, "link", "set", "c0", "up");
            Cmd.ip(cl, "route", "add", "default", "via", "10.1.0.1");
            Cmd.ip(sv, "addr", "add", "10.0.0.2/24", "dev", "s0");
            Cmd.ip(sv, "link", "set", "s0", "up");
            Cmd.ip(sv, "route", "add", "default", "via", "10.0.0.1");
            Cmd.inNetns(g, "sysctl", "-qw", "net.ipv4.ip_forward=1");
            if (vrf) {
                Cmd.ip(g, "link", "add", "blue", "type", "vrf", "table", "10");
                Cmd.ip(g, "link", "set", "blue", "up");
                Cmd.ip(g, "link", "set", "g1", "master", "blue");
            }
            Cmd.ip(g, "addr", "add", "10.1.0.1/24", "dev", "g0");
            Cmd.ip(g, "link", "set", "g0", "up");
            Cmd.ip(g, "addr", "add", "10.0.0.1/24", "dev", "g1");
            Cmd.ip(g, "link", "set", "g1", "up");
            if (vrf) { // leak: the main table reaches the servers through the VRF's device, the VRF the clients
                Cmd.ip(g, "route", "add", "10.0.0.0/24", "dev", "g1");
                Cmd.ip(g, "route", "add", "10.1.0.0/24", "dev", "g0", "table", "10");
            }

            try (Nftables nft = Nftables.open(gw.handle())) {
                nft.transaction()
                        .addTable(GW)
                        .addFlowtable(Flowtable.of(GW, "ft", 0, "g0", "g1").withFlags(Flowtable.COUNTER))
                        .addChain(Chain.base(GW, "pre", BaseChain.of(ChainType.NAT, Hook.PREROUTING, -100)))
                        .addChain(Chain.base(GW, "post", BaseChain.of(ChainType.NAT, Hook.POSTROUTING, 100)))
                        .addChain(Chain.base(GW, "fw", BaseChain.of(ChainType.FILTER, Hook.FORWARD, 0)))
                        .addRule(Rule.builder(GW, "pre").match(Match.ipDaddr("203.0.113.10")).match(Match.tcpDport(80))
                                .then(Stmt.dnat("10.0.0.2", 8080)).build())
                        // SNAT back out: what the servers open toward the outside leaves from the public address
                        .addRule(Rule.builder(GW, "post").match(Match.ipSaddr("10.0.0.0/24")).match(Match.oifname("g0"))
                                .then(Stmt.snat("203.0.113.10")).build())
                        .addRule(Rule.builder(GW, "fw").then(Stmt.counter()).build())
                        .addRule(Rule.builder(GW, "fw").match(Match.ctState(CtState.ESTABLISHED)).then(Stmt.flowAdd("ft")).build())
                        .commit();

                try (ServerSocket server = svNs.call(() -> {
                    ServerSocket s = new ServerSocket();
                    s.setReuseAddress(true);
                    s.bind(new InetSocketAddress("10.0.0.2", 8080));
                    return s;
                })) {
                    Thread echo = new Thread(() -> echo(server), "echo-server");
                    echo.setDaemon(true);
                    echo.start();
                    try (Socket c = clNs.call(() -> {
                        Socket s = new Socket();
                        s.setTcpNoDelay(true);
                        s.setSoTimeout(10_000);
                        s.connect(new InetSocketAddress("203.0.113.10", 80), 10_000);
                        return s;
                    })) {
                        exchange(c, 10, "before");
                        assertOffloadedAndFastPath(nft, c, g, vrf);
                    }
                }
            }
        } finally {
            for (String n : List.of(cl, sv)) {
                if (NetNs.exists(n)) {
                    NetNs.delete(n);
                }
            }
        }
    }

    private void assertOffloadedAndFastPath(Nftables nft, Socket c, String g, boolean vrf) {
        String what = vrf ? "DNAT with the server-facing device in a VRF" : "DNAT";
        String ct = Cmd.inNetns(g, "cat", "/proc/net/nf_conntrack");
        String line = ct.lines().filter(l -> l.contains("dst=203.0.113.10") && l.contains("dport=80 ")).findFirst()
                .orElseThrow(() -> new AssertionError("no conntrack entry for the connection to 203.0.113.10:80:\n" + ct));
        assertTrue(line.contains("src=10.0.0.2 dst=10.1.0.2 sport=8080"), "the reply tuple shows the DNAT: " + line);
        assertTrue(line.contains("[OFFLOAD]"), what + ": the conntrack entry is not offloaded — the flowtable did not"
                + " take the flow (a kernel whose flow_offload route lookup for the reply uses the pre-DNAT address"
                + (vrf ? " or ignores the VRF (l3mdev) of the output device" : "") + " behaves so): " + line);
        Cmd.Result tool = Cmd.run(List.of("ip", "netns", "exec", g, "conntrack", "-L"), 60);
        assertTrue((tool.stdout() + tool.stderr()).contains("[OFFLOAD]"), "conntrack -L:\n" + tool.stdout() + tool.stderr());

        long before = forwardCount(nft);
        exchange(c, 20, "after offload");
        long after = forwardCount(nft);
        assertEquals(before, after, what + ": 20 more exchanges went through the forward hook (" + before + " -> " + after
                + " packets): the offloaded flow does not take the fast path");
    }

    private static long forwardCount(Nftables nft) {
        Rule counter = nft.rules(GW, "fw").get(0);
        return ((Counter) counter.exprs().get(0)).packets().orElseThrow();
    }

    private static void exchange(Socket c, int n, String phase) {
        try {
            OutputStream out = c.getOutputStream();
            DataInputStream in = new DataInputStream(c.getInputStream());
            for (int i = 0; i < n; i++) {
                byte[] msg = String.format("ping %s %03d", phase.substring(0, 1), i).getBytes(StandardCharsets.US_ASCII);
                out.write(msg);
                out.flush();
                byte[] back = new byte[msg.length];
                in.readFully(back);
                assertEquals(new String(msg, StandardCharsets.US_ASCII), new String(back, StandardCharsets.US_ASCII),
                        "echo " + i + " " + phase);
                Thread.sleep(20);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("TCP exchange through 203.0.113.10:80 failed " + phase, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void echo(ServerSocket server) {
        try (Socket s = server.accept()) {
            s.setTcpNoDelay(true);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            byte[] buf = new byte[4096];
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // the client closed
        }
    }
}
