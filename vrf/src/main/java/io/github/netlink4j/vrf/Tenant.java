package io.github.netlink4j.vrf;

import io.github.netlink4j.rtnl.AddressFamily;
import io.github.netlink4j.rtnl.Route;
import io.github.netlink4j.rtnl.Rule;
import io.github.netlink4j.rtnl.RuleAction;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One tenant's routing, described as a whole: a VRF (device name and table), the devices enslaved
 * to it, its routes (lightweight-tunnel encaps included) and the rules that lead into its table.
 * {@link Tenants#apply(Tenant)} brings the kernel to exactly this description.
 *
 * <pre>{@code
 * Tenant a = Tenant.builder("vrf-a", 100)
 *         .member("veth-a")
 *         .tunnelKeyRule(1000, 900)        // ip rule add pref 900 tun_id 1000 lookup 100
 *         .route(Route.to("10.0.0.11").via("1.1.1.11").dev("tun")
 *                 .encap(IpEncap.id(1000).dst("172.168.0.1").key().build()).build())
 *         .build();
 * }</pre>
 *
 * Routes are given without a table (or with this tenant's); a route with an encap is installed
 * through a nexthop object that all routes with the same encap, gateway and device share, the way
 * the kernel installs such routes in linear time. Not described, hence not allowed: multipath
 * routes and routes that name a nexthop id themselves.
 *
 * @param vrf     the VRF device's name, which names the tenant (1..15 bytes, as IFNAMSIZ allows)
 * @param table   the VRF's routing table, 1..2^32-1 except 253, 254 and 255 (default, main, local)
 * @param members devices enslaved to the VRF
 * @param routes  the tenant's routes, each placed in {@code table}; no two with the same key
 *                (family, destination, source, tos, metric)
 * @param rules   rules that look up {@code table} (policy routing into the tenant, e.g. by tunnel key)
 */
public record Tenant(String vrf, int table, Set<String> members, List<Route> routes, List<Rule> rules) {

    public Tenant {
        checkName("VRF name", vrf);
        if (table == 0 || table == Route.TABLE_DEFAULT || table == Route.TABLE_MAIN || table == Route.TABLE_LOCAL) {
            throw new IllegalArgumentException("tenant " + vrf + ": table must be 1..4294967295 except 253, 254 and 255, was "
                    + Integer.toUnsignedString(table));
        }
        members = Set.copyOf(new LinkedHashSet<>(members));
        for (String m : members) {
            checkName("tenant " + vrf + ": member device name", m);
            if (m.equals(vrf)) {
                throw new IllegalArgumentException("tenant " + vrf + ": the VRF cannot be its own member");
            }
        }
        List<Route> placed = new ArrayList<>(routes.size());
        Set<RouteKey> keys = new HashSet<>();
        for (Route r : routes) {
            Objects.requireNonNull(r, "route");
            if (r.table() != table && r.table() != Route.TABLE_MAIN) {
                throw new IllegalArgumentException("tenant " + vrf + ": route " + r.toIpArgs() + " is in table "
                        + Integer.toUnsignedString(r.table()) + ", not the tenant's " + Integer.toUnsignedString(table));
            }
            if (!r.nexthops().isEmpty()) {
                throw new IllegalArgumentException("tenant " + vrf + ": multipath route " + r.dst() + " is not supported");
            }
            if (r.nhid().isPresent()) {
                throw new IllegalArgumentException("tenant " + vrf + ": route " + r.dst()
                        + " names nexthop id " + Integer.toUnsignedString(r.nhid().getAsInt())
                        + "; a tenant's nexthop objects are made from the routes' encaps");
            }
            if (r.encap().isPresent() && r.dev().isEmpty() && r.oif().isEmpty()) {
                throw new IllegalArgumentException("tenant " + vrf + ": route " + r.dst() + " has an encap but no device");
            }
            Route p = r.table() == table ? r : r.toBuilder().table(table).build();
            if (!keys.add(RouteKey.of(p))) {
                throw new IllegalArgumentException("tenant " + vrf + ": two routes to " + p.dst()
                        + " with the same source, tos and metric");
            }
            placed.add(p);
        }
        routes = List.copyOf(placed);
        List<Rule> ownRules = new ArrayList<>(rules.size());
        for (Rule given : rules) {
            Rule r = Objects.requireNonNull(given, "rule");
            if (r.action().equals(RuleAction.UNSPEC) && r.table() == table) {
                r = r.toBuilder().action(RuleAction.TO_TBL).build();   // what the kernel reports for "lookup N"
            }
            if (!r.action().equals(RuleAction.TO_TBL) || r.table() != table) {
                throw new IllegalArgumentException("tenant " + vrf + ": rule " + r + " must look up the tenant's table "
                        + Integer.toUnsignedString(table));
            }
            if (r.priority().isEmpty()) {
                throw new IllegalArgumentException("tenant " + vrf + ": rule " + r + " needs a priority, so it can be told apart");
            }
            ownRules.add(r);
        }
        rules = List.copyOf(ownRules);
    }

    /** A builder for the tenant whose VRF is {@code vrf} with table {@code table}. */
    public static Builder builder(String vrf, int table) {
        return new Builder(vrf, table);
    }

    /** A builder holding this description. */
    public Builder toBuilder() {
        Builder b = new Builder(vrf, table);
        b.members.addAll(members);
        b.routes.addAll(routes);
        b.rules.addAll(rules);
        return b;
    }

    static void checkName(String what, String name) {
        Objects.requireNonNull(name, what);
        int bytes = name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes < 1 || bytes > 15 || name.equals(".") || name.equals("..")
                || name.chars().anyMatch(c -> c == '/' || c == ':' || Character.isWhitespace(c) || c == 0)) {
            throw new IllegalArgumentException(what + " must be 1..15 bytes without '/', ':' or whitespace, was \"" + name + "\"");
        }
    }

    /**
     * What identifies a route in its table, as the kernel matches a replace or delete: family,
     * destination, source prefix, tos and metric (an IPv6 route without a metric gets 1024).
     */
    record RouteKey(AddressFamily family, String dst, String src, int tos, int priority) {
        static RouteKey of(Route r) {
            int prio = r.priority().orElse(r.family().equals(AddressFamily.INET6) ? 1024 : 0);
            return new RouteKey(r.family(), r.dst().toString(), r.src().map(Object::toString).orElse(""), r.tos(), prio);
        }
    }

    /** Builds a {@link Tenant}. */
    public static final class Builder {
        private final String vrf;
        private final int table;
        private final Set<String> members = new LinkedHashSet<>();
        private final List<Route> routes = new ArrayList<>();
        private final List<Rule> rules = new ArrayList<>();

        private Builder(String vrf, int table) {
            this.vrf = vrf;
            this.table = table;
        }

        /** Enslaves {@code device} to the VRF. */
        public Builder member(String device) {
            members.add(Objects.requireNonNull(device, "device"));
            return this;
        }

        /** Adds a route; its table becomes the tenant's. */
        public Builder route(Route r) {
            routes.add(Objects.requireNonNull(r, "route"));
            return this;
        }

        /** Adds routes; their tables become the tenant's. */
        public Builder routes(List<Route> rs) {
            rs.forEach(this::route);
            return this;
        }

        /** Adds a rule that looks up the tenant's table (its table is set here). */
        public Builder rule(Rule r) {
            rules.add(r.table() == table ? r : r.toBuilder().table(table).build());
            return this;
        }

        /**
         * {@code ip rule add pref PRIORITY tun_id KEY lookup TABLE}, for IPv4 and IPv6: packets that
         * arrive on a metadata-mode tunnel with this key route in the tenant's table.
         */
        public Builder tunnelKeyRule(long key, int priority) {
            for (AddressFamily f : List.of(AddressFamily.INET, AddressFamily.INET6)) {
                rules.add(Rule.builder().family(f).priority(priority).tunId(key).table(table).build());
            }
            return this;
        }

        /** Drops the routes described so far. */
        public Builder clearRoutes() {
            routes.clear();
            return this;
        }

        public Tenant build() {
            return new Tenant(vrf, table, members, routes, rules);
        }
    }
}
