package io.github.netlink4j.examples.probe;

import io.github.netlink4j.core.NetNs;
import io.github.netlink4j.nft.BaseChain;
import io.github.netlink4j.nft.Chain;
import io.github.netlink4j.nft.ChainType;
import io.github.netlink4j.nft.Counter;
import io.github.netlink4j.nft.CtState;
import io.github.netlink4j.nft.Family;
import io.github.netlink4j.nft.Flowtable;
import io.github.netlink4j.nft.Hook;
import io.github.netlink4j.nft.Match;
import io.github.netlink4j.nft.Nftables;
import io.github.netlink4j.nft.Rule;
import io.github.netlink4j.nft.Stmt;
import io.github.netlink4j.nft.Table;
import io.github.netlink4j.nft.Transaction;
import io.github.netlink4j.rtnl.Link;
import io.github.netlink4j.rtnl.LinkKind;
import io.github.netlink4j.rtnl.MacAddress;
import io.github.netlink4j.rtnl.Neighbour;
import io.github.netlink4j.rtnl.Route;
import io.github.netlink4j.rtnl.RouteEncap;
import io.github.netlink4j.rtnl.RouteFilter;
import io.github.netlink4j.rtnl.Rtnetlink;
import io.github.netlink4j.rtnl.Veth;
import io.github.netlink4j.tunnel.Gre;
import io.github.netlink4j.tunnel.IpEncap;
import io.github.netlink4j.tunnel.TunnelFlags;
import io.github.netlink4j.vrf.Vrfs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The seven probes. Each builds its own namespaces in a {@link Scratch}, through the library only,
 * and either returns (supported), throws {@link Missing} with a one-line reason (the kernel accepted
 * everything but did not behave), or lets the kernel's refusal ({@code KernelException}) through.
 */
final class Probes {
    private static final Logger LOG = LoggerFactory.getLogger(Probes.class);

    private Probes() {
    }

