package io.github.netlink4j.examples.demo;

import io.github.netlink4j.testkit.Cmd;
import io.github.netlink4j.testkit.KernelFeature;
import io.github.netlink4j.testkit.KernelTest;
import io.github.netlink4j.testkit.TempNetns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo's ctnetlink reader against {@code conntrack -L} (conntrack-tools, libnetfilter_conntrack)
 * on the same table: a TCP connection and an ICMP echo over loopback in a throwaway namespace whose
 * nftables ruleset uses conntrack.
 */
@KernelTest(needs = KernelFeature.NFTABLES)
class ConntrackKernelTest {
    @RegisterExtension
    final TempNetns ns = new TempNetns();

    private static final Pattern TUPLE = Pattern.compile(
            "^(tcp|icmp)\\s.*?src=(\\S+) dst=(\\S+) (?:sport=(\\d+) dport=(\\d+)|type=\\d+ code=\\d+ id=(\\d+))");

    @Test
    void theDumpListsWhatConntrackToolsList() throws Exception {
        Cmd.ip(ns.name(), "link", "set", "lo", "up");
        Cmd.inNetns(ns.name(), "nft", "add table ip t; add chain ip t o { type filter hook output priority 0; };"
                + " add rule ip t o ct state new counter");
        try (ServerSocket server = ns.handle().call(() -> {
            ServerSocket s = new ServerSocket();
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s;
        }); Socket client = ns.handle().call(() -> new Socket("127.0.0.1", server.getLocalPort()));
             Socket accepted = server.accept()) {
            client.getOutputStream().write(1);
            assertEquals(1, accepted.getInputStream().read());
            accepted.getOutputStream().write(2);
            assertEquals(2, client.getInputStream().read());
            assertTrue(ns.handle().call(() -> InetAddress.getByName("127.0.0.1").isReachable(5000)), "ping over lo");

            List<Conntrack.Entry> mine = Conntrack.list(ns.handle());
            Set<String> ours = new TreeSet<>();
            for (Conntrack.Entry e : mine) {
                Conntrack.Tuple o = e.original();
                if (o.proto() == Conntrack.IPPROTO_TCP || o.proto() == Conntrack.IPPROTO_ICMP) {
                    ours.add(key(o.proto() == Conntrack.IPPROTO_TCP ? "tcp" : "icmp", o.src().getHostAddress(),
                            o.dst().getHostAddress(), o.srcPort(), o.dstPort()));
                }
            }
            String tool = Cmd.inNetns(ns.name(), "conntrack", "-L");
            Set<String> theirs = new TreeSet<>();
            for (String line : tool.lines().toList()) {
                Matcher m = TUPLE.matcher(line);
                if (m.find()) {
                    int sport = m.group(4) != null ? Integer.parseInt(m.group(4)) : Integer.parseInt(m.group(6));
                    int dport = m.group(5) != null ? Integer.parseInt(m.group(5)) : sport;
                    theirs.add(key(m.group(1), m.group(2), m.group(3), sport, dport));
                }
            }
            assertEquals(theirs, ours, "conntrack -L:\n" + tool + "\nthe library's dump:\n" + mine);
            String conn = key("tcp", "127.0.0.1", "127.0.0.1", client.getLocalPort(), server.getLocalPort());
            assertTrue(ours.contains(conn), conn + " in " + ours);
            Conntrack.Entry e = mine.stream().filter(x -> x.original().srcPort() == client.getLocalPort()).findFirst().orElseThrow();
            assertTrue((e.status() & Conntrack.IPS_SEEN_REPLY) != 0, "seen reply: " + e);
            assertEquals(!tool.lines().filter(l -> l.contains("sport=" + client.getLocalPort() + " ")).findFirst()
                    .orElseThrow().contains("[UNREPLIED]"), (e.status() & Conntrack.IPS_SEEN_REPLY) != 0, e.toString());
            assertTrue(!e.offloaded(), "nothing offloads over lo: " + e);
            assertTrue(ours.stream().anyMatch(k -> k.startsWith("icmp ")), "the echo: " + ours);
        }
    }

    private static String key(String proto, String src, String dst, int sport, int dport) {
        return proto + " " + src + ":" + sport + " -> " + dst + ":" + dport;
    }
}
