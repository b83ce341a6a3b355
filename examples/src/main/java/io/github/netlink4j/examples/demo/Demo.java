package io.github.netlink4j.examples.demo;

import io.github.netlink4j.core.NetNs;
import io.github.netlink4j.examples.gateway.Gateway;
import io.github.netlink4j.examples.gateway.GatewayConfig;
import io.github.netlink4j.examples.gateway.GatewayConfig.ElasticIp;
import io.github.netlink4j.examples.gateway.GatewayConfig.OverlayRoute;
import io.github.netlink4j.examples.gateway.GatewayConfig.TenantConfig;
import io.github.netlink4j.examples.gateway.GatewayReport;
import io.github.netlink4j.nft.BaseChain;
import io.github.netlink4j.nft.Chain;
import io.github.netlink4j.nft.ChainType;
import io.github.netlink4j.nft.Counter;
import io.github.netlink4j.nft.Expr;
import io.github.netlink4j.nft.Family;
import io.github.netlink4j.nft.Hook;
import io.github.netlink4j.nft.Match;
import io.github.netlink4j.nft.Nftables;
import io.github.netlink4j.nft.Stmt;
import io.github.netlink4j.nft.Table;
import io.github.netlink4j.rtnl.InetPrefix;
import io.github.netlink4j.rtnl.Route;
import io.github.netlink4j.rtnl.Rtnetlink;
import io.github.netlink4j.rtnl.Routes;
import io.github.netlink4j.tunnel.IpEncap;
import io.github.netlink4j.vrf.Tenant;
import io.github.netlink4j.vrf.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The gateway demo: builds the contract's topology of network namespaces through the library,
 * starts the gateway in the {@code gw} namespace on a tenant file, sends ping and TCP from the
 * internet client to every tenant's elastic IPs, and reports per tenant what the gateway programmed
 * (read back from the kernel) and per flow whether it reached the right VM and whether its
 * conntrack entry was offloaded to the flowtable.
 *
 * <p>Needs root and a kernel with VRF, gretap, nftables NAT and flowtables.
 */
public final class Demo {
    private static final Logger LOG = LoggerFactory.getLogger(Demo.class);

    /** The TCP port every VM serves; the elastic IP's DNAT keeps the port. */
    static final int PORT = 8080;
    /** The demo's own watch table in the gateway's namespace: forward-hook counters per tenant key. */
    static final Table WATCH = Table.of(Family.INET, "netlink4j-demo");
    static final String WATCH_CHAIN = "watch";

    /**
     * How the demo runs.
     *
     * @param config  the gateway's tenant file
     * @param keep    leave the namespaces (and the gateway's state) in place at the end
     * @param prefix  prefix of the namespaces' names ({@code PREFIX-gw}, ...)
     * @param timeout how long one network operation may take (connect, answer, ping); generous under a slow VM
     */
    public record Options(Path config, boolean keep, String prefix, Duration timeout) {
        public Options {
            Objects.requireNonNull(config, "config");
            Objects.requireNonNull(prefix, "prefix");
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, was " + timeout);
            }
        }

        /** Defaults: no keep, a fresh prefix, 20 s per network operation. */
        public static Options of(Path config) {
            return new Options(config, false, Topology.uniquePrefix(), Duration.ofSeconds(20));
        }