    /** The kernel accepted the requests but did not do what the gateway needs. */
    static final class Missing extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Missing(String reason) {
            super(reason);
        }
    }

    static void run(ProbeFeature f, Scratch s) throws Exception {
        switch (f) {
            case VRF -> vrf(s);
            case GRETAP_EXTERNAL -> gretapExternal(s);
            case LWTUNNEL_KEY -> lwtunnelKey(s, false);
            case KEYED_GRETAP_LWTUNNEL -> lwtunnelKey(s, true);
            case FLOWTABLES -> flowtables(s);
            case FLOW_OFFLOAD_DNAT -> flowOffload(s, false);
            case FLOW_OFFLOAD_VRF -> flowOffload(s, true);
        }
    }

    // ---------------------------------------------------------------- VRF, gretap external

    /** {@code ip link add vrf-probe type vrf table 10 && ip link set vrf-probe up}, read back as a VRF of table 10. */
    static void vrf(Scratch s) {
        NetNs ns = s.netns("vrf");
        try (Rtnetlink rt = Rtnetlink.open(ns)) {
            Vrfs vrfs = Vrfs.of(rt);
            vrfs.create("vrf-probe", 10);
            int table = vrfs.tableOf("vrf-probe").orElseThrow(() -> new Missing("the VRF device does not read back as a VRF"));
            if (table != 10) {
                throw new Missing("the VRF reads back with table " + Integer.toUnsignedString(table) + ", not 10");
            }
        }
    }

    /** {@code ip link add tun type gretap external}, read back as external. */
    static void gretapExternal(Scratch s) {
        NetNs ns = s.netns("gre");
        try (Rtnetlink rt = Rtnetlink.open(ns)) {
            rt.links().add(Link.builder("tun").kind(Gre.gretap().external().build()).up().build());
            LinkKind k = rt.links().get("tun").flatMap(Link::kind)
                    .orElseThrow(() -> new Missing("the gretap device does not read back with its kind"));
            if (!(k instanceof Gre g) || !g.kind().equals("gretap") || !g.external()) {
                throw new Missing("the device reads back as " + k.toIpArgs() + ", not as an external gretap");
            }
        }
    }

    // ---------------------------------------------------------------- lwtunnel encap ip ... key

    static final long KEY = 1000;
    static final int DEVICE_KEY = 2000;
    static final int DATAGRAMS = 5;

    /**
     * Two namespaces joined by a veth (A 172.31.0.1, B 172.31.0.2). B has two keyed gretaps, {@code gk}
     * (key 1000, the route's) and {@code gj} (key 2000), both local 172.31.0.2. A has {@code tun}:
     * external, or (keyedDevice) a gretap keyed 2000 local 172.31.0.1; address 10.200.1.1/32, a
     * permanent neighbour 10.200.1.2 at gk's MAC, and the route
     * {@code 10.200.1.2 dev tun encap ip id 1000 dst 172.31.0.2 key}. UDP datagrams from A to
     * 10.200.1.2 must arrive on gk (key 1000).
     */
    static void lwtunnelKey(Scratch s, boolean keyedDevice) throws Exception {
        NetNs a = s.netns("a");
        NetNs b = s.netns("b");
        try (Rtnetlink ra = Rtnetlink.open(a); Rtnetlink rb = Rtnetlink.open(b)) {
            Scratch.veth(ra, "ul", b, rb, "ul");
            ra.addresses().add("ul", "172.31.0.1/24");
            rb.addresses().add("ul", "172.31.0.2/24");

            rb.links().add(Link.builder("gk").address("02:00:00:00:0b:01").up()
                    .kind(Gre.gretap().key((int) KEY).local("172.31.0.2").build()).build());
            rb.links().add(Link.builder("gj").address("02:00:00:00:0b:02").up()
                    .kind(Gre.gretap().key(DEVICE_KEY).local("172.31.0.2").build()).build());
            rb.addresses().add("gk", "10.200.1.2/32");

            Gre tun = keyedDevice ? Gre.gretap().key(DEVICE_KEY).local("172.31.0.1").build() : Gre.gretap().external().build();
            ra.links().add(Link.builder("tun").up().kind(tun).build());
            ra.addresses().add("tun", "10.200.1.1/32");
            MacAddress gkMac = rb.links().get("gk").flatMap(Link::address).orElseThrow();
            ra.neighbours().add(Neighbour.builder("10.200.1.2", ra.links().indexOf("tun")).lladdr(gkMac).build());
            Route route = Route.to("10.200.1.2").dev("tun")
                    .encap(IpEncap.id(KEY).dst("172.31.0.2").key().build()).build();
            ra.routes().add(route);

            Optional<RouteEncap> back = ra.routes().list(RouteFilter.ALL.withDev("tun")).stream()
                    .filter(r -> r.dst().toString().startsWith("10.200.1.2")).findFirst()
                    .orElseThrow(() -> new Missing("the route " + route.toIpArgs() + " does not read back"))
                    .encap();
            boolean keyFlag = back.filter(e -> e instanceof IpEncap).map(e -> (IpEncap) e)
                    .flatMap(IpEncap::flags).map(fl -> fl.has(TunnelFlags.KEY)).orElse(false);

            long gk0 = rb.links().stats("gk").rxPackets();
            long gj0 = rb.links().stats("gj").rxPackets();
            a.call(() -> {
                try (DatagramSocket sock = new DatagramSocket()) {
                    byte[] data = "netlink4j probe".getBytes(StandardCharsets.US_ASCII);
                    for (int i = 0; i < DATAGRAMS; i++) {
                        sock.send(new DatagramPacket(data, data.length, InetAddress.getByName("10.200.1.2"), 9));
                    }
                }
                return null;
            });
            long gk = 0;
            long gj = 0;
            for (int i = 0; i < 40; i++) { // up to 2 s for the datagrams to cross
                gk = rb.links().stats("gk").rxPackets() - gk0;
                gj = rb.links().stats("gj").rxPackets() - gj0;
                if (gk + gj >= DATAGRAMS) {
                    break;
                }
                Thread.sleep(50);
            }
            long tunTxErrors = ra.links().stats("tun").txErrors();
            String seen = "B's key-" + KEY + " gretap received " + gk + " of " + DATAGRAMS + " datagrams, its key-"
                    + DEVICE_KEY + " gretap " + gj;
            if (keyedDevice) {
                if (gk == 0) {
                    throw new Missing(gj > 0
                            ? "the device's own key " + DEVICE_KEY + " was sent instead of the route's " + KEY + " (" + seen + ")"
                            : "nothing arrived with either key (" + seen + "; A's tun tx errors " + tunTxErrors + ")");
                }
            } else {
                if (!keyFlag) {
                    throw new Missing("the route reads back without the key flag (" + back.map(RouteEncap::toIpArgs)
                            .orElse("no encap") + "); " + seen);
                }
                if (gk == 0) {
                    throw new Missing("the key was not sent: " + seen + " (A's tun tx errors " + tunTxErrors + ")");
                }
            }
        }
    }

    // ---------------------------------------------------------------- flowtables

    static final Table PROBE = Table.of(Family.INET, "netlink4j-probe");

    /** An inet flowtable on a veth pair and {@code ct state established flow add @ft}, read back. */
    static void flowtables(Scratch s) {
        NetNs ns = s.netns("ft");
        try (Rtnetlink rt = Rtnetlink.open(ns); Nftables nft = Nftables.open(ns)) {
            rt.links().add(Link.builder("f0").up().kind(Veth.peer("f1")).build());
            nft.transaction()
                    .addTable(PROBE)
                    .addFlowtable(Flowtable.of(PROBE, "ft", 0, "f0", "f1"))
                    .addChain(Chain.base(PROBE, "fw", BaseChain.of(ChainType.FILTER, Hook.FORWARD, 0)))
                    .addRule(Rule.builder(PROBE, "fw").match(Match.ctState(CtState.ESTABLISHED)).then(Stmt.flowAdd("ft")).build())
                    .commit();
            Flowtable ft = nft.flowtable(PROBE, "ft").orElseThrow(() -> new Missing("the flowtable does not read back"));
            if (!ft.devices().containsAll(List.of("f0", "f1"))) {
                throw new Missing("the flowtable reads back with devices " + ft.devices() + ", not f0 and f1");
            }
            List<Rule> rules = nft.rules(PROBE, "fw");
            if (rules.size() != 1 || !rules.get(0).toString().contains("flow add @ft")) {
                throw new Missing("the forward chain reads back as " + rules + ", not flow add @ft");
            }
        }
    }

    // ---------------------------------------------------------------- flow offload

    static final int EXCHANGES_BEFORE = 10;
    static final int EXCHANGES_AFTER = 20;
    static final int SETTLE_MS = 300;
    static final int WINDOWS = 3;

    /**
     * client (10.1.0.2) -- c0/r0 -- router -- r1/s0 -- server (10.0.0.2). In the router: a flowtable on
     * r0 and r1, forward chain {@code counter} then {@code ct state established flow add @ft}, and
     * <ul>
     * <li>DNAT: {@code ip daddr 203.0.113.10 tcp dport 80 dnat to 10.0.0.2:8080}, the client connects
     *     to the public address;</li>
     * <li>VRF: r1 enslaved to VRF {@code vrf-sv} (table 10), routes leaked both ways (10.0.0.0/24 dev r1
     *     in main, 10.1.0.0/24 dev r0 in table 10), the client connects to 10.0.0.2:8080 directly.</li>
     * </ul>
     * A TCP connection exchanges {@value #EXCHANGES_BEFORE} echoes, waits {@value #SETTLE_MS} ms, then
     * exchanges {@value #EXCHANGES_AFTER} more, up to {@value #WINDOWS} times: the flow is offloaded
     * when the forward chain's counter stands still during one such round. (One round is not enough:
     * on the Debian 6.1 kernel a single packet of an offloaded DNAT'ed flow now and then takes the
     * classic path — seen in 5 of 7 runs, never more than one per run, the rounds before and after
     * it at zero; a flow that is not offloaded moves the counter by about two packets per exchange,
     * in every round.)
     */
    static void flowOffload(Scratch s, boolean vrf) throws Exception {
        NetNs cl = s.netns("cl");
        NetNs rtr = s.netns("rtr");
        NetNs sv = s.netns("sv");
        try (Rtnetlink rc = Rtnetlink.open(cl); Rtnetlink rr = Rtnetlink.open(rtr); Rtnetlink rs = Rtnetlink.open(sv);
             Nftables nft = Nftables.open(rtr)) {
            rtr.writeSysctl("net/ipv4/ip_forward", "1");
            rtr.writeSysctl("net/ipv4/conf/all/rp_filter", "0");
            rtr.writeSysctl("net/ipv4/conf/default/rp_filter", "0");
            if (vrf) {
                Vrfs.of(rr).create("vrf-sv", 10);
            }
            Scratch.veth(rc, "c0", rtr, rr, "r0");
            Scratch.veth(rs, "s0", rtr, rr, "r1");
            if (vrf) {
                Vrfs.of(rr).enslave("r1", "vrf-sv");
            }
            rc.addresses().add("c0", "10.1.0.2/24");
            rr.addresses().add("r0", "10.1.0.1/24");
            rr.addresses().add("r1", "10.0.0.1/24");
            rs.addresses().add("s0", "10.0.0.2/24");
            rc.routes().add(Route.to("default").via("10.1.0.1").build());
            rs.routes().add(Route.to("default").via("10.0.0.1").build());
            if (vrf) { // leak: main reaches the server through the VRF's device, the VRF reaches the client
                rr.routes().add(Route.to("10.0.0.0/24").dev("r1").build());
                rr.routes().add(Route.to("10.1.0.0/24").dev("r0").table(10).build());
            }

            Table t = Table.of(Family.IP, "netlink4j-probe");
            Transaction tx = nft.transaction()
                    .addTable(t)
                    .addFlowtable(Flowtable.of(t, "ft", 0, "r0", "r1"))
                    .addChain(Chain.base(t, "fw", BaseChain.of(ChainType.FILTER, Hook.FORWARD, 0)))
                    .addRule(Rule.builder(t, "fw").then(Stmt.counter()).build())
                    .addRule(Rule.builder(t, "fw").match(Match.ctState(CtState.ESTABLISHED)).then(Stmt.flowAdd("ft")).build());
            String target;
            int port;
            if (vrf) {
                target = "10.0.0.2";
                port = 8080;
            } else {
                tx.addChain(Chain.base(t, "pre", BaseChain.of(ChainType.NAT, Hook.PREROUTING, -100)))
                        .addRule(Rule.builder(t, "pre").match(Match.ipDaddr("203.0.113.10")).match(Match.tcpDport(80))
                                .then(Stmt.dnat("10.0.0.2", 8080)).build());
                target = "203.0.113.10";
                port = 80;
            }
            tx.commit();

            ServerSocket server = s.keep(sv.call(() -> {
                ServerSocket ss = new ServerSocket();
                ss.setReuseAddress(true);
                ss.bind(new InetSocketAddress("10.0.0.2", 8080));
                return ss;
            }));
            Thread echo = new Thread(() -> echo(server), "probe-echo");
            echo.setDaemon(true);
            echo.start();
            Socket c = s.keep(cl.call(() -> {
                Socket so = new Socket();
                so.setTcpNoDelay(true);
                so.setSoTimeout(5_000);
                so.connect(new InetSocketAddress(target, port), 5_000);
                return so;
            }));
            String via = target + ":" + port;
            long start = forwardPackets(nft, t);
            exchange(c, EXCHANGES_BEFORE, "before offload", via);
            Thread.sleep(SETTLE_MS); // delayed ACKs of the first round land before the count starts
            long firstRound = forwardPackets(nft, t) - start;
            List<Long> windows = new ArrayList<>();
            for (int w = 0; w < WINDOWS; w++) {
                long before = forwardPackets(nft, t);
                try {
                    exchange(c, EXCHANGES_AFTER, "after offload", via);
                } catch (UncheckedIOException e) {
                    throw new Missing("the connection broke once offloaded: " + e.getMessage());
                }
                long grew = forwardPackets(nft, t) - before;
                LOG.debug("{}: forward chain packets: {} in the first {} exchanges, then {} in round {} of {}",
                        vrf ? ProbeFeature.FLOW_OFFLOAD_VRF : ProbeFeature.FLOW_OFFLOAD_DNAT, firstRound, EXCHANGES_BEFORE,
                        grew, w + 1, EXCHANGES_AFTER);
                if (grew == 0) {
                    return;
                }
                windows.add(grew);
            }
            throw new Missing("packets kept going through the forward chain (" + windows + " packets in "
                    + WINDOWS + " rounds of " + EXCHANGES_AFTER + " exchanges after the first " + EXCHANGES_BEFORE
                    + ", which took " + firstRound + ")");
        }
    }

    private static long forwardPackets(Nftables nft, Table t) {
        Rule counter = nft.rules(t, "fw").get(0);
        return ((Counter) counter.exprs().get(0)).packets().orElseThrow();
    }

    private static void exchange(Socket c, int n, String phase, String via) {
        try {
            OutputStream out = c.getOutputStream();
            DataInputStream in = new DataInputStream(c.getInputStream());
            for (int i = 0; i < n; i++) {
                byte[] msg = String.format("probe %s %03d", phase.charAt(0), i).getBytes(StandardCharsets.US_ASCII);
                out.write(msg);
                out.flush();
                byte[] back = new byte[msg.length];
                in.readFully(back);
                if (!Arrays.equals(msg, back)) {
                    throw new Missing("the echo through " + via + " came back altered " + phase);
                }
                Thread.sleep(10);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("TCP exchange through " + via + " failed " + phase + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Missing("interrupted " + phase);
        }
    }

    private static void echo(ServerSocket server) {
        try (Socket so = server.accept()) {
            so.setTcpNoDelay(true);
            InputStream in = so.getInputStream();
            OutputStream out = so.getOutputStream();
            byte[] buf = new byte[4096];
            int r;
            while ((r = in.read(buf)) > 0) {
                out.write(buf, 0, r);
                out.flush();
            }
        } catch (IOException e) {
            // the client went away, or the probe closed the server
        }
    }
}
