package io.github.netlink4j.rtnl;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.netlink4j.core.KernelException;
import io.github.netlink4j.testkit.Cmd;
import io.github.netlink4j.testkit.KernelTest;
import io.github.netlink4j.testkit.Oracle;
import io.github.netlink4j.testkit.TempNetns;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Addresses added, replaced and deleted by the library, read back by {@code ip -j addr show}. */
@KernelTest
class AddressesKernelTest {
    @RegisterExtension
    final TempNetns ns = new TempNetns();
    int veth0;

    @BeforeEach
    void veth() {
        Cmd.ip(ns.name(), "link", "add", "veth0", "type", "veth", "peer", "name", "veth1");
        Cmd.ip(ns.name(), "link", "set", "veth0", "up");
        veth0 = Oracle.ipJson(ns.name(), "link", "show", "dev", "veth0").get(0).path("ifindex").asInt();
    }

    /** ip's addr_info entries, keyed "local/prefixlen". */
    Map<String, JsonNode> ipAddresses(String... filter) {
        List<String> args = new ArrayList<>();
        List<String> rest = new ArrayList<>(List.of(filter));
        if (!rest.isEmpty() && rest.get(0).startsWith("-")) {
            args.add(rest.remove(0));
        }
        args.addAll(List.of("addr", "show"));
        args.addAll(rest);
        Map<String, JsonNode> out = new HashMap<>();
        for (JsonNode link : Oracle.ipJson(ns.name(), args.toArray(String[]::new))) {
            for (JsonNode a : link.path("addr_info")) {
                out.put(Inet.parse(a.path("local").asText()).getHostAddress() + "/" + a.path("prefixlen").asInt() + "@"
                        + link.path("ifindex").asInt(), a);
            }
        }
        return out;
    }

    /** The key of "ADDR/LEN" on veth0. */
    String k(String prefix) {
        InetPrefix p = InetPrefix.parse(prefix);
        return p.address().getHostAddress() + "/" + p.length() + "@" + veth0;
    }

    static String key(Address a) {
        return a.address().getHostAddress() + "/" + a.prefixLength() + "@" + a.ifindex();
    }

    /** Asserts an Address is what ip describes. */
    static void assertSame(JsonNode j, Address a) {
        String what = a + " vs " + j;
        assertEquals(j.path("family").asText(), a.family().name(), what);
        assertEquals(InetAddressOf(j.path("local").asText()), a.address(), what);
        assertEquals(j.path("prefixlen").asInt(), a.prefixLength(), what);
        if (j.has("address")) {
            assertEquals(InetAddressOf(j.path("address").asText()), a.peer().orElseThrow(), what);
        } else {
            assertTrue(a.peer().isEmpty(), what);
        }
        if (j.has("broadcast")) {
            assertEquals(InetAddressOf(j.path("broadcast").asText()), a.broadcast().orElseThrow(), what);
        } else {
            assertTrue(a.broadcast().isEmpty(), what);
        }
        assertEquals(j.path("scope").asText(), a.scope().name(), what);
        if (j.has("label")) {
            assertEquals(j.path("label").asText(), a.label().orElseThrow(), what);
        }
        for (String flag : List.of("nodad", "home", "mngtmpaddr", "noprefixroute", "tentative", "deprecated",
                "optimistic", "dadfailed", "secondary", "temporary", "stable-privacy", "autojoin")) {
            boolean ip = j.path(flag).asBoolean(false);
            String name = flag.equals("temporary") ? "secondary" : flag;
            if (flag.equals("temporary") && !ip) {
                continue;
            }
            if (flag.equals("secondary") && !ip && j.path("temporary").asBoolean(false)) {
                continue;
            }
            assertEquals(ip, a.flags().names().contains(name), flag + ": " + what);
        }
        assertEquals(!j.path("dynamic").asBoolean(false), a.flags().has(AddressFlags.IFA_F_PERMANENT), "dynamic: " + what);
        if (j.has("metric")) {
            assertEquals(j.path("metric").asInt(), a.metric().orElseThrow(), what);
        }
        AddressCacheInfo c = a.cacheInfo().orElseThrow();
        // lifetimes count down: the library read before or after ip, within a few seconds
        assertLifetime(j.path("valid_life_time").asLong(), c.valid(), what);
        assertLifetime(j.path("preferred_life_time").asLong(), c.preferred(), what);
    }

