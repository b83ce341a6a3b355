package io.github.netlink4j.vrf.bench;

import io.github.netlink4j.core.NetNs;
import io.github.netlink4j.rtnl.Route;
import io.github.netlink4j.rtnl.Rtnetlink;
import io.github.netlink4j.testkit.Cmd;
import io.github.netlink4j.tunnel.IpEncap;
import io.github.netlink4j.vrf.Tenant;
import io.github.netlink4j.vrf.TenantReport;
import io.github.netlink4j.vrf.Tenants;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How long a tenant of N encap routes over H remote hosts takes to apply, to re-apply unchanged and
 * to remove, next to {@code ip -batch} installing the same nexthop objects and routes, in one run:
 * {@code java ... TenantScale [routes] [hosts]} (needs VRF and gretap: run it in the test VM,
 * {@code scripts/bench-tenant}).
 */
public final class TenantScale {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int hosts = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        List<Route> routes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int h = i % hosts;
            routes.add(Route.to("10." + (i >> 16 & 0xff) + "." + (i >> 8 & 0xff) + "." + (i & 0xff)).via("1.1.1.11").dev("tun")
                    .encap(IpEncap.id(1000).dst("172.16." + (h >> 8) + "." + (h & 0xff)).key().build()).build());
        }
        long d0 = System.nanoTime();
        Tenant t = Tenant.builder("vrf-t", 100).routes(routes).tunnelKeyRule(1000, 900).build();
        System.out.printf("description built in %.2f s%n", (System.nanoTime() - d0) / 1e9);
        System.out.printf("tenant of %,d encap routes over %,d remote hosts%n", n, hosts);

        try (NetNs ns = NetNs.create("scale-lib"); Rtnetlink rt = Rtnetlink.open(ns)) {
            base("scale-lib");
            Tenants tenants = Tenants.of(rt);
            long t0 = System.nanoTime();
            TenantReport r = tenants.apply(t);
            long t1 = System.nanoTime();
            double lib = (t1 - t0) / 1e9;
            long l0 = System.nanoTime();
            int listed = rt.routes().list(io.github.netlink4j.rtnl.RouteFilter.table(100)).size();
            System.out.printf("dump of the table (%,d routes): %.2f s%n", listed, (System.nanoTime() - l0) / 1e9);
            t1 = System.nanoTime();
            TenantReport again = tenants.apply(t);
            long t2 = System.nanoTime();
            tenants.remove("vrf-t");
            long t3 = System.nanoTime();
            System.out.printf("netlink4j apply:           %7.2f s  (%d changes, %,.0f routes/s)%n", lib,
                    r.changesSent(), n / lib);
            System.out.printf("netlink4j apply unchanged: %7.2f s  (%d changes)%n", (t2 - t1) / 1e9, again.changesSent());
            System.out.printf("netlink4j remove:          %7.2f s%n", (t3 - t2) / 1e9);
            NetNs.delete("scale-lib");

            // the same objects through ip -batch, one process
            try (NetNs ns2 = NetNs.create("scale-ip")) {
                base("scale-ip");
                Cmd.ip("scale-ip", "link", "add", "vrf-t", "type", "vrf", "table", "100");
                Cmd.ip("scale-ip", "link", "set", "vrf-t", "up");
                StringBuilder sb = new StringBuilder();
                for (int h = 0; h < hosts; h++) {
                    sb.append("nexthop add id ").append(h + 1).append(" encap ip id 1000 dst 172.16.").append(h >> 8).append('.')
                            .append(h & 0xff).append(" key via 1.1.1.11 dev tun\n");
                }
                for (int i = 0; i < n; i++) {
                    sb.append("route add 10.").append(i >> 16 & 0xff).append('.').append(i >> 8 & 0xff).append('.').append(i & 0xff)
                            .append(" table 100 nhid ").append(i % hosts + 1).append('\n');
                }
                Path f = Files.createTempFile("tenant", ".batch");
                Files.writeString(f, sb);
                long b0 = System.nanoTime();
                Cmd.run(List.of("ip", "-n", "scale-ip", "-batch", f.toString()), 3600).orThrow();
                double ip = (System.nanoTime() - b0) / 1e9;
                System.out.printf("ip -batch (same objects):  %7.2f s  (%,.0f routes/s)%n", ip, n / ip);
                System.out.printf("ratio ip -batch time / netlink4j time: %.2f%n", ip / lib);
                Files.delete(f);
            } finally {
                NetNs.delete("scale-ip");
            }
        }
    }

    private static void base(String ns) {
        Cmd.ip(ns, "link", "add", "tun", "type", "gretap", "external");
        Cmd.ip(ns, "addr", "add", "1.1.1.254/24", "dev", "tun");
        Cmd.ip(ns, "link", "set", "tun", "up");
    }
}
