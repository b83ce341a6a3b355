package io.github.netlink4j.vrf;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.netlink4j.core.NetNs;
import io.github.netlink4j.rtnl.Route;
import io.github.netlink4j.rtnl.Rtnetlink;
import io.github.netlink4j.testkit.Cmd;
import io.github.netlink4j.testkit.KernelFeature;
import io.github.netlink4j.testkit.KernelPropertyHook;
import io.github.netlink4j.testkit.KernelTest;
import io.github.netlink4j.testkit.Oracle;
import io.github.netlink4j.tunnel.IpEncap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AddLifecycleHook;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * For random sequences of descriptions of one tenant applied in order, the kernel — as ip lists it
 * — holds exactly the last description after each apply, with one nexthop object per distinct
 * (key, remote host); removing the tenant then leaves the namespace as it was.
 */
@KernelTest(needs = {KernelFeature.VRF, KernelFeature.GRE})
@Tag("kernel")
@AddLifecycleHook(KernelPropertyHook.class)
class TenantSequenceProperties {
    private static final int TABLE = 77;
    private static final List<String> MEMBERS = List.of("m0", "m1", "m2");
    private static final List<String> REMOTES = List.of("172.16.0.1", "172.16.0.2", "172.16.0.3");

    /** One route of the pool: destination 10.0.N.0/24, with an encap (key, remote) or plain on tun, maybe a metric. */
    record RouteChoice(int net, Optional<Integer> key, int remote, Optional<Integer> metric) {
        Route route() {
            Route.Builder b = Route.to("10.0." + net + ".0/24");
            if (key.isPresent()) {
                b.via("1.1.1.11").dev("tun").encap(IpEncap.id(key.get()).dst(REMOTES.get(remote)).key().build());
            } else {
                b.dev("tun");
            }
            metric.ifPresent(b::metric);
            return b.build();
        }

        /** The line ip's listing must give for it. */
        String expected() {
            return "10.0." + net + ".0/24" + metric.map(m -> " metric " + m).orElse("")
                    + key.map(k -> " nhid encap id " + k + " dst " + REMOTES.get(remote) + " key via 1.1.1.11").orElse("")
                    + " dev tun";
        }
    }

    record Description(Set<String> members, List<RouteChoice> routes, Optional<Integer> ruleKey) {
        Tenant tenant() {
            Tenant.Builder b = Tenant.builder("vrf-p", TABLE);
            members.forEach(b::member);
            routes.forEach(r -> b.route(r.route()));
            ruleKey.ifPresent(k -> b.tunnelKeyRule(k, 500));
            return b.build();
        }
    }

    @Provide
    Arbitrary<List<Description>> sequences() {
        Arbitrary<RouteChoice> route = Combinators.combine(
                Arbitraries.integers().between(0, 5),
                Arbitraries.of(1000, 2000).optional(0.7),
                Arbitraries.integers().between(0, REMOTES.size() - 1),
                Arbitraries.of(10, 20).optional(0.3)).as(RouteChoice::new);
        Arbitrary<List<RouteChoice>> routes = route.list().ofMaxSize(6).uniqueElements(RouteChoice::net);
        Arbitrary<Set<String>> members = Arbitraries.of(MEMBERS).set().ofMaxSize(3);
        Arbitrary<Description> description = Combinators.combine(members, routes, Arbitraries.of(1000, 2000).optional(0.5))
                .as(Description::new);
        return description.list().ofMinSize(1).ofMaxSize(4);
    }

