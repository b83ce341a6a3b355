package io.github.netlink4j.vrf;

import io.github.netlink4j.core.KernelException;
import io.github.netlink4j.core.NetlinkChannel;
import io.github.netlink4j.core.NetlinkRequest;
import io.github.netlink4j.core.PipelineOptions;
import io.github.netlink4j.core.PipelineResult;
import io.github.netlink4j.rtnl.AddressFamily;
import io.github.netlink4j.rtnl.Inet;
import io.github.netlink4j.rtnl.Link;
import io.github.netlink4j.rtnl.LinkChange;
import io.github.netlink4j.rtnl.Nexthop;
import io.github.netlink4j.rtnl.Nexthops;
import io.github.netlink4j.rtnl.Route;
import io.github.netlink4j.rtnl.RouteEncap;
import io.github.netlink4j.rtnl.RouteFilter;
import io.github.netlink4j.rtnl.RouteMetrics;
import io.github.netlink4j.rtnl.RouteProtocol;
import io.github.netlink4j.rtnl.RouteRequest;
import io.github.netlink4j.rtnl.RouteType;
import io.github.netlink4j.rtnl.RouteVerb;
import io.github.netlink4j.rtnl.Rtnetlink;
import io.github.netlink4j.rtnl.Rule;
import io.github.netlink4j.rtnl.Rules;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * Declarative per-tenant routing: {@link #apply(Tenant)} brings the kernel to exactly what a
 * {@link Tenant} describes, and {@link #remove(String)} takes a tenant away.
 *
 * <p><b>What a tenant owns.</b> Its VRF device; the routes in the VRF's table and the rules into
 * it that carry this handle's protocol ({@link #owner()}, {@code proto} in ip's output); and the
 * nexthop objects with that protocol its routes use. Everything else — routes the kernel adds for
 * addresses, routes and rules of other protocols, the shared l3mdev rule, other tenants — is never
 * changed.
 *
 * <p><b>apply</b> reads the namespace (links, the table's routes, nexthop objects, rules), checks the
 * description against it, then sends only the difference: creates the VRF when missing, enslaves
 * and releases members, adds the l3mdev rule when missing, adds the nexthop objects routes with an
 * encap need (one per distinct encap, gateway and device, shared with any tenant that has the same),
 * replaces routes that are missing or differ, deletes routes and rules no longer described, and
 * deletes the nexthop objects no route uses any more. Applying the same description again sends no
 * change at all. Routes go in one pipeline (many per sendmsg, failures only answered), so a tenant
 * of 100,000 routes applies in about as long as the kernel takes to install them.
 *
 * <p><b>Errors.</b> What the namespace makes impossible — the table used by another VRF, the name
 * taken by a device that is not a VRF, the VRF existing with another table, a member enslaved to
 * another master, a device that does not exist — is an {@link IllegalStateException} before
 * anything is sent. When the kernel refuses changes midway, {@link TenantException} carries a
 * {@link TenantReport} of what was applied, what was refused and what was not sent (routes whose
 * nexthop object was refused).
 *
 * <p>Thread safety: as the {@link Rtnetlink} it uses; two handles must not apply the same tenant at
 * once.
 */
public final class Tenants {
    /**
     * The protocol tenants' routes, rules and nexthop objects carry unless another is chosen: 200, a
     * number iproute2 does not name ({@code proto 200} in ip's output).
     */
    public static final RouteProtocol DEFAULT_OWNER = RouteProtocol.of(200);

    /** The mask of nexthop and route flags a description can set (RTNH_F_ONLINK). */
    private static final int DESCRIBED_FLAGS = Route.FLAG_ONLINK;

    private final Rtnetlink rt;
    private final Vrfs vrfs;
    private final RouteProtocol owner;

    private Tenants(Rtnetlink rt, RouteProtocol owner) {
        this.rt = rt;
        this.vrfs = Vrfs.of(rt);
        this.owner = owner;
    }

    /** Tenants on {@code rt}'s namespace, owned through {@link #DEFAULT_OWNER}. */
    public static Tenants of(Rtnetlink rt) {
        return of(rt, DEFAULT_OWNER);
    }

    /**
     * Tenants on {@code rt}'s namespace, owned through {@code owner}: routes, rules and nexthop
     * objects with that protocol are the tenants', and nothing else is.
     *
     * @throws IllegalArgumentException for a protocol the kernel itself uses (unspec, redirect, kernel)
     */
    public static Tenants of(Rtnetlink rt, RouteProtocol owner) {
        Objects.requireNonNull(rt, "rt");
        Objects.requireNonNull(owner, "owner");
        if (owner.number() <= RouteProtocol.KERNEL.number()) {
            throw new IllegalArgumentException("owner protocol must be 3..255 (not one the kernel uses), was " + owner);
        }
        return new Tenants(rt, owner);
    }

    /** The protocol that marks what tenants own. */
    public RouteProtocol owner() {
        return owner;
    }

    // ---------------------------------------------------------------------------------------------
    // apply

    /**
     * Brings the kernel to exactly {@code tenant}.
     *
     * @return what was sent (no change at all when the kernel already matched)
     * @throws IllegalStateException when the namespace makes the description impossible; nothing is sent
     * @throws TenantException       when the kernel refused part of it; the report says what was applied
     */
    public TenantReport apply(Tenant tenant) {
        Objects.requireNonNull(tenant, "tenant");
        State now = read();
        Plan plan = plan(tenant, now);
        return execute(tenant, plan, now);
    }

    /** The namespace as apply needs it. */
    private record State(Map<String, Link> links, Map<Integer, Link> byIndex, List<Vrfs.VrfDevice> vrfs,
                         List<Nexthop> nexthops) {
        OptionalInt index(String name) {
            Link l = links.get(name);
            return l == null ? OptionalInt.empty() : OptionalInt.of(l.index());
        }
    }

    private State read() {
        Map<String, Link> links = new LinkedHashMap<>();
        Map<Integer, Link> byIndex = new HashMap<>();
        for (Link l : rt.links().list()) {
            links.put(l.name(), l);
            byIndex.put(l.index(), l);
        }
        List<Vrfs.VrfDevice> vrfList = new ArrayList<>();
        for (Link l : links.values()) {
            if (l.kind().orElse(null) instanceof Vrf v) {
                vrfList.add(new Vrfs.VrfDevice(l.name(), l.index(), v.table()));
            }
        }
        return new State(links, byIndex, vrfList, rt.nexthops().list());
    }

    /** What a nexthop object is, for sharing: family, gateway, device, encap as stored, onlink. */
    private record NexthopShape(AddressFamily family, Optional<InetAddress> gateway, int oif, Optional<RouteEncap> encap,
                                int flags) {
        /** The shape of the nexthop object route {@code r} (with an encap, its device resolved) needs. */
        static NexthopShape of(Route r) {
            return new NexthopShape(r.gateway().map(AddressFamily::of).orElse(r.family()), r.gateway(), r.oif().getAsInt(),
                    r.encap().map(RouteEncap::normalized), r.flags() & DESCRIBED_FLAGS);
        }

        static NexthopShape of(Nexthop n) {
            return new NexthopShape(n.family(), n.gateway(), n.oif().orElse(0), n.encap().map(RouteEncap::normalized),
                    n.flags() & DESCRIBED_FLAGS);
        }
    }

    /** What a route does, as compared between a description and a dump. */
    private record RouteShape(int type, int scope, Optional<InetAddress> gateway, int oif, OptionalInt nhid,
                              Optional<RouteEncap> encap, int flags, Optional<InetAddress> prefsrc, RouteMetrics metrics) {
        static RouteShape of(Route r) {
            boolean viaObject = r.nhid().isPresent();
            return new RouteShape(r.type().orElse(RouteType.UNICAST).number(), r.effectiveScope().number(),
                    viaObject ? Optional.empty() : r.gateway(), viaObject ? 0 : r.oif().orElse(0), r.nhid(),
                    viaObject ? Optional.empty() : r.encap().map(RouteEncap::normalized),
                    viaObject ? 0 : r.flags() & DESCRIBED_FLAGS, r.prefsrc(), r.metrics());
        }
    }

    /** What identifies a rule, as compared between a description and a dump. */
    private record RuleShape(AddressFamily family, int priority, String selectors) {
        static RuleShape of(Rule r) {
            Rule plain = withoutProtocol(r);
            return new RuleShape(r.family(), r.priority().orElse(-1), normalizeFwmask(plain).toIpArgs());
        }

        private static Rule normalizeFwmask(Rule r) {
            // the kernel reports fwmask 0xffffffff for a rule given fwmark alone (net/core/fib_rules.c)
            if (r.fwmark().isPresent() && r.fwmask().isEmpty()) {
                return r.toBuilder().fwmark(r.fwmark().getAsInt(), -1).build();
            }
            return r;
        }
    }

    /** Every change apply will send, in order. */
    private record Plan(Optional<Link> vrfLink, boolean createVrf, boolean vrfUp, List<String> enslave, List<String> release,
                        List<Nexthop> nexthopsToAdd, List<RouteRequest> routeChanges, Map<Integer, Integer> routeNexthop,
                        List<RouteRequest> routeDeletes, List<Rule> rulesToAdd, List<Rule> rulesToDelete,
                        Set<Integer> nexthopsMaybeUnused) {
    }

    private Plan plan(Tenant t, State s) {
        // --- the VRF
        Optional<Link> vrfLink = Optional.ofNullable(s.links.get(t.vrf()));
        for (Vrfs.VrfDevice v : s.vrfs) {
            if (v.table() == t.table() && !v.name().equals(t.vrf())) {
                throw new IllegalStateException("tenant " + t.vrf() + ": table " + Integer.toUnsignedString(t.table())
                        + " already belongs to VRF " + v.name());
            }
        }
        if (vrfLink.isPresent()) {
            Link l = vrfLink.get();
            if (!(l.kind().orElse(null) instanceof Vrf v)) {
                throw new IllegalStateException("tenant " + t.vrf() + ": a device named " + t.vrf() + " exists and is not a VRF ("
                        + l.kind().map(k -> "type " + k.kind()).orElse("no kind") + ")");
            }
            if (v.table() != t.table()) {
                throw new IllegalStateException("tenant " + t.vrf() + ": VRF " + t.vrf() + " has table "
                        + Integer.toUnsignedString(v.table()) + ", the description says " + Integer.toUnsignedString(t.table())
                        + "; a VRF's table cannot change (remove the tenant first)");
            }
        }
        int vrfIndex = vrfLink.map(Link::index).orElse(-1);
        boolean vrfUp = vrfLink.map(Link::isUp).orElse(true);

        // --- members
        List<String> enslave = new ArrayList<>();
        for (String m : new TreeSet<>(t.members())) {
            Link l = s.links.get(m);
            if (l == null) {
                throw new IllegalStateException("tenant " + t.vrf() + ": member device " + m + " does not exist");
            }
            if (l.master().isPresent() && l.master().getAsInt() != vrfIndex) {
                Link other = s.byIndex.get(l.master().getAsInt());
                throw new IllegalStateException("tenant " + t.vrf() + ": device " + m + " is already enslaved to "
                        + (other == null ? "ifindex " + l.master().getAsInt() : other.name()));
            }
            if (l.master().isEmpty()) {
                enslave.add(m);
            }
        }
        List<String> release = new ArrayList<>();
        if (vrfIndex > 0) {
            for (Link l : s.links.values()) {
                if (l.master().isPresent() && l.master().getAsInt() == vrfIndex && !t.members().contains(l.name())) {
                    release.add(l.name());
                }
            }
        }

        // --- nexthop objects: one per distinct shape, reusing the owner's existing ones
        Map<NexthopShape, Integer> owned = new HashMap<>();
        Map<Integer, Nexthop> ownedById = new HashMap<>();
        Set<Integer> usedIds = new HashSet<>();
        for (Nexthop n : s.nexthops) {
            usedIds.add(n.id());
            if (n.protocol().equals(owner) && n.group().isEmpty()) {
                owned.putIfAbsent(NexthopShape.of(n), n.id());
                ownedById.put(n.id(), n);
            }
        }
        List<Nexthop> nexthopsToAdd = new ArrayList<>();
        Map<NexthopShape, Integer> wanted = new HashMap<>();
        List<Route> desired = new ArrayList<>(t.routes().size());
        Map<Integer, Integer> routeNexthop = new HashMap<>();
        int nextId = 1;
        for (Route r : t.routes()) {
            Route resolved = resolve(t, r, s);
            if (resolved.encap().isEmpty()) {
                desired.add(resolved.toBuilder().protocol(owner).build());
                continue;
            }
            NexthopShape shape = NexthopShape.of(resolved);
            Integer id = wanted.get(shape);
            if (id == null) {
                id = owned.get(shape);
                if (id == null) {
                    while (usedIds.contains(nextId)) {
                        nextId++;
                    }
                    id = nextId;
                    usedIds.add(id);
                    nexthopsToAdd.add(nexthopFor(id, resolved));
                }
                wanted.put(shape, id);
            }
            Route.Builder rb = Route.to(resolved.dst()).table(t.table()).protocol(owner).tos(resolved.tos()).nhid(id);
            resolved.src().ifPresent(p -> rb.from(p.toString()));
            resolved.type().ifPresent(rb::type);
            resolved.scope().ifPresent(rb::scope);
            resolved.priority().ifPresent(rb::metric);
            resolved.prefsrc().ifPresent(p -> rb.src(Inet.format(p)));
            rb.metrics(resolved.metrics());
            routeNexthop.put(desired.size(), id);
            desired.add(rb.build());
        }

        // --- routes: replace what is missing or differs, delete what is no longer described
        Map<Tenant.RouteKey, Route> existing = new HashMap<>();
        for (Route r : rt.routes().list(RouteFilter.table(t.table()).withProtocol(owner))) {
            existing.put(Tenant.RouteKey.of(r), r);
        }
        List<RouteRequest> changes = new ArrayList<>();
        Map<Integer, Integer> changeNexthop = new HashMap<>();
        Set<Tenant.RouteKey> keep = new HashSet<>();
        for (int i = 0; i < desired.size(); i++) {
            Route d = desired.get(i);
            Tenant.RouteKey key = Tenant.RouteKey.of(d);
            keep.add(key);
            Route e = existing.get(key);
            if (e == null || !RouteShape.of(e).equals(RouteShape.of(d))) {
                Integer nh = routeNexthop.get(i);
                if (nh != null) {
                    changeNexthop.put(changes.size(), nh);
                }
                changes.add(new RouteRequest(e == null ? RouteVerb.ADD : RouteVerb.REPLACE, d));
            }
        }
        Set<Integer> wantedIds = new HashSet<>(wanted.values());
        Set<Integer> maybeUnused = new HashSet<>();
        List<RouteRequest> deletes = new ArrayList<>();
        for (Map.Entry<Tenant.RouteKey, Route> e : existing.entrySet()) {
            Route r = e.getValue();
            if (!keep.contains(e.getKey())) {
                deletes.add(new RouteRequest(RouteVerb.DELETE, named(r, s.byIndex)));
            }
        }
        for (Route r : existing.values()) {
            r.nhid().ifPresent(id -> {
                if (ownedById.containsKey(id) && !wantedIds.contains(id)) {
                    maybeUnused.add(id);
                }
            });
        }

        // --- rules into the table
        List<Rule> ownedRules = new ArrayList<>();
        for (AddressFamily f : List.of(AddressFamily.INET, AddressFamily.INET6)) {
            for (Rule r : rt.rules().list(f)) {
                if (r.protocol().orElse(RouteProtocol.UNSPEC).equals(owner) && r.table() == t.table()) {
                    ownedRules.add(r);
                }
            }
        }
        Set<RuleShape> have = new HashSet<>();
        ownedRules.forEach(r -> have.add(RuleShape.of(r)));
        Set<RuleShape> want = new HashSet<>();
        List<Rule> rulesToAdd = new ArrayList<>();
        for (Rule r : t.rules()) {
            RuleShape shape = RuleShape.of(r);
            if (want.add(shape) && !have.contains(shape)) {
                rulesToAdd.add(r.toBuilder().protocol(owner).build());
            }
        }
        List<Rule> rulesToDelete = new ArrayList<>();
        for (Rule r : ownedRules) {
            if (!want.contains(RuleShape.of(r))) {
                rulesToDelete.add(r);
            }
        }
        return new Plan(vrfLink, vrfLink.isEmpty(), vrfUp, enslave, release, nexthopsToAdd, changes, changeNexthop, deletes,
                rulesToAdd, rulesToDelete, maybeUnused);
    }

    /** The nexthop object {@code id} that carries {@code r}'s gateway, device, encap and onlink flag. */
    private Nexthop nexthopFor(int id, Route r) {
        Nexthop.Builder nb = Nexthop.id(id).family(r.gateway().map(AddressFamily::of).orElse(r.family()))
                .encap(r.encap().orElseThrow()).dev(r.dev().orElseThrow()).protocol(owner).flags(r.flags() & DESCRIBED_FLAGS);
        r.gateway().ifPresent(g -> nb.via(Inet.format(g)));
        return nb.build().withOif(r.oif().getAsInt());
    }

    /**
     * Dumped route {@code r} with its device's name beside its index, so that the request prints
     * {@code dev tun} as ip would, not {@code dev if7}; the index is still what is sent.
     */
    private static Route named(Route r, Map<Integer, Link> byIndex) {
        if (r.dev().isPresent() || r.oif().isEmpty() || !byIndex.containsKey(r.oif().getAsInt())) {
            return r;
        }
        return new Route(r.dst(), r.src(), r.tos(), r.table(), r.protocol(), r.scope(), r.type(), r.flags(), r.gateway(),
                Optional.of(byIndex.get(r.oif().getAsInt()).name()), r.oif(), r.prefsrc(), r.priority(), r.metrics(),
                r.nexthops(), r.nhid(), r.encap(), r.unknown());
    }

    /** {@code r} with its device resolved to an index from the links read; the name stays for printing. */
    private static Route resolve(Tenant t, Route r, State s) {
        if (r.dev().isEmpty() || r.oif().isPresent()) {
            return r;
        }
        String dev = r.dev().get();
        OptionalInt index = s.index(dev);
        if (index.isEmpty()) {
            throw new IllegalStateException("tenant " + t.vrf() + ": route " + r.toIpArgs() + " uses device " + dev
                    + ", which does not exist");
        }
        return new Route(r.dst(), r.src(), r.tos(), r.table(), r.protocol(), r.scope(), r.type(), r.flags(), r.gateway(),
                r.dev(), OptionalInt.of(index.getAsInt()), r.prefsrc(), r.priority(), r.metrics(), r.nexthops(), r.nhid(),
                r.encap(), r.unknown());
    }

    private TenantReport execute(Tenant t, Plan p, State s) {
        Sent sent = new Sent();
        NetlinkChannel ch = rt.channel();
        // the VRF first: nothing else can go without it
        if (p.createVrf()) {
            if (!sent.one(ch, rt.links().addRequest(Link.builder(t.vrf()).kind(Vrf.table(t.table())).up().build()))) {
                sent.notSent(p, rt);
                throw new TenantException(sent.report(t.vrf()));
            }
        } else if (!p.vrfUp()) {
            sent.one(ch, rt.links().setRequest(LinkChange.of(t.vrf()).up().build()));
        }
        int vrfIndex = p.vrfLink().map(Link::index).orElseGet(() -> rt.links().indexOf(t.vrf()));
        for (String m : p.enslave()) {
            sent.one(ch, rt.links().setRequest(LinkChange.of(m).master(vrfIndex).build()));
        }
        if (p.createVrf() || !p.enslave().isEmpty()) {
            // the VRF driver adds the l3mdev rule with the first VRF; add it only where missing
            ensureL3mdev(sent, ch);
        }
        // nexthop objects before the routes that use them
        Set<Integer> refusedNexthops = new HashSet<>();
        if (!p.nexthopsToAdd().isEmpty()) {
            List<NetlinkRequest> reqs = new ArrayList<>();
            p.nexthopsToAdd().forEach(n -> reqs.add(new Nexthops.Request(Nexthops.Verb.ADD, n)));
            for (int i : sent.pipeline(ch, reqs)) {
                refusedNexthops.add(p.nexthopsToAdd().get(i).id());
            }
        }
        List<RouteRequest> routes = new ArrayList<>(p.routeChanges().size());
        for (int i = 0; i < p.routeChanges().size(); i++) {
            Integer nh = p.routeNexthop().get(i);
            if (nh != null && refusedNexthops.contains(nh)) {
                sent.notSent.add(p.routeChanges().get(i));
            } else {
                routes.add(p.routeChanges().get(i));
            }
        }
        sent.pipeline(ch, new ArrayList<>(routes));
        sent.pipeline(ch, new ArrayList<>(p.routeDeletes()));
        for (Rule r : p.rulesToAdd()) {
            sent.one(ch, new Rules.Request(true, r));
        }
        for (Rule r : p.rulesToDelete()) {
            sent.one(ch, new Rules.Request(false, r));
        }
        deleteUnused(sent, ch, p.nexthopsMaybeUnused());
        for (String m : p.release()) {
            sent.one(ch, rt.links().setRequest(LinkChange.of(m).noMaster().build()));
        }
        TenantReport report = sent.report(t.vrf());
        if (!report.complete()) {
            throw new TenantException(report);
        }
        return report;
    }

    private void ensureL3mdev(Sent sent, NetlinkChannel ch) {
        for (AddressFamily f : List.of(AddressFamily.INET, AddressFamily.INET6)) {
            boolean present = rt.rules().list(f).stream()
                    .anyMatch(r -> r.l3mdev() && r.priority().orElse(-1) == Vrfs.L3MDEV_RULE_PRIORITY);
            if (!present) {
                sent.one(ch, new Rules.Request(true,
                        Rule.builder().family(f).l3mdev().priority(Vrfs.L3MDEV_RULE_PRIORITY).build()));
            }
        }
    }

    /** Deletes those of {@code candidates} that no route in any table uses any more. */
    private void deleteUnused(Sent sent, NetlinkChannel ch, Set<Integer> candidates) {
        if (candidates.isEmpty()) {
            return;
        }
        Set<Integer> unused = new TreeSet<>(candidates);
        rt.routes().list(RouteFilter.ALL, r -> r.nhid().ifPresent(unused::remove));
        for (int id : unused) {
            sent.one(ch, rt.nexthops().deleteRequest(id));
        }
    }

    /** The changes sent so far and their outcome. */
    private static final class Sent {
        final List<NetlinkRequest> applied = new ArrayList<>();
        final List<TenantReport.Refusal> refused = new ArrayList<>();
        final List<NetlinkRequest> notSent = new ArrayList<>();

        boolean one(NetlinkChannel ch, NetlinkRequest req) {
            try {
                ch.execute(req);
                applied.add(req);
                return true;
            } catch (KernelException e) {
                refused.add(new TenantReport.Refusal(req, e));
                return false;
            }
        }

        /** Sends {@code reqs} in one pipeline; returns the indexes refused. */
        List<Integer> pipeline(NetlinkChannel ch, List<NetlinkRequest> reqs) {
            if (reqs.isEmpty()) {
                return List.of();
            }
            PipelineResult r = ch.pipeline(reqs, PipelineOptions.errorsOnly());
            List<Integer> failed = new ArrayList<>();
            Set<Integer> failedSet = new HashSet<>();
            for (PipelineResult.Failure f : r.failures()) {
                failed.add(f.index());
                failedSet.add(f.index());
                refused.add(new TenantReport.Refusal(f.request(), f.error()));
            }
            for (int i = 0; i < reqs.size(); i++) {
                if (!failedSet.contains(i)) {
                    applied.add(reqs.get(i));
                }
            }
            return failed;
        }

        void notSent(Plan p, Rtnetlink rt) {
            p.nexthopsToAdd().forEach(n -> notSent.add(new Nexthops.Request(Nexthops.Verb.ADD, n)));
            notSent.addAll(p.routeChanges());
            notSent.addAll(p.routeDeletes());
            p.rulesToAdd().forEach(r -> notSent.add(new Rules.Request(true, r)));
            p.rulesToDelete().forEach(r -> notSent.add(new Rules.Request(false, r)));
        }

        TenantReport report(String vrf) {
            return new TenantReport(vrf, applied, refused, notSent);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // remove and read

    /**
     * Removes tenant {@code vrf}: its owned routes and rules, the nexthop objects no route uses any
     * more, and the VRF device (which releases its members). The shared l3mdev rule stays. A tenant
     * that does not exist is not an error: the report is empty.
     *
     * @throws IllegalStateException when {@code vrf} names a device that is not a VRF
     * @throws TenantException       when the kernel refused part of it
     */
    public TenantReport remove(String vrf) {
        Tenant.checkName("VRF name", vrf);
        Optional<Link> link = rt.links().get(vrf);
        Sent sent = new Sent();
        if (link.isEmpty()) {
            return sent.report(vrf);
        }
        if (!(link.get().kind().orElse(null) instanceof Vrf v)) {
            throw new IllegalStateException("cannot remove tenant " + vrf + ": the device " + vrf + " is not a VRF");
        }
        int table = v.table();
        NetlinkChannel ch = rt.channel();
        Set<Integer> ownedNexthops = new HashSet<>();
        for (Nexthop n : rt.nexthops().list()) {
            if (n.protocol().equals(owner)) {
                ownedNexthops.add(n.id());
            }
        }
        List<NetlinkRequest> deletes = new ArrayList<>();
        Set<Integer> candidates = new LinkedHashSet<>();
        Map<Integer, Link> byIndex = new HashMap<>();
        rt.links().list().forEach(l -> byIndex.put(l.index(), l));
        for (Route r : rt.routes().list(RouteFilter.table(table).withProtocol(owner))) {
            deletes.add(new RouteRequest(RouteVerb.DELETE, named(r, byIndex)));
            if (r.nhid().isPresent() && ownedNexthops.contains(r.nhid().getAsInt())) {
                candidates.add(r.nhid().getAsInt());
            }
        }
        sent.pipeline(ch, deletes);
        for (AddressFamily f : List.of(AddressFamily.INET, AddressFamily.INET6)) {
            for (Rule r : rt.rules().list(f)) {
                if (r.protocol().orElse(RouteProtocol.UNSPEC).equals(owner) && r.table() == table) {
                    sent.one(ch, new Rules.Request(false, r));
                }
            }
        }
        deleteUnused(sent, ch, candidates);
        sent.one(ch, rt.links().deleteRequest(vrf));
        TenantReport report = sent.report(vrf);
        if (!report.complete()) {
            throw new TenantException(report);
        }
        return report;
    }

    /**
     * Tenant {@code vrf} as the kernel holds it: its VRF's table and members, its owned routes (a
     * route through an owned nexthop object shown with that object's gateway, device and encap, as
     * the kernel stores them) and its owned rules; empty when there is no such VRF.
     */
    public Optional<Tenant> read(String vrf) {
        State s = read();
        Link l = s.links.get(vrf);
        if (l == null || !(l.kind().orElse(null) instanceof Vrf v)) {
            return Optional.empty();
        }
        Tenant.Builder b = Tenant.builder(vrf, v.table());
        for (Link m : s.links.values()) {
            if (m.master().isPresent() && m.master().getAsInt() == l.index()) {
                b.member(m.name());
            }
        }
        Map<Integer, Nexthop> nexthops = new HashMap<>();
        s.nexthops.forEach(n -> nexthops.put(n.id(), n));
        for (Route r : rt.routes().list(RouteFilter.table(v.table()).withProtocol(owner))) {
            Route.Builder rb = Route.to(r.dst()).tos(r.tos());
            r.src().ifPresent(p -> rb.from(p.toString()));
            r.type().filter(x -> !x.equals(RouteType.UNICAST)).ifPresent(rb::type);
            r.priority().ifPresent(rb::metric);
            r.prefsrc().ifPresent(p -> rb.src(Inet.format(p)));
            rb.metrics(r.metrics());
            Nexthop n = r.nhid().isPresent() ? nexthops.get(r.nhid().getAsInt()) : null;
            Optional<InetAddress> gw = n != null ? n.gateway() : r.gateway();
            OptionalInt oif = n != null ? n.oif() : r.oif();
            Optional<RouteEncap> encap = n != null ? n.encap() : r.encap();
            int flags = (n != null ? n.flags() : r.flags()) & DESCRIBED_FLAGS;
            gw.ifPresent(rb::via);
            if (oif.isPresent()) {
                Link d = s.byIndex.get(oif.getAsInt());
                if (d != null) {
                    rb.dev(d.name());
                } else {
                    rb.oif(oif.getAsInt());
                }
            }
            encap.ifPresent(rb::encap);
            if (flags != 0) {
                rb.flags(flags);
            }
            b.route(rb.build());
        }
        for (AddressFamily f : List.of(AddressFamily.INET, AddressFamily.INET6)) {
            for (Rule r : rt.rules().list(f)) {
                if (r.protocol().orElse(RouteProtocol.UNSPEC).equals(owner) && r.table() == v.table()) {
                    b.rule(withoutProtocol(r));
                }
            }
        }
        return Optional.of(b.build());
    }

    /** {@code r} without FRA_PROTOCOL, as a description gives it. */
    static Rule withoutProtocol(Rule r) {
        return new Rule(r.family(), r.priority(), r.table(), r.action(), r.from(), r.to(), r.tos(), r.iif(), r.oif(),
                r.fwmark(), r.fwmask(), r.l3mdev(), r.tunId(), r.suppressPrefixLen(), r.suppressIfgroup(), r.gotoPriority(),
                Optional.empty(), r.flags(), r.unknown());
    }
}
