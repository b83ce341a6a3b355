package io.github.netlink4j.vrf;

import io.github.netlink4j.rtnl.Route;
import io.github.netlink4j.rtnl.RouteHop;
import io.github.netlink4j.rtnl.Rule;
import io.github.netlink4j.rtnl.RuleAction;
import io.github.netlink4j.tunnel.IpEncap;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a tenant description accepts, and the messages for what it does not. */
class TenantTest {
    private static void refused(String fragment, Runnable r) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void routesTakeTheTenantsTableAndRulesLookItUp() {
        Tenant t = Tenant.builder("vrf-a", 100).member("a0")
                .route(Route.to("10.0.0.0/24").via("1.1.1.11").dev("tun")
                        .encap(IpEncap.id(1000).dst("172.168.0.1").key().build()).build())
                .tunnelKeyRule(1000, 900).build();
        assertEquals(100, t.routes().get(0).table());
        assertEquals(2, t.rules().size());
        for (Rule r : t.rules()) {
            assertEquals(RuleAction.TO_TBL, r.action());
            assertEquals(100, r.table());
            assertEquals(1000L, r.tunId().getAsLong());
        }
        assertEquals(t, t.toBuilder().build());
    }

    @Test
    void badDescriptionsNameTheValueAndTheRange() {
        refused("table must be 1..4294967295 except 253, 254 and 255, was 254", () -> Tenant.builder("vrf-a", 254).build());
        refused("was 0", () -> Tenant.builder("vrf-a", 0).build());
        refused("1..15 bytes", () -> Tenant.builder("vrf-with-a-long-name", 5).build());
        refused("1..15 bytes", () -> Tenant.builder("vrf a", 5).build());
        refused("member device name", () -> Tenant.builder("vrf-a", 5).member("a/0").build());
        refused("cannot be its own member", () -> Tenant.builder("vrf-a", 5).member("vrf-a").build());
        refused("is in table 7, not the tenant's 5",
                () -> Tenant.builder("vrf-a", 5).route(Route.to("10.0.0.0/24").dev("x").table(7).build()).build());
        refused("two routes to 10.0.0.0/24", () -> Tenant.builder("vrf-a", 5)
                .route(Route.to("10.0.0.0/24").dev("x").build()).route(Route.to("10.0.0.0/24").dev("y").build()).build());
        refused("multipath", () -> Tenant.builder("vrf-a", 5).route(Route.to("10.0.0.0/24")
                .nexthop(RouteHop.via("1.1.1.1").withDev("x")).nexthop(RouteHop.via("1.1.1.2").withDev("x"))
                .build()).build());
        refused("names nexthop id 7", () -> Tenant.builder("vrf-a", 5).route(Route.to("10.0.0.0/24").nhid(7).build()).build());
        refused("has an encap but no device", () -> Tenant.builder("vrf-a", 5).route(Route.to("10.0.0.0/24")
                .encap(IpEncap.id(1).dst("1.2.3.4").build()).build()).build());
        refused("needs a priority", () -> Tenant.builder("vrf-a", 5).rule(Rule.builder().tunId(1).table(5).build()).build());
        refused("must look up the tenant's table 5", () -> new Tenant("vrf-a", 5, java.util.Set.of(), List.of(),
                List.of(Rule.builder().priority(3).table(6).build())));
    }

    @Test
    void differentMetricsAreDifferentRoutes() {
        Tenant t = Tenant.builder("vrf-a", 5).route(Route.to("10.0.0.0/24").dev("x").build())
                .route(Route.to("10.0.0.0/24").dev("y").metric(10).build()).build();
        assertEquals(2, t.routes().size());
    }
}