    static void assertLifetime(long ip, long ours, String what) {
        if (ip == AddressCacheInfo.FOREVER || ours == AddressCacheInfo.FOREVER) {
            assertEquals(ip, ours, what);
        } else {
            assertTrue(Math.abs(ip - ours) <= 3, ip + " vs " + ours + ": " + what);
        }
    }

    static InetAddress InetAddressOf(String s) {
        return Inet.parse(s);
    }

    void assertDumpMatches(Rtnetlink rt) {
        Map<String, JsonNode> ip = ipAddresses();
        List<Address> ours = rt.addresses().list();
        assertEquals(ip.size(), ours.size(), "ip: " + ip.keySet() + "\nlibrary: " + ours);
        for (Address a : ours) {
            JsonNode j = ip.get(key(a));
            if (j == null) {
                throw new AssertionError("ip does not show " + key(a) + " in " + ip.keySet());
            }
            assertSame(j, a);
        }
    }

    @Test
    void ipv4AddressesAsIpSeesThem() {
        try (Rtnetlink rt = Rtnetlink.open(ns.handle())) {
            Addresses addrs = rt.addresses();
            addrs.add("veth0", "10.0.0.1/24");
            addrs.add(Address.builder("10.0.1.1/24", veth0).broadcastFromPrefix().build());
            addrs.add(Address.builder("10.0.2.1/24", veth0).broadcast(Inet.parse("10.0.2.255")).label("veth0:1").build());
            addrs.add(Address.builder("10.0.3.1/32", veth0).peer(InetPrefix.parse("10.0.3.2/32")).build());
            addrs.add(Address.builder("10.0.4.1/24", veth0).scope(AddressScope.LINK).metric(100).build());
            addrs.add(Address.builder("10.0.5.1/24", veth0).lifetimes(100, 50).build());

            Map<String, JsonNode> ip = ipAddresses("dev", "veth0");
            assertEquals("10.0.1.255", ip.get(k("10.0.1.1/24")).path("broadcast").asText());
            assertEquals("veth0:1", ip.get(k("10.0.2.1/24")).path("label").asText());
            assertEquals("10.0.3.2", ip.get(k("10.0.3.1/32")).path("address").asText());
            assertEquals("link", ip.get(k("10.0.4.1/24")).path("scope").asText());
            assertEquals(100, ip.get(k("10.0.4.1/24")).path("metric").asInt());
            assertTrue(ip.get(k("10.0.5.1/24")).path("valid_life_time").asLong() <= 100);
            assertTrue(ip.get(k("10.0.5.1/24")).path("dynamic").asBoolean());
            assertDumpMatches(rt);

            // filtered dumps
            assertEquals(6, addrs.list(AddressFamily.INET, LinkRef.name("veth0")).size());
            assertEquals(6, addrs.list("veth0").stream().filter(Address::isIpv4).count());
            assertEquals(ipAddresses("-4", "dev", "lo").size(), addrs.list(AddressFamily.INET, LinkRef.name("lo")).size());
            assertEquals(0, addrs.list(AddressFamily.INET6, LinkRef.name("veth0")).stream()
                    .filter(x -> x.address().getHostAddress().startsWith("10.")).count());

            // replace: new lifetimes on the same address
            Address a = addrs.list("veth0").stream().filter(x -> x.address().getHostAddress().equals("10.0.0.1"))
                    .findFirst().orElseThrow();
            addrs.replace(a.toBuilder().lifetimes(300, 200).build());
            JsonNode j = ipAddresses("dev", "veth0").get(k("10.0.0.1/24"));
            assertTrue(j.path("valid_life_time").asLong() <= 300 && j.path("valid_life_time").asLong() > 290, j.toString());

            // delete every one, each by the record the dump gave
            for (Address x : addrs.list(AddressFamily.INET, LinkRef.name("veth0"))) {
                addrs.delete(x);
            }
            assertTrue(ipAddresses("-4", "dev", "veth0").isEmpty(), ipAddresses().toString());
            assertDumpMatches(rt);
        }
    }

