package io.github.netlink4j.benchmarks;

import io.github.netlink4j.core.NetNs;
import io.github.netlink4j.core.PipelineResult;
import io.github.netlink4j.rtnl.Inet;
import io.github.netlink4j.rtnl.InetPrefix;
import io.github.netlink4j.rtnl.Link;
import io.github.netlink4j.rtnl.Nexthop;
import io.github.netlink4j.rtnl.Nexthops;
import io.github.netlink4j.rtnl.Route;
import io.github.netlink4j.rtnl.RouteFilter;
import io.github.netlink4j.rtnl.RouteVerb;
import io.github.netlink4j.rtnl.Rtnetlink;
import io.github.netlink4j.tunnel.IpEncap;
import io.github.netlink4j.tunnel.Vxlan;
import io.github.netlink4j.nft.BaseChain;
import io.github.netlink4j.nft.Chain;
import io.github.netlink4j.nft.ChainType;
import io.github.netlink4j.nft.Family;
import io.github.netlink4j.nft.Hook;
import io.github.netlink4j.nft.Match;
import io.github.netlink4j.nft.Nftables;
import io.github.netlink4j.nft.Rule;
import io.github.netlink4j.nft.Stmt;
import io.github.netlink4j.nft.Table;
import io.github.netlink4j.nft.Transaction;
import io.github.netlink4j.nft.TransactionException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The library's side of {@code scripts/bench}: installs and dumps the routes of the request files
 * the script generates for every contender, through the public API only, in fresh network
 * namespaces, several rounds in one JVM. Prints one line per measurement:
 *
 * <pre>
 * result NAME round=R count=N seconds=S failures=F cpu=C
 * </pre>
 *
 * Usage:
 * <pre>
 * KernelBench rounds R PLAIN_FILE ENCAP_FILE TABLE    install + dump, R rounds, fresh netns each
 *                                                     (named by -Dnetns.prefix; left for the caller to delete)
 * KernelBench dump NETNS TABLE                        stream a dump of an existing table (for -Xmx64m)
 * KernelBench nft R RULE_FILE                         one nftables transaction of every rule, R rounds, fresh netns each
 * KernelBench serve PLAIN_FILE ENCAP_FILE RULE_FILE TABLE
 *                                                     one JVM driven round by round from stdin, so that the
 *                                                     other contenders run between its rounds: {@code round R}
 *                                                     and {@code nft R} each print their results, then {@code done};
 *                                                     {@code warmup K} runs K unmeasured rounds numbered 0, -1, ...
 * </pre>
 *
 * Request file lines: {@code r DST} (a /32 on the vxlan device), {@code r DST NHID}, {@code nh ID DST KEY}.
 * Rule file lines: {@code dnat DADDR DPORT TO_ADDR TO_PORT}, each the rule
 * {@code ip daddr DADDR tcp dport DPORT dnat to TO_ADDR:TO_PORT} of chain {@code ip nat pre}
 * ({@code type nat hook prerouting priority dstnat}).
 */
public final class KernelBench {
    private static final String DEV = "vx0";

    private KernelBench() {
    }

    record Requests(List<Nexthop> nexthops, List<Route> routes) {
    }

