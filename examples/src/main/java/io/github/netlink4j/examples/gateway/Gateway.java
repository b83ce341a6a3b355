package io.github.netlink4j.examples.gateway;

import io.github.netlink4j.core.KernelException;
import io.github.netlink4j.core.NetNs;
import io.github.netlink4j.core.NetlinkException;
import io.github.netlink4j.core.NetlinkRequest;
import io.github.netlink4j.examples.gateway.GatewayConfig.ElasticIp;
import io.github.netlink4j.examples.gateway.GatewayConfig.Hypervisor;
import io.github.netlink4j.examples.gateway.GatewayConfig.OverlayRoute;
import io.github.netlink4j.examples.gateway.GatewayConfig.TenantConfig;
import io.github.netlink4j.nft.BaseChain;
import io.github.netlink4j.nft.Chain;
import io.github.netlink4j.nft.ChainType;
import io.github.netlink4j.nft.CtState;
import io.github.netlink4j.nft.Family;
import io.github.netlink4j.nft.Flowtable;
import io.github.netlink4j.nft.Hook;
import io.github.netlink4j.nft.Match;
import io.github.netlink4j.nft.Nftables;
import io.github.netlink4j.nft.Stmt;
import io.github.netlink4j.nft.Table;
import io.github.netlink4j.nft.Transaction;
import io.github.netlink4j.nft.TransactionException;
import io.github.netlink4j.rtnl.AddressFamily;
import io.github.netlink4j.rtnl.Inet;
import io.github.netlink4j.rtnl.Link;
import io.github.netlink4j.rtnl.LinkChange;
import io.github.netlink4j.rtnl.LinkRef;
import io.github.netlink4j.rtnl.MacAddress;
import io.github.netlink4j.rtnl.Neighbour;
import io.github.netlink4j.rtnl.NeighbourState;
import io.github.netlink4j.rtnl.Route;
import io.github.netlink4j.rtnl.RouteProtocol;
import io.github.netlink4j.rtnl.Rtnetlink;
import io.github.netlink4j.rtnl.Rule;
import io.github.netlink4j.rtnl.Rules;
import io.github.netlink4j.tunnel.Gre;
import io.github.netlink4j.tunnel.IpEncap;
import io.github.netlink4j.vrf.Tenant;
import io.github.netlink4j.vrf.TenantException;
import io.github.netlink4j.vrf.TenantReport;
import io.github.netlink4j.vrf.Tenants;
import io.github.netlink4j.vrf.Vrf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The multi-tenant overlay gateway: brings a network namespace to what a {@link GatewayConfig}
 * describes, sending only what differs, through the library alone (no {@code ip} or {@code nft}
 * process).
 *
 * <p><b>What it programs.</b>
 * <ul>
 * <li>sysctls {@code net.ipv4.ip_forward=1} and {@code rp_filter=0} on all, default, the tunnel and
 *     the uplink (written from a thread inside the namespace);</li>
 * <li>the tunnel: {@code ip link add tun type gretap external}, up; a permanent neighbour
 *     {@code via -> mac} on it per hypervisor (other permanent entries on it are removed);</li>
 * <li>per tenant, through {@link Tenants} with route protocol {@link #OWNER}: VRF {@code vrf} with
 *     table T; in T {@code DST via VIA dev tun onlink encap ip id KEY dst UNDERLAY key} per route
 *     (through nexthop objects shared per tenant and hypervisor) and {@code default via UPLINKGW dev
 *     UPLINK}; rules {@code pref 2000 tun_id KEY lookup T} and {@code pref 2001 fwmark KEY iif UPLINK lookup T}
 *     (only from the uplink: the tunnel's outer packets keep the mark of what they carry);
 *     the l3mdev rule;</li>
 * <li>nftables table {@code inet netlink4j-gw}: chain {@code mark} (filter prerouting -150)
 *     {@code ip daddr EIP meta mark set KEY}, chain {@code dnat} (nat prerouting -100) {@code ip daddr
 *     EIP dnat ip to PRIVATE}, chain {@code snat} (nat postrouting 100) {@code oifname UPLINK ip saddr
 *     PRIVATE snat ip to EIP} for private addresses no other tenant uses, flowtable {@code ft} (ingress
 *     0, devices uplink and tunnel) and chain {@code forward} (filter forward 0) {@code ct state
 *     established flow add @ft}. Each tenant's rules carry the comment {@code tenant NAME}. All nft
 *     changes of a reconcile go in one transaction.</li>
 * </ul>
 *
 * <p><b>What it owns.</b> The VRFs whose table has a rule of protocol {@link #OWNER} (its tenants),
 * the routes, rules and nexthop objects of that protocol, the tunnel device, the permanent
 * neighbours on it, and the nft table {@link #NFT_TABLE}. A tenant gone from the file is removed with
 * everything it had; nothing else in the namespace is touched.
 *
 * <p><b>Errors.</b> A namespace that makes the file impossible (no uplink, a tunnel name taken by
 * another kind of device, a VRF name or table used by something not the gateway's) is an {@link
 * IllegalStateException} before anything is sent. A kernel refusal midway is reported in {@link
 * GatewayReport#errors()} and the tenant reports, and the rest still converges.
 *
 * <p>Thread safety: reconcile and teardown are serialized.
 */
public final class Gateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

    /** The route protocol of the gateway's routes, rules and nexthop objects ({@code proto 201} in ip's output). */
    public static final RouteProtocol OWNER = RouteProtocol.of(201);
    /** The nftables table the gateway owns ({@code inet netlink4j-gw}). */
    public static final String NFT_TABLE = "netlink4j-gw";
    /** The priority of the rules {@code tun_id KEY lookup T}. */
    public static final int TUNNEL_KEY_RULE_PRIORITY = 2000;
    /** The priority of the rules {@code fwmark KEY lookup T}. */
    public static final int MARK_RULE_PRIORITY = 2001;
    /** The priority at which the VRF driver (and {@link Tenants}) put the l3mdev rule. */
    static final int L3MDEV_RULE_PRIORITY = 1000;

    static final Table TABLE = Table.of(Family.INET, NFT_TABLE);
    static final String FLOWTABLE = "ft";
    /** The gateway's chains, in the order they are created. */
    static final Map<String, BaseChain> CHAINS = new LinkedHashMap<>();

    static {
        CHAINS.put("mark", BaseChain.of(ChainType.FILTER, Hook.PREROUTING, -150));
        CHAINS.put("dnat", BaseChain.of(ChainType.NAT, Hook.PREROUTING, -100));
        CHAINS.put("snat", BaseChain.of(ChainType.NAT, Hook.POSTROUTING, 100));
        CHAINS.put("forward", BaseChain.of(ChainType.FILTER, Hook.FORWARD, 0));
    }

    private final NetNs ns;
    private final boolean ownsNs;
    private final Rtnetlink rt;
    private final Nftables nft;
    private final Tenants tenants;
    /** The tunnel of the last reconcile: the one to delete when the file names another. */
    private String tunnel;
    /** Sysctls this gateway changed and their values before, for teardown. */
    private final Map<String, String> sysctlsBefore = new LinkedHashMap<>();

    private Gateway(NetNs ns, boolean ownsNs) {
        this.ns = ns;
        this.ownsNs = ownsNs;
        Rtnetlink r = null;
        Nftables n = null;
        try {
            r = Rtnetlink.open(ns);
            n = Nftables.open(ns);
        } catch (RuntimeException e) {
            if (r != null) {
                r.close();
            }
            if (ownsNs) {
                ns.close();
            }
            throw e;
        }
        this.rt = r;
        this.nft = n;
        this.tenants = Tenants.of(rt, OWNER);
    }

    /** A gateway on network namespace {@code ns}, which stays the caller's to close. */
    public static Gateway open(NetNs ns) {
        return new Gateway(Objects.requireNonNull(ns, "ns"), false);
    }

    /** A gateway on the calling thread's network namespace. */
    public static Gateway open() {
        return new Gateway(NetNs.current(), true);
    }

    // ---------------------------------------------------------------------------------------------
    // reconcile

    /** The namespace as reconcile needs it. */
    private record State(Map<String, Link> links, Map<String, Integer> vrfTables, Map<String, Integer> ownedVrfs) {
        static State read(Rtnetlink rt) {
            Map<String, Link> links = new LinkedHashMap<>();
            Map<String, Integer> vrfs = new TreeMap<>();
            for (Link l : rt.links().list()) {
                links.put(l.name(), l);
                if (l.kind().orElse(null) instanceof Vrf v) {
                    vrfs.put(l.name(), v.table());
                }
            }
            Set<Integer> ownedTables = new HashSet<>();
            for (AddressFamily f : List.of(AddressFamily.INET, AddressFamily.INET6)) {
                for (Rule r : rt.rules().list(f)) {
                    if (r.protocol().orElse(RouteProtocol.UNSPEC).equals(OWNER)) {
                        ownedTables.add(r.table());
                    }
                }
            }
            Map<String, Integer> owned = new TreeMap<>();
            vrfs.forEach((name, table) -> {
                if (ownedTables.contains(table)) {
                    owned.put(name, table);
                }
            });
            return new State(links, vrfs, owned);
        }
    }

    /**
     * Brings the namespace to {@code cfg}: creates, changes and removes only what differs, and logs
     * each change at INFO as the command it stands for. Reconciling the same configuration again sends
     * nothing.
     *
     * @return what was sent; {@link GatewayReport#changesSent()} is 0 when the namespace already matched
     * @throws IllegalStateException when the namespace makes {@code cfg} impossible; nothing is sent
     */
    public synchronized GatewayReport reconcile(GatewayConfig cfg) {
        Objects.requireNonNull(cfg, "cfg");
        State s = State.read(rt);
        Set<String> remove = check(cfg, s);
        GatewayReport.Builder report = new GatewayReport.Builder();

        // forwarding, and no reverse-path filter on the devices tenants' packets cross
        sysctl(report, "net/ipv4/ip_forward", "1");
        sysctl(report, "net/ipv4/conf/all/rp_filter", "0");
        sysctl(report, "net/ipv4/conf/default/rp_filter", "0");
        sysctl(report, "net/ipv4/conf/" + cfg.uplink() + "/rp_filter", "0");

        // the tunnel: the one of the previous file goes first, so routes through it go with it
        if (tunnel != null && !tunnel.equals(cfg.tunnel()) && isExternalGretap(s.links().get(tunnel))) {
            shared(report, rt.links().deleteRequest(tunnel));
        }
        Link tun = s.links().get(cfg.tunnel());
        if (tun == null) {
            shared(report, rt.links().addRequest(Link.builder(cfg.tunnel()).kind(Gre.gretap().external().build()).up().build()));
        } else if (!tun.isUp()) {
            shared(report, rt.links().setRequest(LinkChange.of(cfg.tunnel()).up().build()));
        }
        tunnel = cfg.tunnel();
        sysctl(report, "net/ipv4/conf/" + cfg.tunnel() + "/rp_filter", "0");
        neighbours(cfg, report);

        // tenants: the ones gone (or whose table changed) first, so their tables and names are free
        for (String vrf : remove) {
            removeTenant(report, vrf);
        }
        for (TenantConfig t : cfg.tenants()) {
            try {
                TenantReport r = tenants.apply(tenant(cfg, t));
                logTenant(t.vrf(), r);
                report.tenants.add(r);
            } catch (TenantException e) {
                logTenant(t.vrf(), e.report());
                report.tenants.add(e.report());
                report.errors.add("tenant \"" + t.name() + "\": " + e.getMessage());
            } catch (IllegalStateException e) {
                LOG.error("tenant {}: {}", t.name(), e.getMessage());
                report.errors.add("tenant \"" + t.name() + "\": " + e.getMessage());
            }
        }

        nftables(cfg, report);
        GatewayReport r = report.build();
        LOG.info("reconciled {} tenant{} ({}): {}", cfg.tenants().size(), cfg.tenants().size() == 1 ? "" : "s",
                String.join(", ", cfg.tenants().stream().map(TenantConfig::name).toList()), r.summary());
        return r;
    }

    /**
     * Checks {@code cfg} against the namespace before anything is sent.
     *
     * @return the gateway's VRFs to remove: those not in the file, and those whose table changed
     */
    private Set<String> check(GatewayConfig cfg, State s) {
        if (!s.links().containsKey(cfg.uplink())) {
            throw new IllegalStateException("uplink: device " + cfg.uplink() + " does not exist");
        }
        Link tun = s.links().get(cfg.tunnel());
        if (tun != null && !isExternalGretap(tun)) {
            throw new IllegalStateException("tunnel: a device named " + cfg.tunnel() + " exists and is not a gretap in "
                    + "external mode (" + tun.kind().map(k -> "type " + k.kind()).orElse("no kind") + ")");
        }
        Set<String> remove = new TreeSet<>(s.ownedVrfs().keySet());
        Map<String, TenantConfig> byVrf = new HashMap<>();
        cfg.tenants().forEach(t -> byVrf.put(t.vrf(), t));
        for (TenantConfig t : cfg.tenants()) {
            Integer owned = s.ownedVrfs().get(t.vrf());
            if (owned != null && owned == t.tableId()) {
                remove.remove(t.vrf());
            }
        }
        for (TenantConfig t : cfg.tenants()) {
            String where = "tenant \"" + t.name() + "\": ";
            Link l = s.links().get(t.vrf());
            if (l != null && !(l.kind().orElse(null) instanceof Vrf)) {
                throw new IllegalStateException(where + "vrf: a device named " + t.vrf() + " exists and is not a VRF ("
                        + l.kind().map(k -> "type " + k.kind()).orElse("no kind") + ")");
            }
            if (t.vrf().equals(cfg.uplink())) {
                throw new IllegalStateException(where + "vrf: " + t.vrf() + " is the uplink");
            }
            Integer table = s.vrfTables().get(t.vrf());
            if (table != null && table != t.tableId() && !s.ownedVrfs().containsKey(t.vrf())) {
                throw new IllegalStateException(where + "vrf: VRF " + t.vrf() + " exists with table "
                        + Integer.toUnsignedString(table) + " and is not the gateway's");
            }
            for (Map.Entry<String, Integer> v : s.vrfTables().entrySet()) {
                if (v.getValue() == t.tableId() && !v.getKey().equals(t.vrf()) && !remove.contains(v.getKey())) {
                    throw new IllegalStateException(where + "table: " + t.table() + " belongs to VRF " + v.getKey()
                            + (s.ownedVrfs().containsKey(v.getKey()) ? " (tenant " + v.getKey() + " of the gateway)"
                            : ", which is not the gateway's"));
                }
            }
        }
        return remove;
    }

    private static boolean isExternalGretap(Link l) {
        return l != null && l.kind().orElse(null) instanceof Gre g && g.kind().equals("gretap") && g.external();
    }

    /** What {@link Tenants} is to make of tenant {@code t}. */
    static Tenant tenant(GatewayConfig cfg, TenantConfig t) {
        Tenant.Builder b = Tenant.builder(t.vrf(), t.tableId())
                .rule(Rule.builder().family(AddressFamily.INET).priority(TUNNEL_KEY_RULE_PRIORITY).tunId(t.key())
                        .table(t.tableId()).build())
                .rule(Rule.builder().family(AddressFamily.INET).priority(MARK_RULE_PRIORITY).iif(cfg.uplink())
                        .fwmark(t.mark()).table(t.tableId()).build())
                .route(Route.to("0.0.0.0/0").via(cfg.uplinkGateway()).dev(cfg.uplink()).build());
        for (OverlayRoute r : t.routes()) {
            Hypervisor h = cfg.hypervisor(r.hypervisor());
            b.route(Route.to(r.dst()).via(h.via()).dev(cfg.tunnel()).onlink()
                    .encap(IpEncap.id(t.key()).dst(h.underlay()).key().build()).build());
        }
        return b.build();
    }

    private void removeTenant(GatewayReport.Builder report, String vrf) {
        try {
            TenantReport r = tenants.remove(vrf);
            logTenant(vrf, r);
            report.tenants.add(r);
        } catch (TenantException e) {
            logTenant(vrf, e.report());
            report.tenants.add(e.report());
            report.errors.add("removing " + vrf + ": " + e.getMessage());
        }
    }

    private static void logTenant(String vrf, TenantReport r) {
        for (NetlinkRequest a : r.applied()) {
            LOG.info("{}: {}", vrf, a);
        }
        for (TenantReport.Refusal f : r.refused()) {
            LOG.error("{}: refused: {}", vrf, f);
        }
        for (NetlinkRequest n : r.notSent()) {
            LOG.error("{}: not sent: {}", vrf, n);
        }
    }

    /** Sends one shared change, logs and records it. */
    private boolean shared(GatewayReport.Builder report, NetlinkRequest req) {
        return shared(report, req, req.toString());
    }

    private boolean shared(GatewayReport.Builder report, NetlinkRequest req, String text) {
        try {
            rt.channel().execute(req);
            LOG.info("{}", text);
            report.shared.add(text);
            return true;
        } catch (KernelException e) {
            LOG.error("refused: {}: {}", text, e.getMessage());
            report.shared.add(text);
            report.errors.add(text + ": " + e.getMessage());
            return false;
        }
    }

    /** Permanent neighbours {@code via -> mac} on the tunnel, and no other permanent entry there. */
    private void neighbours(GatewayConfig cfg, GatewayReport.Builder report) {
        Optional<Link> tun = rt.links().get(cfg.tunnel());
        if (tun.isEmpty()) {
            return;   // its creation was refused (reported)
        }
        int ifindex = tun.get().index();
        Map<String, Neighbour> have = new HashMap<>();
        for (Neighbour n : rt.neighbours().list(AddressFamily.INET, LinkRef.name(cfg.tunnel()))) {
            n.destination().ifPresent(d -> have.put(Inet.format(d), n));
        }
        Set<String> want = new HashSet<>();
        for (Hypervisor h : cfg.hypervisors()) {
            want.add(h.via());
            Neighbour n = have.get(h.via());
            MacAddress mac = MacAddress.parse(h.mac());
            if (n != null && n.state().equals(NeighbourState.PERMANENT) && n.lladdr().equals(Optional.of(mac))) {
                continue;
            }
            Neighbour desired = Neighbour.builder(h.via(), ifindex).lladdr(mac).state(NeighbourState.PERMANENT).build();
            shared(report, rt.neighbours().replaceRequest(desired),
                    "ip neigh replace " + h.via() + " lladdr " + h.mac() + " dev " + cfg.tunnel() + " nud permanent");
        }
        for (Map.Entry<String, Neighbour> e : new TreeMap<>(have).entrySet()) {
            if (!want.contains(e.getKey()) && e.getValue().state().equals(NeighbourState.PERMANENT)) {
                shared(report, rt.neighbours().deleteRequest(e.getValue()),
                        "ip neigh del " + e.getKey() + " dev " + cfg.tunnel());
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // sysctls

    /** Writes {@code value} to /proc/sys/{@code key} inside the namespace when it differs. */
    private void sysctl(GatewayReport.Builder report, String key, String value) {
        String text = "sysctl -w " + key.replace('/', '.') + "=" + value;
        try {
            Optional<String> before = ns.readSysctl(key);
            if (before.isEmpty()) {
                LOG.error("failed: {}: no such sysctl", text);
                report.errors.add(text + ": no such sysctl");
            } else if (!before.get().equals(value)) {
                ns.writeSysctl(key, value);
                sysctlsBefore.putIfAbsent(key, before.get());
                LOG.info("{}", text);
                report.shared.add(text);
            }
        } catch (NetlinkException | UncheckedIOException e) {
            LOG.error("failed: {}: {}", text, e.toString());
            report.errors.add(text + ": " + e);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // nftables

    /** The rules the gateway wants, per chain. */
    static Map<String, List<io.github.netlink4j.nft.Rule>> nftRules(GatewayConfig cfg, List<String> warnings) {
        Map<String, List<io.github.netlink4j.nft.Rule>> rules = new LinkedHashMap<>();
        CHAINS.keySet().forEach(c -> rules.put(c, new ArrayList<>()));
        Map<String, List<String>> tenantsByPrivate = new TreeMap<>();
        for (TenantConfig t : cfg.tenants()) {
            for (ElasticIp e : t.elasticIps()) {
                tenantsByPrivate.computeIfAbsent(e.privateAddress(), k -> new ArrayList<>()).add(t.name());
            }
        }
        for (TenantConfig t : cfg.tenants()) {
            String comment = "tenant " + t.name();
            for (ElasticIp e : t.elasticIps()) {
                rules.get("mark").add(io.github.netlink4j.nft.Rule.builder(TABLE, "mark").match(Match.ipDaddr(e.publicAddress()))
                        .then(Stmt.metaMarkSet(t.mark())).comment(comment).build());
                rules.get("dnat").add(io.github.netlink4j.nft.Rule.builder(TABLE, "dnat").match(Match.ipDaddr(e.publicAddress()))
                        .then(Stmt.dnat(e.privateAddress())).comment(comment).build());
                if (tenantsByPrivate.get(e.privateAddress()).size() == 1) {
                    rules.get("snat").add(io.github.netlink4j.nft.Rule.builder(TABLE, "snat").match(Match.oifname(cfg.uplink()))
                            .match(Match.ipSaddr(e.privateAddress())).then(Stmt.snat(e.publicAddress())).comment(comment)
                            .build());
                }
            }
        }
        tenantsByPrivate.forEach((addr, names) -> {
            if (names.size() > 1) {
                warnings.add("no SNAT for " + addr + ": tenants " + String.join(", ", names)
                        + " all use it, and nft cannot tell their packets apart (it does not see the tunnel key); their "
                        + "VMs reach the uplink only in reply to connections to their elastic IPs");
            }
        });
        rules.get("forward").add(io.github.netlink4j.nft.Rule.builder(TABLE, "forward").match(Match.ctState(CtState.ESTABLISHED))
                .then(Stmt.flowAdd(FLOWTABLE)).build());
        return rules;
    }

    private void nftables(GatewayConfig cfg, GatewayReport.Builder report) {
        List<String> warnings = new ArrayList<>();
        Map<String, List<io.github.netlink4j.nft.Rule>> want = nftRules(cfg, warnings);
        for (String w : warnings) {
            LOG.warn("{}", w);
        }
        report.warnings.addAll(warnings);

        Transaction tx = nft.transaction();
        boolean tableExists = nft.table(Family.INET, NFT_TABLE).isPresent();
        Map<String, Chain> chains = new HashMap<>();
        Optional<Flowtable> ft = Optional.empty();
        if (tableExists) {
            nft.chains(TABLE).forEach(c -> chains.put(c.name(), c));
            ft = nft.flowtable(TABLE, FLOWTABLE);
        } else {
            tx.addTable(TABLE);
        }
        // existing rules by their text (comment included), handles kept for deletion
        Map<String, Map<String, List<io.github.netlink4j.nft.Rule>>> have = new HashMap<>();
        for (Map.Entry<String, BaseChain> c : CHAINS.entrySet()) {
            Chain existing = chains.get(c.getKey());
            Map<String, List<io.github.netlink4j.nft.Rule>> byText = new LinkedHashMap<>();
            have.put(c.getKey(), byText);
            if (existing != null && !sameHook(existing, c.getValue())) {
                tx.flushChain(existing).deleteChain(existing);
                existing = null;
            }
            if (existing == null) {
                tx.addChain(Chain.base(TABLE, c.getKey(), c.getValue()));
            } else {
                for (io.github.netlink4j.nft.Rule r : nft.rules(TABLE, c.getKey())) {
                    byText.computeIfAbsent(r.toString(), k -> new ArrayList<>()).add(r);
                }
            }
        }
        Flowtable wantFt = Flowtable.of(TABLE, FLOWTABLE, 0, cfg.uplink(), cfg.tunnel());
        if (ft.isPresent() && !(ft.get().hook().equals(Hook.INGRESS) && ft.get().priority() == 0
                && new TreeSet<>(ft.get().devices()).equals(new TreeSet<>(wantFt.devices())))) {
            // a flowtable's devices cannot be taken away: delete it, and first the rules that use it
            for (List<io.github.netlink4j.nft.Rule> rs : have.get("forward").values()) {
                rs.forEach(tx::deleteRule);
            }
            have.get("forward").clear();
            tx.deleteFlowtable(ft.get());
            ft = Optional.empty();
        }
        if (ft.isEmpty()) {
            tx.addFlowtable(wantFt);
        }
        List<io.github.netlink4j.nft.Rule> adds = new ArrayList<>();
        for (Map.Entry<String, List<io.github.netlink4j.nft.Rule>> c : want.entrySet()) {
            Map<String, List<io.github.netlink4j.nft.Rule>> byText = have.get(c.getKey());
            for (io.github.netlink4j.nft.Rule r : c.getValue()) {
                List<io.github.netlink4j.nft.Rule> same = byText.get(r.toString());
                if (same != null && !same.isEmpty()) {
                    same.remove(0);
                } else {
                    adds.add(r);
                }
            }
            for (List<io.github.netlink4j.nft.Rule> left : byText.values()) {
                left.forEach(tx::deleteRule);
            }
        }
        adds.forEach(tx::addRule);
        if (tx.size() > 0) {
            commit(report, tx);
        }
    }

    /** Commits {@code tx} (all or nothing) and reports its changes, or that none was applied. */
    private static void commit(GatewayReport.Builder report, Transaction tx) {
        List<String> commands = tx.commands();
        report.nft.addAll(commands);
        try {
            tx.commit();
            commands.forEach(c -> LOG.info("{}", c));
        } catch (TransactionException e) {
            LOG.error("nft transaction of {} changes refused, none applied: {}", commands.size(), e.getMessage());
            commands.forEach(c -> LOG.error("  not applied: {}", c));
            report.errors.add("nft transaction refused (none of its " + commands.size() + " changes applied): "
                    + e.getMessage());
        }
    }

    private static boolean sameHook(Chain c, BaseChain want) {
        return c.base().isPresent() && c.base().get().type().equals(want.type()) && c.base().get().hook().equals(want.hook())
                && c.base().get().priority() == want.priority();
    }

    // ---------------------------------------------------------------------------------------------
    // teardown

    /**
     * Removes everything the gateway made: the nft table, every tenant (VRFs, routes, rules, nexthop
     * objects), the tunnel (that of the last reconcile, else {@code tun} when it is an external
     * gretap) with its neighbours, the l3mdev rules when no VRF is left in the namespace, and puts
     * back the sysctls this gateway changed.
     *
     * @return what was sent
     */
    public synchronized GatewayReport teardown() {
        GatewayReport.Builder report = new GatewayReport.Builder();
        if (nft.table(Family.INET, NFT_TABLE).isPresent()) {
            commit(report, nft.transaction().deleteTable(TABLE));
        }
        State s = State.read(rt);
        for (String vrf : s.ownedVrfs().keySet()) {
            removeTenant(report, vrf);
        }
        String tun = tunnel != null ? tunnel : GatewayConfig.DEFAULT_TUNNEL;
        if (isExternalGretap(s.links().get(tun))) {
            shared(report, rt.links().deleteRequest(tun));
        }
        tunnel = null;
        boolean vrfLeft = rt.links().list().stream().anyMatch(l -> l.kind().orElse(null) instanceof Vrf);
        if (!vrfLeft) {
            for (AddressFamily f : List.of(AddressFamily.INET, AddressFamily.INET6)) {
                for (Rule r : rt.rules().list(f)) {
                    if (r.l3mdev() && r.priority().orElse(-1) == L3MDEV_RULE_PRIORITY) {
                        shared(report, new Rules.Request(false, r));
                    }
                }
            }
        }
        List<Map.Entry<String, String>> restore = new ArrayList<>(sysctlsBefore.entrySet());
        java.util.Collections.reverse(restore);
        sysctlsBefore.clear();
        for (Map.Entry<String, String> e : restore) {
            restoreSysctl(report, e.getKey(), e.getValue());
        }
        GatewayReport r = report.build();
        LOG.info("teardown: {}", r.summary());
        return r;
    }

    private void restoreSysctl(GatewayReport.Builder report, String key, String value) {
        String text = "sysctl -w " + key.replace('/', '.') + "=" + value;
        try {
            if (ns.readSysctl(key).isPresent()) {    // else the device is gone
                ns.writeSysctl(key, value);
                LOG.info("{}", text);
                report.shared.add(text);
            }
        } catch (NetlinkException | UncheckedIOException e) {
            LOG.error("failed: {}: {}", text, e.toString());
            report.errors.add(text + ": " + e);
        }
    }

    /** Closes the gateway's sockets (what it programmed stays). */
    @Override
    public void close() {
        try {
            nft.close();
        } finally {
            try {
                rt.close();
            } finally {
                if (ownsNs) {
                    ns.close();
                }
            }
        }
    }

    @Override
    public String toString() {
        return "Gateway[" + ns + "]";
    }
}