    @Test
    void ipv6AddressesWithFlags() {
        try (Rtnetlink rt = Rtnetlink.open(ns.handle())) {
            Addresses addrs = rt.addresses();
            addrs.add(Address.builder("2001:db8::1/64", veth0).flag(AddressFlags.IFA_F_NODAD).build());
            addrs.add(Address.builder("2001:db8:1::1/64", veth0).flag(AddressFlags.IFA_F_NOPREFIXROUTE)
                    .flag(AddressFlags.IFA_F_HOMEADDRESS).flag(AddressFlags.IFA_F_MANAGETEMPADDR).build());
            addrs.add(Address.builder("2001:db8:2::1/64", veth0).lifetimes(100, 50).flag(AddressFlags.IFA_F_NODAD).build());
            addrs.add(Address.builder("2001:db8:3::1/128", veth0).peer(InetPrefix.parse("2001:db8:3::2/128"))
                    .flag(AddressFlags.IFA_F_NODAD).build());
            Map<String, JsonNode> ip = ipAddresses("-6", "dev", "veth0");
            assertTrue(ip.get(k("2001:db8::1/64")).path("nodad").asBoolean(), ip.toString());
            JsonNode f = ip.get(k("2001:db8:1::1/64"));
            assertTrue(f.path("noprefixroute").asBoolean() && f.path("home").asBoolean() && f.path("mngtmpaddr").asBoolean(), f.toString());
            assertEquals("2001:db8:3::2", ip.get(k("2001:db8:3::1/128")).path("address").asText());
            assertDumpMatches(rt);
            List<Address> v6 = addrs.list(AddressFamily.INET6, LinkRef.name("veth0"));
            assertTrue(v6.stream().allMatch(a -> a.family().equals(AddressFamily.INET6)));
            for (Address a : v6) {
                if (a.address().getHostAddress().startsWith("2001:db8")) {
                    addrs.delete(a);
                }
            }
            assertTrue(ipAddresses("-6", "dev", "veth0").keySet().stream().noneMatch(x -> x.startsWith("2001:db8")));
        }
    }

    @Test
    void refusalsAndLabelChecks() {
        try (Rtnetlink rt = Rtnetlink.open(ns.handle())) {
            Addresses addrs = rt.addresses();
            addrs.add("veth0", "10.0.0.1/24");
            KernelException e = assertThrows(KernelException.class, () -> addrs.add("veth0", "10.0.0.1/24"));
            assertTrue(e.getMessage().contains("ip addr add 10.0.0.1/24 dev veth0"), e.getMessage());
            IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                    () -> addrs.add(Address.builder("10.0.9.1/24", veth0).label("eth0:1").build()));
            assertTrue(bad.getMessage().contains("must start with the device name \"veth0\""), bad.getMessage());
            assertThrows(IllegalArgumentException.class, () -> Address.builder("2001:db8::9/64", veth0).label("veth0:1").build());
            assertThrows(IllegalArgumentException.class, () -> Address.builder("10.0.0.9/24", veth0).label("veth0:1234567890"));
            assertThrows(IllegalArgumentException.class, () -> Address.builder("10.0.0.9/33", veth0));
            assertThrows(IllegalArgumentException.class, () -> Address.builder("10.0.0.9/24", veth0).lifetimes(10, 20));
            assertFalse(ipAddresses().containsKey(k("10.0.9.1/24")));
        }
    }
}