        public Options withKeep(boolean keep) {
            return new Options(config, keep, prefix, timeout);
        }
    }

    /** One check of the demo: what was checked, whether it held, and what was seen. */
    public record Check(String what, boolean passed, String seen) {
        @Override
        public String toString() {
            return (passed ? "PASS " : "FAIL ") + what + (seen.isEmpty() ? "" : ": " + seen);
        }
    }

    /** The outcome: the printed report and every check. */
    public record Result(String report, List<Check> checks) {
        public Result {
            checks = List.copyOf(checks);
        }

        public boolean passed() {
            return !checks.isEmpty() && checks.stream().allMatch(Check::passed);
        }

        public List<Check> failures() {
            return checks.stream().filter(c -> !c.passed()).toList();
        }
    }

    /** What happened to one flow. */
    record Flow(String kind, String from, String to, String expectedVm, boolean arrived, String arrival,
                Optional<Boolean> offloaded, String offload) {
    }

    private final Options options;
    private final StringBuilder report = new StringBuilder();
    private final List<Check> checks = new ArrayList<>();
    private final PrintStream live;

    /** Called with the gateway namespace's name while the test flows are still open (tests' oracles). */
    private final java.util.function.Consumer<String> whileFlowsOpen;

    private Demo(Options options, PrintStream live, java.util.function.Consumer<String> whileFlowsOpen) {
        this.options = options;
        this.live = live;
        this.whileFlowsOpen = whileFlowsOpen;
    }

    /**
     * Runs the demo; prints the report to {@code out} as it goes (null: print nothing) and returns
     * it with the checks. Everything it made is removed at the end unless {@link Options#keep()}.
     *
     * @throws io.github.netlink4j.examples.gateway.ConfigException when the tenant file is invalid
     */
    public static Result run(Options options, PrintStream out) {
        return new Demo(options, out, ns -> { }).run();
    }

    /** {@link #run(Options, PrintStream)}, calling {@code whileFlowsOpen} with the gateway namespace's name before the flows close. */
    static Result run(Options options, PrintStream out, java.util.function.Consumer<String> whileFlowsOpen) {
        return new Demo(options, out, Objects.requireNonNull(whileFlowsOpen, "whileFlowsOpen")).run();
    }

    /** The sample tenant file, found from the working directory (the project root or examples/). */
    public static Path sampleConfig() {
        for (String p : List.of("examples/gateway.sample.json", "gateway.sample.json", "../examples/gateway.sample.json")) {
            Path f = Path.of(p);
            if (Files.isRegularFile(f)) {
                return f.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("cannot find examples/gateway.sample.json from " + Path.of("").toAbsolutePath()
                + "; give the tenant file with --config FILE");
    }

    private Result run() {
        GatewayConfig cfg = GatewayConfig.parse(options.config());
        line("netlink4j gateway demo");
        line("kernel:   " + kernel());
        line("tenants:  " + shown(options.config()));
        Topology topo = Topology.build(options.prefix());
        Gateway gateway = null;
        List<AutoCloseable> open = new ArrayList<>();
        try {
            line("topology: namespaces " + options.prefix() + "-{" + String.join(",", topo.roles()) + "}");
            boolean first = true;
            for (Topology.Hypervisor h : Topology.HYPERVISORS) {
                line(String.format("  %-28s %s -- %s eth0 %s, gre1 key %d -- %s %s", first
                                ? "client " + Topology.CLIENT_ADDRESS + " -- inet0 gw" : "", h.gwDevice(), h.name(), h.underlay(),
                        h.key(), h.vm(), Topology.VM_ADDRESS));
                first = false;
            }
            gateway = Gateway.open(topo.ns("gw"));
            GatewayReport gr = gateway.reconcile(cfg);
            line("gateway:  reconciled in " + topo.name("gw") + ": " + gr.summary());
            for (String w : gr.warnings()) {
                line("          warning: " + w);
            }
            check("gateway applied the tenant file", gr.complete(), String.join("; ", gr.errors()));
            underlayCheck(topo, cfg);
            topo.attachHypervisors();
            watch(topo, cfg);
            for (Topology.Hypervisor h : Topology.HYPERVISORS) {
                open.add(Traffic.VmServer.start(topo.ns(h.vm()), h.vm(), Topology.VM_ADDRESS, PORT));
            }

            Map<String, List<Flow>> flows = new LinkedHashMap<>();
            for (TenantConfig t : cfg.tenants()) {
                List<Flow> fl = new ArrayList<>();
                for (ElasticIp e : t.elasticIps()) {
                    String vm = expectedVm(cfg, t, e);
                    fl.add(ping(topo, t, e, vm));
                    fl.add(tcp(topo, t, e, vm, open));
                }
                flows.put(t.name(), fl);
            }
            whileFlowsOpen.accept(topo.name("gw"));
            line("");
            describe(topo, cfg, flows);
        } catch (RuntimeException e) {
            LOG.debug("demo failed", e);
            check("the demo ran to the end", false, e.toString());
        } finally {
            for (int i = open.size() - 1; i >= 0; i--) {
                try {
                    open.get(i).close();
                } catch (Exception e) {
                    LOG.debug("closing {}", open.get(i), e);
                }
            }
            if (options.keep()) {
                line("");
                line("kept: namespaces " + options.prefix() + "-*; e.g. ip netns exec " + topo.name("gw")
                        + " nft list ruleset; ip netns del NAME to remove them");
                if (gateway != null) {
                    gateway.close();
                }
                topo.releaseWithoutDeleting();
            } else {
                if (gateway != null) {
                    try {
                        gateway.teardown();
                    } catch (RuntimeException e) {
                        LOG.warn("gateway teardown: {}", e.toString());
                    }
                    gateway.close();
                }
                topo.close();
            }
        }
        long failed = checks.stream().filter(c -> !c.passed()).count();
        line("");
        line("checks: " + (checks.size() - failed) + " passed, " + failed + " failed");
        for (Check c : checks) {
            if (!c.passed()) {
                line("  " + c);
            }
        }
        return new Result(report.toString(), checks);
    }

    /**
     * The tunnel's outer packets must reach the hypervisors over the underlay whatever the tenant's
     * mark: an encapsulated packet keeps the skb mark of the packet it carries, and the gretap routes
     * its outer header with that mark (ip_md_tunnel_xmit, net/ipv4/ip_tunnel.c). The gateway's
     * {@code fwmark KEY lookup T} rules therefore match only packets arriving on the uplink; a rule
     * without {@code iif} would send the outer packets into the tenant's table, whose default route
     * leads to the uplink. Checked by asking the kernel for the route to each underlay address with
     * and without the mark.
     */
    private void underlayCheck(Topology topo, GatewayConfig cfg) {
        try (Rtnetlink rt = Rtnetlink.open(topo.ns("gw"))) {
            List<String> wrong = new ArrayList<>();
            for (TenantConfig t : cfg.tenants()) {
                for (OverlayRoute r : t.routes()) {
                    Route plain = rt.routes().get(Routes.Lookup.to(r.hypervisor()));
                    Route marked = rt.routes().get(Routes.Lookup.to(r.hypervisor()).mark(t.mark()));
                    if (!plain.oif().equals(marked.oif()) || !plain.gateway().equals(marked.gateway())) {
                        wrong.add("to " + r.hypervisor() + " with mark " + t.key() + ": " + hop(rt, marked)
                                + " (unmarked: " + hop(rt, plain) + ")");
                    }
                }
            }
            check("the tunnel's outer packets take the underlay whatever the tenant's mark", wrong.isEmpty(),
                    String.join("; ", wrong));
        }
    }

    /** {@code via GW dev NAME table T}, the device by name. */
    private static String hop(Rtnetlink rt, Route r) {
        StringBuilder sb = new StringBuilder();
        r.gateway().ifPresent(g -> sb.append("via ").append(g.getHostAddress()).append(' '));
        if (r.oif().isPresent()) {
            int i = r.oif().getAsInt();
            sb.append("dev ").append(rt.links().get(i).map(l -> l.name()).orElse("if" + i)).append(' ');
        }
        sb.append("table ").append(r.table() == Route.TABLE_MAIN ? "main" : Integer.toUnsignedString(r.table()));
        return sb.toString();
    }

    // --- traffic ----------------------------------------------------------------------------------

    /** The VM that holds {@code e}'s private address: the tenant's route to it names the hypervisor. */
    private static String expectedVm(GatewayConfig cfg, TenantConfig t, ElasticIp e) {
        InetPrefix priv = InetPrefix.parse(e.privateAddress() + "/32");
        for (OverlayRoute r : t.routes()) {
            InetPrefix dst = InetPrefix.parse(r.dst().contains("/") ? r.dst() : r.dst() + "/32");
            if (dst.contains(priv.address())) {
                for (Topology.Hypervisor h : Topology.HYPERVISORS) {
                    if (h.underlay().equals(r.hypervisor())) {
                        return h.vm();
                    }
                }
                throw new IllegalStateException("tenant " + t.name() + ": hypervisor " + r.hypervisor()
                        + " is not one of the demo's (" + Topology.HYPERVISORS.stream().map(Topology.Hypervisor::underlay).toList() + ")");
            }
        }
        throw new IllegalStateException("tenant " + t.name() + ": no route leads to " + e.privateAddress());
    }

    private Flow ping(Topology topo, TenantConfig t, ElasticIp e, String vm) {
        Map<String, Long> before = echos(topo);
        int timeout = (int) options.timeout().toMillis();
        boolean reply = false;
        int attempts = 0;
        while (!reply && attempts < 3) {
            attempts++;
            reply = Traffic.ping(topo.ns("client"), e.publicAddress(), timeout / 2);
        }
        Map<String, Long> after = echos(topo);
        StringBuilder seen = new StringBuilder("echo requests received:");
        boolean right = false;
        boolean elsewhere = false;
        for (String v : before.keySet()) {
            long d = after.get(v) - before.get(v);
            seen.append(' ').append(v).append(" +").append(d);
            if (v.equals(vm)) {
                right = d > 0;
            } else if (d > 0) {
                elsewhere = true;
            }
        }
        seen.append(reply ? ", reply received" : ", no reply after " + attempts + " attempts");
        boolean arrived = right && !elsewhere;
        String what = "tenant " + t.name() + ": ping " + e.publicAddress() + " arrives at " + vm + " and is answered";
        check(what, arrived && reply, seen.toString());
        return new Flow("ping", Topology.CLIENT_ADDRESS, e.publicAddress(), vm, arrived && reply, seen.toString(),
                Optional.empty(), "ICMP: flowtables offload TCP and UDP only");
    }

    private static Map<String, Long> echos(Topology topo) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (Topology.Hypervisor h : Topology.HYPERVISORS) {
            m.put(h.vm(), Traffic.icmpInEchos(topo.ns(h.vm())));
        }
        return m;
    }

    private Flow tcp(Topology topo, TenantConfig t, ElasticIp e, String vm, List<AutoCloseable> open) {
        int timeout = (int) options.timeout().toMillis();
        String from = Topology.CLIENT_ADDRESS;
        String to = e.publicAddress() + ":" + PORT;
        Traffic.TcpFlow flow;
        try {
            flow = Traffic.TcpFlow.connect(topo.ns("client"), e.publicAddress(), PORT, timeout);
        } catch (IOException | RuntimeException ex) {
            String seen = "connect failed: " + ex;
            check("tenant " + t.name() + ": TCP " + to + " arrives at " + vm, false, seen);
            check("tenant " + t.name() + ": TCP " + to + " is offloaded to the flowtable", false, "no connection");
            return new Flow("tcp", from, to, vm, false, seen, Optional.of(false), "no connection");
        }
        open.add(flow);
        from = from + ":" + flow.localPort();
        String answer = null;
        String arrival;
        boolean arrived;
        try {
            for (int i = 0; i < 5; i++) {
                answer = flow.exchange("hello " + i);
                if (!answer.equals(vm + " hello " + i)) {
                    break;
                }
            }
            arrived = answer.startsWith(vm + " ");
            arrival = "answered \"" + answer + "\"";
        } catch (IOException ex) {
            arrived = false;
            arrival = "no answer: " + ex + (answer != null ? " (after \"" + answer + "\")" : "");
        }
        check("tenant " + t.name() + ": TCP " + to + " arrives at " + vm, arrived, arrival);
        if (!arrived) {
            check("tenant " + t.name() + ": TCP " + to + " is offloaded to the flowtable", false, "the flow did not work");
            return new Flow("tcp", from, to, vm, false, arrival, Optional.of(false), "the flow did not work");
        }

        // Established: the forward chain's "flow add @ft" has put it in the flowtable; conntrack says so.
        Optional<Conntrack.Entry> entry = Optional.empty();
        long deadline = System.nanoTime() + options.timeout().toNanos();
        int n = 5;
        String talk = "";
        while (System.nanoTime() < deadline) {
            entry = conntrackEntry(topo, flow.localPort(), e.publicAddress());
            if (entry.isPresent() && entry.get().offloaded()) {
                break;
            }
            try {
                flow.exchange("hello " + n++);
            } catch (IOException ex) {
                talk = "; the connection broke: " + ex;
                break;
            }
            sleep(200);
        }
        boolean offloaded = entry.isPresent() && entry.get().offloaded();
        String offload = entry.map(c -> "conntrack " + c.flags()).orElse("no conntrack entry") + talk;
        if (offloaded) {
            offload += "; " + fastPath(topo, t, flow);
        }
        check("tenant " + t.name() + ": TCP " + to + " is offloaded to the flowtable", offloaded,
                entry.map(Conntrack.Entry::toString).orElse("no conntrack entry for " + from + " -> " + to) + talk);
        return new Flow("tcp", from, to, vm, true, arrival, Optional.of(offloaded), offload);
    }

    /**
     * After the offload: whether the flow's next packets still cross the forward hook (the demo's
     * watch chain counts the tenant's marked packets there) — an offloaded flow takes the flowtable's
     * fast path at ingress and skips it.
     */
    private String fastPath(Topology topo, TenantConfig t, Traffic.TcpFlow flow) {
        try (Nftables nft = Nftables.open(topo.ns("gw"))) {
            long before = watchCount(nft, t.name());
            int n = 10;
            for (int i = 0; i < n; i++) {
                flow.exchange("fast " + i);
            }
            long after = watchCount(nft, t.name());
            long d = after - before;
            return d == 0 ? "fast path: the forward hook saw none of the next " + n + " requests"
                    : "fast path: no, the forward hook saw " + d + " packets of the next " + n + " requests";
        } catch (IOException | RuntimeException ex) {
            return "fast path: unknown (" + ex + ")";
        }
    }

    private static Optional<Conntrack.Entry> conntrackEntry(Topology topo, int clientPort, String eip) {
        for (Conntrack.Entry c : Conntrack.list(topo.ns("gw"))) {
            Conntrack.Tuple o = c.original();
            if (o.proto() == Conntrack.IPPROTO_TCP && o.srcPort() == clientPort && o.dstPort() == PORT
                    && o.dst().getHostAddress().equals(eip) && o.src().getHostAddress().equals(Topology.CLIENT_ADDRESS)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The demo's watch chain: {@code meta mark KEY counter} per tenant, at forward priority -10. */
    private static void watch(Topology topo, GatewayConfig cfg) {
        try (Nftables nft = Nftables.open(topo.ns("gw"))) {
            var tx = nft.transaction()
                    .addTable(WATCH)
                    .addChain(Chain.base(WATCH, WATCH_CHAIN, BaseChain.of(ChainType.FILTER, Hook.FORWARD, -10)));
            for (TenantConfig t : cfg.tenants()) {
                tx.addRule(io.github.netlink4j.nft.Rule.builder(WATCH, WATCH_CHAIN).match(Match.metaMark(t.mark()))
                        .then(Stmt.counter()).comment("tenant " + t.name()).build());
            }
            tx.commit();
        }
    }

    private static long watchCount(Nftables nft, String tenant) {
        String want = "tenant " + tenant;
        for (io.github.netlink4j.nft.Rule r : nft.rules(WATCH, WATCH_CHAIN)) {
            if (r.comment().orElse("").equals(want)) {
                for (Expr x : r.exprs()) {
                    if (x instanceof Counter c) {
                        return c.packets().orElse(0);
                    }
                }
            }
        }
        throw new IllegalStateException("no watch rule \"" + want + "\" in " + WATCH);
    }

    // --- report -----------------------------------------------------------------------------------

    private void describe(Topology topo, GatewayConfig cfg, Map<String, List<Flow>> flows) {
        try (Rtnetlink rt = Rtnetlink.open(topo.ns("gw")); Nftables nft = Nftables.open(topo.ns("gw"))) {
            Tenants tenants = Tenants.of(rt, Gateway.OWNER);
            Table gwTable = Table.of(Family.INET, Gateway.NFT_TABLE);
            Map<String, List<io.github.netlink4j.nft.Rule>> chains = new LinkedHashMap<>();
            for (String c : List.of("mark", "dnat", "snat")) {
                chains.put(c, nft.table(Family.INET, Gateway.NFT_TABLE).isPresent() ? nft.rules(gwTable, c) : List.of());
            }
            for (TenantConfig t : cfg.tenants()) {
                Optional<Tenant> read = tenants.read(t.vrf());
                line("tenant " + t.name() + "   VRF " + t.vrf() + read.map(x -> ", table " + Integer.toUnsignedString(x.table()))
                        .orElse(" MISSING") + ", tunnel key " + t.key());
                check("tenant " + t.name() + ": VRF " + t.vrf() + " with table " + t.table(),
                        read.isPresent() && Integer.toUnsignedLong(read.get().table()) == t.table(),
                        read.map(x -> "table " + Integer.toUnsignedString(x.table())).orElse("no such VRF"));
                List<Route> routes = read.map(Tenant::routes).orElse(List.of());
                line("  routes in table " + t.table() + ":");
                for (Route r : routes) {
                    line("    " + r);
                }
                for (OverlayRoute want : t.routes()) {
                    InetPrefix dst = InetPrefix.parse(want.dst().contains("/") ? want.dst() : want.dst() + "/32");
                    boolean ok = routes.stream().anyMatch(r -> r.dst().equals(dst) && r.encap().orElse(null) instanceof IpEncap enc
                            && enc.id().isPresent() && enc.id().getAsLong() == t.key()
                            && enc.dst().map(InetAddress::getHostAddress).orElse("").equals(want.hypervisor()));
                    check("tenant " + t.name() + ": route " + want.dst() + " through the tunnel with key " + t.key()
                            + " to " + want.hypervisor(), ok, ok ? "" : "not in table " + t.table());
                }
                List<io.github.netlink4j.rtnl.Rule> rules = read.map(Tenant::rules).orElse(List.of()).stream()
                        .filter(r -> r.family().equals(io.github.netlink4j.rtnl.AddressFamily.INET)).toList();
                line("  rules:");
                for (io.github.netlink4j.rtnl.Rule r : rules) {
                    line("    " + r);
                }
                boolean keyRule = rules.stream().anyMatch(r -> r.tunId().isPresent() && r.tunId().getAsLong() == t.key());
                check("tenant " + t.name() + ": rule tun_id " + t.key() + " lookup " + t.table(), keyRule, keyRule ? "" : "missing");
                line("  NAT rules (table inet " + Gateway.NFT_TABLE + "):");
                for (ElasticIp e : t.elasticIps()) {
                    boolean dnat = false;
                    boolean mark = false;
                    for (Map.Entry<String, List<io.github.netlink4j.nft.Rule>> c : chains.entrySet()) {
                        for (io.github.netlink4j.nft.Rule r : c.getValue()) {
                            String text = r.toString();
                            if (text.matches(".*\\b" + e.publicAddress().replace(".", "\\.") + "\\b.*")) {
                                line("    " + c.getKey() + ": " + text);
                                dnat |= c.getKey().equals("dnat") && text.contains(e.privateAddress());
                                mark |= c.getKey().equals("mark");
                            }
                        }
                    }
                    check("tenant " + t.name() + ": DNAT " + e.publicAddress() + " -> " + e.privateAddress()
                            + " and its mark", dnat && mark, (dnat ? "" : "no dnat rule ") + (mark ? "" : "no mark rule"));
                }
                line("  flows:");
                for (Flow f : flows.getOrDefault(t.name(), List.of())) {
                    line(String.format("    %-4s %s -> %s", f.kind(), f.from(), f.to()));
                    line("         arrived at " + f.expectedVm() + ": " + (f.arrived() ? "yes" : "NO") + " (" + f.arrival() + ")");
                    line("         offloaded: " + f.offloaded().map(o -> o ? "yes" : "NO").orElse("n/a") + " (" + f.offload() + ")");
                }
                line("");
            }
            nft.flowtable(gwTable, "ft").ifPresent(ft -> line("flowtable: " + ft));
        }
    }

    // --- plumbing ---------------------------------------------------------------------------------

    private void check(String what, boolean passed, String seen) {
        checks.add(new Check(what, passed, seen == null ? "" : seen));
        if (!passed) {
            LOG.debug("check failed: {}: {}", what, seen);
        }
    }

    private void line(String s) {
        report.append(s).append('\n');
        if (live != null) {
            live.println(s);
            live.flush();
        }
    }

    /** {@code file} relative to the working directory when it is below it. */
    private static String shown(Path file) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }

    static String kernel() {
        String release;
        try {
            release = Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim();
        } catch (IOException e) {
            release = "unknown (" + e.getMessage() + ")";
        }
        return release + ("1".equals(System.getenv("NETLINK4J_VM")) ? " (the test VM: stock Debian kernel under qemu)"
                : " (this machine's kernel)");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