    /** Parses a request file into library values; {@code dev} names the vxlan device. */
    static Requests load(Path file, int table) throws IOException {
        List<Nexthop> nhs = new ArrayList<>();
        List<Route> routes = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String[] f = line.trim().split(" ");
            if (f[0].equals("nh")) {
                int id = Integer.parseInt(f[1]);
                nhs.add(Nexthop.id(id).encap(IpEncap.id(Long.parseLong(f[3])).dst(f[2]).key().build()).dev(DEV).build());
            } else if (f[0].equals("r")) {
                Route.Builder b = Route.to(InetPrefix.host(Inet.parse(f[1]))).table(table);
                routes.add(f.length > 2 ? b.nhid(Integer.parseInt(f[2])).build() : b.dev(DEV).build());
            }
        }
        return new Requests(nhs, routes);
    }

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    private static long t0;
    private static long cpu0;

    /** Starts the clocks of one measurement: wall time, and the process's CPU time (every thread, GC and JIT included). */
    private static void start() {
        cpu0 = OS.getProcessCpuTime();
        t0 = System.nanoTime();
    }

    /** Wall seconds since {@link #start}; CPU seconds are taken with the result. */
    private static double since() {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void result(String name, int round, int count, double seconds, int failures) {
        double cpu = (OS.getProcessCpuTime() - cpu0) / 1e9;
        System.out.printf("result %s round=%d count=%d seconds=%.6f failures=%d cpu=%.6f%n", name, round, count, seconds,
                failures, cpu);
        System.out.flush();
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 5 && args[0].equals("rounds")) {
            rounds(Integer.parseInt(args[1]), Path.of(args[2]), Path.of(args[3]), Integer.parseInt(args[4]));
        } else if (args.length == 3 && args[0].equals("dump")) {
            dumpOnly(args[1], Integer.parseInt(args[2]));
        } else if (args.length == 3 && args[0].equals("nft")) {
            List<Rule> rules = loadRules(Path.of(args[2]));
            for (int round = 1; round <= Integer.parseInt(args[1]); round++) {
                nftRound(round, rules);
            }
        } else if (args.length == 5 && args[0].equals("serve")) {
            serve(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]), Integer.parseInt(args[4]));
        } else {
            System.err.println("usage: KernelBench rounds R PLAIN_FILE ENCAP_FILE TABLE | dump NETNS TABLE | nft R RULE_FILE"
                    + " | serve PLAIN_FILE ENCAP_FILE RULE_FILE TABLE");
            System.exit(2);
        }
    }

    private static void rounds(int rounds, Path plainFile, Path encapFile, int table) throws IOException {
        Requests plain = load(plainFile, table);
        Requests encap = load(encapFile, table);
        for (int round = 1; round <= rounds; round++) {
            round(round, plain, encap, table);
        }
    }

    /** Rounds on request, from stdin: the caller runs the other contenders between them. */
    private static void serve(Path plainFile, Path encapFile, Path ruleFile, int table) throws IOException {
        Requests plain = load(plainFile, table);
        Requests encap = load(encapFile, table);
        List<Rule> rules = loadRules(ruleFile);
        System.out.println("ready");
        System.out.flush();
        java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in));
        for (String line; (line = in.readLine()) != null; ) {
            String[] f = line.trim().split(" ");
            if (f.length == 2 && f[0].equals("round")) {
                round(Integer.parseInt(f[1]), plain, encap, table);
            } else if (f.length == 2 && f[0].equals("nft")) {
                nftRound(Integer.parseInt(f[1]), rules);
            } else if (f.length == 2 && f[0].equals("warmup")) {
                // unmeasured rounds for the JIT and the heap to settle, as JMH's warm-up iterations:
                // numbered 0 (the cold JVM, reported as such), then -1, -2, ...
                for (int w = 0; w > -Integer.parseInt(f[1]); w--) {
                    round(w, plain, encap, table);
                    nftRound(w, rules);
                }
            } else if (f[0].equals("quit")) {
                break;
            } else {
                System.err.println("KernelBench serve: unknown command " + line);
            }
            System.out.println("done");
            System.out.flush();
        }
    }

    private static String prefix() {
        // Namespaces are left for the caller to delete once every contender has run: the kernel
        // frees a namespace's routes in the background, which would slow whatever runs next.
        return System.getProperty("netns.prefix", "nl4jb-java-" + ProcessHandle.current().pid());
    }

    /** One round: plain routes by index and by device name, and encap routes through nexthops; dumps. */
    private static void round(int round, Requests plain, Requests encap, int table) {
        String prefix = prefix();
        // plain /32 routes on the vxlan device, then read back. The device is given by index, as
        // an application that resolved it once (Links.indexOf) gives it
        try (NetNs ns = NetNs.create(prefix + "-p" + round); Rtnetlink rt = Rtnetlink.open(ns)) {
            setUp(rt);
            List<Route> routes = withOif(plain.routes(), rt.links().indexOf(DEV));
            start();
            PipelineResult r = rt.routes().apply(RouteVerb.ADD, routes);
            result("java-install-plain", round, routes.size(), since(), r.failures().size());
            report(r);
            dump(rt, table, round, "plain");
        }
        // the same routes naming the device: apply resolves the name once, then copies each route
        try (NetNs ns = NetNs.create(prefix + "-n" + round); Rtnetlink rt = Rtnetlink.open(ns)) {
            setUp(rt);
            start();
            PipelineResult r = rt.routes().apply(RouteVerb.ADD, plain.routes());
            result("java-install-plain-devname", round, plain.routes().size(), since(), r.failures().size());
            report(r);
        }
        // nexthop objects with encap ip, routes by nhid, then read back
        try (NetNs ns = NetNs.create(prefix + "-e" + round); Rtnetlink rt = Rtnetlink.open(ns)) {
            setUp(rt);
            start();
            PipelineResult n = rt.nexthops().apply(Nexthops.Verb.ADD, encap.nexthops());
            PipelineResult r = rt.routes().apply(RouteVerb.ADD, encap.routes());
            result("java-install-encap", round, encap.routes().size(), since(),
                    n.failures().size() + r.failures().size());
            report(n);
            report(r);
            dump(rt, table, round, "encap");
        }
    }

    private static List<Route> withOif(List<Route> routes, int oif) {
        List<Route> out = new ArrayList<>(routes.size());
        for (Route r : routes) {
            out.add(r.dev().isPresent() ? r.withOif(oif) : r);
        }
        return out;
    }

    private static void setUp(Rtnetlink rt) {
        // ip link add vx0 type vxlan external dstport 4789 && ip link set vx0 up
        rt.links().add(Link.builder(DEV).kind(Vxlan.builder().external().dstport(4789).build()).up().build());
    }

    private static void report(PipelineResult r) {
        r.failures().stream().limit(3).forEach(f -> System.err.println("failure #" + f.index() + ": " + f.error().getMessage()));
    }

    private static void dump(Rtnetlink rt, int table, int round, String what) {
        RouteFilter f = RouteFilter.table(table);
        int[] count = new int[1];
        start();
        rt.routes().list(f, r -> count[0]++);
        result("java-dump-stream-" + what, round, count[0], since(), 0);
        start();
        List<Route> all = rt.routes().list(f);
        result("java-dump-list-" + what, round, all.size(), since(), 0);
    }

    /** Streams a dump of {@code table} in an existing namespace: what a small heap must survive. */
    private static void dumpOnly(String netns, int table) {
        try (NetNs ns = NetNs.open(netns); Rtnetlink rt = Rtnetlink.open(ns)) {
            RouteFilter f = RouteFilter.table(table);
            long maxHeap = Runtime.getRuntime().maxMemory();
            for (int round = 1; round <= 3; round++) {
                int[] count = new int[1];
                start();
                rt.routes().list(f, r -> count[0]++);
                result("java-dump-stream-heap" + (maxHeap >> 20) + "m", round, count[0], since(), 0);
            }
            // the same routes kept as a List: whether they fit is the application's heap, not the dump's
            try {
                start();
                List<Route> all = rt.routes().list(f);
                result("java-dump-list-heap" + (maxHeap >> 20) + "m", 1, all.size(), since(), 0);
            } catch (OutOfMemoryError e) {
                System.out.println("note list() of the whole table does not fit in " + (maxHeap >> 20) + " MB: " + e);
            }
        }
    }

    /** The rules of a rule file (see the class comment). */
    private static List<Rule> loadRules(Path ruleFile) throws IOException {
        Table nat = Table.of(Family.IP, "nat");
        List<Rule> rules = new ArrayList<>();
        for (String line : Files.readAllLines(ruleFile)) {
            String[] f = line.trim().split(" ");
            if (f[0].equals("dnat")) {
                rules.add(Rule.builder(nat, "pre").match(Match.ipDaddr(f[1])).match(Match.tcpDport(Integer.parseInt(f[2])))
                        .then(Stmt.dnat(f[3], Integer.parseInt(f[4]))).build());
            }
        }
        return rules;
    }

    /**
     * One transaction (table, base chain, every rule) into a fresh namespace; the rules were made
     * from the file before the clock starts, as routes are.
     */
    private static void nftRound(int round, List<Rule> rules) {
        Table nat = Table.of(Family.IP, "nat");
        Chain pre = Chain.base(nat, "pre", BaseChain.of(ChainType.NAT, Hook.PREROUTING, -100));
        try (NetNs ns = NetNs.create(prefix() + "-nft" + round); Nftables nft = Nftables.open(ns)) {
            start();
            Transaction tx = nft.transaction().addTable(nat).addChain(pre);
            for (Rule r : rules) {
                tx.addRule(r);
            }
            int failures = 0;
            try {
                tx.commit();
            } catch (TransactionException e) {
                failures = 1;
                System.err.println("nft transaction refused: " + e.getMessage());
            }
            result("java-nft-rules", round, rules.size(), since(), failures);
        }
    }
}