    @Property(tries = 10, shrinking = ShrinkingMode.OFF)
    void kernelStateFollowsEachDescription(@ForAll("sequences") List<Description> steps) {
        String ns = "nl4j-p" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffL);
        try (NetNs handle = NetNs.create(ns); Rtnetlink rt = Rtnetlink.open(handle)) {
            base(ns);
            String before = snapshot(ns);
            Tenants tenants = Tenants.of(rt);
            for (Description d : steps) {
                tenants.apply(d.tenant());
                assertEquals(expected(d), actual(ns), "after applying " + d);
                assertEquals(0, tenants.apply(d.tenant()).changesSent(), "applying " + d + " twice");
            }
            tenants.remove("vrf-p");
            TenantsKernelTest.assertSameSnapshot(before, snapshot(ns));
        } finally {
            if (NetNs.exists(ns)) {
                NetNs.delete(ns);
            }
        }
    }

    /** A tun device with an address on the nexthop's subnet, three veth ends to enslave, another VRF. */
    private static void base(String ns) {
        Cmd.inNetns(ns, "sysctl", "-qw", "net.ipv6.conf.all.accept_dad=0");
        Cmd.inNetns(ns, "sysctl", "-qw", "net.ipv6.conf.default.accept_dad=0");
        Cmd.ip(ns, "link", "add", "tun", "type", "gretap", "external");
        Cmd.ip(ns, "addr", "add", "1.1.1.254/24", "dev", "tun");
        Cmd.ip(ns, "link", "set", "tun", "up");
        for (String m : MEMBERS) {
            Cmd.ip(ns, "link", "add", m, "type", "veth", "peer", "name", m + "p");
            Cmd.ip(ns, "link", "set", m, "up");
            Cmd.ip(ns, "link", "set", m + "p", "up");
        }
        // another VRF: the driver adds the l3mdev rules with the first VRF and never takes them away
        Cmd.ip(ns, "link", "add", "vrf-other", "type", "vrf", "table", "5");
    }

    private static String expected(Description d) {
        TreeSet<String> lines = new TreeSet<>();
        d.members().forEach(m -> lines.add("member " + m));
        d.routes().forEach(r -> lines.add("route " + r.expected()));
        d.ruleKey().ifPresent(k -> {
            lines.add("rule inet pref 500 tun_id " + k);
            lines.add("rule inet6 pref 500 tun_id " + k);
        });
        Set<String> objects = new HashSet<>();
        d.routes().forEach(r -> r.key().ifPresent(k -> objects.add(k + "/" + r.remote())));
        lines.add("nexthop objects " + objects.size());
        return String.join("\n", lines);
    }

    /** The same lines, from ip's JSON. */
    private static String actual(String ns) {
        TreeSet<String> lines = new TreeSet<>();
        for (JsonNode l : Oracle.ipJson(ns, "link", "show", "master", "vrf-p")) {
            lines.add("member " + l.path("ifname").asText());
        }
        for (JsonNode r : Oracle.ipJson(ns, "route", "show", "table", Integer.toString(TABLE), "proto", "200")) {
            StringBuilder sb = new StringBuilder("route ").append(r.path("dst").asText());
            if (r.has("metric")) {
                sb.append(" metric ").append(r.path("metric").asInt());
            }
            if (r.has("nhid")) {
                sb.append(" nhid");
            }
            if (r.has("encap")) {
                // ip prints the encap's fields flat; its "dst" is the second one
                sb.append(" encap id ").append(r.path("id").asLong()).append(" dst ").append(r.path("dst#2").asText());
                if (r.path("key").asBoolean()) {
                    sb.append(" key");
                }
            }
            if (r.has("gateway")) {
                sb.append(" via ").append(r.path("gateway").asText());
            }
            sb.append(" dev ").append(r.path("dev").asText());
            lines.add(sb.toString());
        }
        for (String fam : List.of("inet", "inet6")) {
            JsonNode rules = fam.equals("inet") ? Oracle.ipJson(ns, "rule", "show") : Oracle.ipJson(ns, "-6", "rule", "show");
            for (JsonNode r : rules) {
                if (r.path("table").asText().equals(Integer.toString(TABLE))) {
                    lines.add("rule " + fam + " pref " + r.path("priority").asInt() + " tun_id " + r.path("tun_id").asLong());
                }
            }
        }
        lines.add("nexthop objects " + Oracle.ipJson(ns, "nexthop", "show").size());
        return String.join("\n", lines);
    }

    private static String snapshot(String ns) {
        StringBuilder sb = new StringBuilder();
        for (String[] args : List.of(new String[] {"-d", "link", "show"}, new String[] {"addr", "show"},
                new String[] {"route", "show", "table", "all"}, new String[] {"-6", "route", "show", "table", "all"},
                new String[] {"rule", "show"}, new String[] {"-6", "rule", "show"}, new String[] {"nexthop", "show"})) {
            List<String> items = new ArrayList<>();
            Oracle.ipJson(ns, args).forEach(n -> items.add(n.toString()));
            items.sort(null);
            sb.append(String.join(" ", args)).append(":\n  ").append(String.join("\n  ", items)).append('\n');
        }
        return sb.toString();
    }
}
