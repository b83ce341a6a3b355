package io.github.netlink4j.examples.gateway;

import io.github.netlink4j.examples.gateway.GatewayConfig.ElasticIp;
import io.github.netlink4j.examples.gateway.GatewayConfig.Hypervisor;
import io.github.netlink4j.examples.gateway.GatewayConfig.OverlayRoute;
import io.github.netlink4j.examples.gateway.GatewayConfig.TenantConfig;
import io.github.netlink4j.rtnl.Route;
import io.github.netlink4j.vrf.Tenant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tenant file: parsing, defaults, and a message naming tenant, field and value for each bad value. */
class GatewayConfigTest {
    static final Path SAMPLE = Path.of(System.getProperty("user.dir")).resolve("gateway.sample.json");

    static String sample() throws IOException {
        Path p = Files.exists(SAMPLE) ? SAMPLE : Path.of("examples/gateway.sample.json");
        return Files.readString(p);
    }

    @Test
    void theSampleDescribesTheDemoTopology() throws IOException {
        GatewayConfig c = GatewayConfig.parse(sample());
        assertEquals("tun", c.tunnel());
        assertEquals("inet0", c.uplink());
        assertEquals("203.0.113.2", c.uplinkGateway());
        assertEquals(List.of(new Hypervisor("hv1", "172.16.1.2", "1.1.1.11", "02:00:00:00:01:11"),
                new Hypervisor("hv2", "172.16.2.2", "1.1.1.12", "02:00:00:00:02:12")), c.hypervisors());
        assertEquals(List.of(
                new TenantConfig("a", "vrf-a", 1000, 1000, List.of(new OverlayRoute("192.168.0.2/32", "172.16.1.2")),
                        List.of(new ElasticIp("198.51.100.10", "192.168.0.2"))),
                new TenantConfig("b", "vrf-b", 2000, 2000, List.of(new OverlayRoute("192.168.0.2/32", "172.16.2.2")),
                        List.of(new ElasticIp("198.51.100.20", "192.168.0.2")))), c.tenants());
    }

    @Test
    void defaultsAndCanonicalForms() {
        GatewayConfig c = GatewayConfig.parse("""
                { "uplink": "eth0", "uplinkGateway": "10.0.0.1",
                  "hypervisors": [ { "name": "h", "underlay": "10.1.0.2", "via": "1.1.1.2", "mac": "2:0:0:0:0:AB" } ],
                  "tenants": [ { "name": "x", "vrf": "blue", "key": 4294967295, "table": 4294967295,
                                 "routes": [ { "dst": "10.9.0.0/16", "hypervisor": "10.1.0.2" },
                                             { "dst": "10.8.0.7", "hypervisor": "10.1.0.2" } ] } ] }
                """);
        assertEquals("tun", c.tunnel());
        assertEquals("02:00:00:00:00:ab", c.hypervisors().get(0).mac());
        TenantConfig t = c.tenants().get(0);
        assertEquals("blue", t.vrf());
        assertEquals(-1, t.tableId());
        assertEquals(-1, t.mark());
        assertEquals(List.of("10.9.0.0/16", "10.8.0.7/32"), t.routes().stream().map(OverlayRoute::dst).toList());
        assertEquals(List.of(), t.elasticIps());
        assertEquals(List.of(), GatewayConfig.parse("{ \"uplink\": \"u\", \"uplinkGateway\": \"10.0.0.1\" }").tenants());
    }

    /** Each line: the text replaced in the sample, its replacement, the whole message expected. */
    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            "key": 1000|"key": 0|tenant "a": key: must be 1..4294967295, got 0
            "key": 1000|"key": 4294967296|tenant "a": key: must be 1..4294967295, got 4294967296
            "key": 1000|"key": -5|tenant "a": key: must be 1..4294967295, got -5
            "key": 1000|"key": "1000"|tenant "a": key: must be a number 1..4294967295, got "1000"
            "key": 1000|"key": 1000.5|tenant "a": key: must be a number 1..4294967295, got 1000.5
            "key": 1000, |`"vrf": "vrf-a", `|tenant "a": key: is required (1..4294967295), got nothing
            "key": 2000|"key": 1000|tenant "b": key: is also tenant "a"'s, got 1000
            "table": 1000|"table": 0|tenant "a": table: must be 1..4294967295 except 253, 254 and 255 (default, main, local), got 0
            "table": 1000|"table": 254|tenant "a": table: must be 1..4294967295 except 253, 254 and 255 (default, main, local), got 254
            "table": 2000|"table": 255|tenant "b": table: must be 1..4294967295 except 253, 254 and 255 (default, main, local), got 255
            "table": 2000|"table": 1000|tenant "b": table: is also tenant "a"'s, got 1000
            "name": "a"|"name": "a", "vrf": "vrf-0123456789ab"|tenant "a": vrf: must be a device name of 1..15 bytes without '/', ':' or whitespace, got "vrf-0123456789ab"
            "name": "a"|"name": "abcdefghijkl"|tenant "abcdefghijkl": vrf: must be a device name of 1..15 bytes without '/', ':' or whitespace, got "vrf-abcdefghijkl" (the default, "vrf-" + name: give "vrf" explicitly)
            "name": "b"|"name": "b", "vrf": "vrf-a"|tenant "b": vrf: is also tenant "a"'s, got "vrf-a"
            "name": "b"|"name": "b", "vrf": "inet0"|tenant "b": vrf: is the name of the uplink, got "inet0"
            "name": "b"|"name": "a"|tenant "a": name: is used by another tenant, got "a"
            "name": "b"|"name": "b c"|tenants[1]: name: must be 1..32 letters, digits, '.', '_' or '-', got "b c"
            "uplink": "inet0"|"uplink": "uplink-device-01"|uplink: must be a device name of 1..15 bytes without '/', ':' or whitespace, got "uplink-device-01"
            "uplink": "inet0",|``|uplink: is required, got nothing
            "tunnel": "tun"|"tunnel": "tun/0"|tunnel: must be a device name of 1..15 bytes without '/', ':' or whitespace, got "tun/0"
            "tunnel": "tun"|"tunnel": "inet0"|tunnel: must differ from the uplink, got "inet0"
            "uplinkGateway": "203.0.113.2"|"uplinkGateway": "203.0.113"|uplinkGateway: must be an IPv4 address (dotted quad), got "203.0.113"
            "uplinkGateway": "203.0.113.2"|"uplinkGateway": "2001:db8::1"|uplinkGateway: must be an IPv4 address (dotted quad), got "2001:db8::1"
            "uplinkGateway": "203.0.113.2"|"uplinkGateway": 7|uplinkGateway: must be a string, got 7
            "dst": "192.168.0.2/32", "hypervisor": "172.16.1.2"|"dst": "192.168.0.2/24", "hypervisor": "172.16.1.2"|tenant "a": routes[0].dst: has host bits set (the network is 192.168.0.0/24), got "192.168.0.2/24"
            "dst": "192.168.0.2/32", "hypervisor": "172.16.1.2"|"dst": "192.168.0.2/33", "hypervisor": "172.16.1.2"|tenant "a": routes[0].dst: must be an IPv4 prefix A.B.C.D/N (N 0..32) or address, got "192.168.0.2/33"
            "dst": "192.168.0.2/32", "hypervisor": "172.16.1.2"|"dst": "0.0.0.0/0", "hypervisor": "172.16.1.2"|tenant "a": routes[0].dst: must not be the default route (each tenant's default route leads to the uplink), got "0.0.0.0/0"
            "dst": "192.168.0.2/32", "hypervisor": "172.16.1.2"|"dst": "192.168.0.2/32", "hypervisor": "172.16.9.9"|tenant "a": routes[0].hypervisor: must be the underlay address of a hypervisor [172.16.1.2, 172.16.2.2], got "172.16.9.9"
            "dst": "192.168.0.2/32", "hypervisor": "172.16.2.2"|"dst": "192.168.0.2/32", "hypervisor": "172.16.2.2" }, { "dst": "192.168.0.2", "hypervisor": "172.16.1.2"|tenant "b": routes[1].dst: is routed twice, got "192.168.0.2/32"
            "dst": "192.168.0.2/32", "hypervisor": "172.16.1.2"|"hypervisor": "172.16.1.2"|tenant "a": routes[0].dst: is required, got nothing
            "public": "198.51.100.20"|"public": "198.51.100.10"|tenant "b": elasticIps[0].public: is also tenant "a"'s, got "198.51.100.10"
            "public": "198.51.100.20"|"public": "198.51.100.256"|tenant "b": elasticIps[0].public: must be an IPv4 address (dotted quad), got "198.51.100.256"
            "private": "192.168.0.2" } ] },|"private": "192.168.0.2" }, { "public": "198.51.100.11", "private": "192.168.0.2" } ] },|tenant "a": elasticIps[1].private: already has an elastic IP in this tenant, got "192.168.0.2"
            "private": "192.168.0.2" } ] },|"private": "192.168.0.2", "port": 80 } ] },|tenant "a": elasticIps[0]."port": unknown field (known: public, private)
            "name": "a"|"name": "a", "colour": "red"|tenant "a": "colour": unknown field (known: name, vrf, key, table, routes, elasticIps)
            "tunnel": "tun"|"tunnel": "tun", "tenant": []|"tenant": unknown field (known: tunnel, uplink, uplinkGateway, hypervisors, tenants)
            "mac": "02:00:00:00:01:11"|"mac": "02:00:00:00:01"|hypervisor "hv1": mac: must be a MAC address of six hex bytes (02:00:00:00:00:01), got "02:00:00:00:01"
            "mac": "02:00:00:00:01:11"|"mac": "03:00:00:00:01:11"|hypervisor "hv1": mac: must be a unicast MAC address (a multicast one has bit 0 of the first byte set), got "03:00:00:00:01:11"
            "mac": "02:00:00:00:01:11"|"mac": "00:00:00:00:00:00"|hypervisor "hv1": mac: must not be 00:00:00:00:00:00, got "00:00:00:00:00:00"
            "underlay": "172.16.2.2"|"underlay": "172.16.1.2"|hypervisor "hv2": underlay: is also hypervisor "hv1"'s, got "172.16.1.2"
            "via": "1.1.1.12"|"via": "1.1.1.11"|hypervisor "hv2": via: is also hypervisor "hv1"'s, got "1.1.1.11"
            "name": "hv2"|"name": "hv1"|hypervisor "hv1": name: is used by another hypervisor, got "hv1"
            "name": "hv2", |``|hypervisors[1]: name: is required, got nothing
            "tenants": [|"tenants": [ 7, |tenants[0]: must be a JSON object, got 7
            """)
    void eachBadValueIsNamed(String from, String to, String message) throws IOException {
        String text = sample();
        assertTrue(text.contains(from), "the sample has no " + from);
        String bad = text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
        ConfigException e = assertThrows(ConfigException.class, () -> GatewayConfig.parse(bad), bad);
        assertEquals(message, e.getMessage());
    }

    @Test
    void notJsonAndDuplicateFieldsAreRefusedWithTheirPlace() throws IOException {
        ConfigException e = assertThrows(ConfigException.class, () -> GatewayConfig.parse("{ \"uplink\": \"a\",\n  \"uplinkGateway\": }"));
        assertTrue(e.getMessage().startsWith("not valid JSON: ") && e.getMessage().contains("(line 2, column"), e.getMessage());
        String dup = sample().replace("\"key\": 1000,", "\"key\": 1000, \"key\": 1001,");
        e = assertThrows(ConfigException.class, () -> GatewayConfig.parse(dup));
        assertTrue(e.getMessage().contains("Duplicate field 'key'"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> GatewayConfig.parse(""));
        assertEquals("the tenant file is empty", e.getMessage());
        e = assertThrows(ConfigException.class,
                () -> GatewayConfig.parse("{ \"uplink\": \"u\", \"uplinkGateway\": \"10.0.0.1\", \"hypervisors\": 7 }"));
        assertEquals("hypervisors: must be a JSON array, got 7", e.getMessage());
        e = assertThrows(ConfigException.class, () -> GatewayConfig.parse("[]"));
        assertEquals("the tenant file must be a JSON object, got []", e.getMessage());
    }

    @Test
    void aFileIsNamedInItsMessages(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("tenants.json");
        Files.writeString(f, sample().replace("\"key\": 1000", "\"key\": 0"));
        ConfigException e = assertThrows(ConfigException.class, () -> GatewayConfig.parse(f));
        assertEquals(f + ": tenant \"a\": key: must be 1..4294967295, got 0", e.getMessage());
        e = assertThrows(ConfigException.class, () -> GatewayConfig.parse(dir.resolve("missing.json")));
        assertTrue(e.getMessage().startsWith("cannot read tenant file " + dir.resolve("missing.json")), e.getMessage());
        Files.writeString(f, sample());
        assertEquals(GatewayConfig.parse(sample()), GatewayConfig.parse(f));
    }

    @Test
    void theConstructorChecksToo() {
        List<Hypervisor> hvs = List.of(new Hypervisor("h", "10.0.0.2", "1.1.1.2", "02:00:00:00:00:01"));
        ConfigException e = assertThrows(ConfigException.class, () -> new GatewayConfig(null, "eth0", "10.0.0.1", hvs,
                List.of(new TenantConfig("t", "vrf-t", 1, 253, List.of(), List.of()))));
        assertEquals("tenant \"t\": table: must be 1..4294967295 except 253, 254 and 255 (default, main, local), got 253",
                e.getMessage());
        e = assertThrows(ConfigException.class, () -> new GatewayConfig(null, "eth0", "10.0.0.1", hvs,
                List.of(new TenantConfig("t", "vrf-t", 1L << 32, 7, List.of(), List.of()))));
        assertEquals("tenant \"t\": key: must be 1..4294967295, got 4294967296", e.getMessage());
    }

    /** What the gateway makes of the sample, printed as the ip and nft commands it stands for. */
    @Test
    void theSampleAsRoutesRulesAndNftRules() throws IOException {
        GatewayConfig c = GatewayConfig.parse(sample());
        Tenant a = Gateway.tenant(c, c.tenants().get(0));
        assertEquals("vrf-a", a.vrf());
        assertEquals(1000, a.table());
        assertEquals(List.of("default via 203.0.113.2 dev inet0 table 1000",
                        "192.168.0.2 via 1.1.1.11 dev tun table 1000 onlink encap ip id 1000 dst 172.16.1.2 key"),
                a.routes().stream().map(Route::toIpArgs).toList());
        assertEquals(List.of("tun_id 1000 lookup 1000 pref 2000", "fwmark 0x3e8 iif inet0 lookup 1000 pref 2001"),
                a.rules().stream().map(io.github.netlink4j.rtnl.Rule::toIpArgs).toList());

        List<String> warnings = new ArrayList<>();
        Map<String, List<io.github.netlink4j.nft.Rule>> rules = Gateway.nftRules(c, warnings);
        assertEquals(List.of("ip daddr 198.51.100.10 meta mark set 0x000003e8 comment \"tenant a\"",
                "ip daddr 198.51.100.20 meta mark set 0x000007d0 comment \"tenant b\""), text(rules.get("mark")));
        assertEquals(List.of("ip daddr 198.51.100.10 dnat ip to 192.168.0.2 comment \"tenant a\"",
                "ip daddr 198.51.100.20 dnat ip to 192.168.0.2 comment \"tenant b\""), text(rules.get("dnat")));
        assertEquals(List.of(), text(rules.get("snat")));
        assertEquals(List.of("ct state established flow add @ft"), text(rules.get("forward")));
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("no SNAT for 192.168.0.2: tenants a, b all use it"), warnings.get(0));

        // a private address of one tenant only gets its SNAT rule
        GatewayConfig unique = GatewayConfig.parse(sample().replace("\"198.51.100.20\", \"private\": \"192.168.0.2\"",
                "\"198.51.100.20\", \"private\": \"192.168.0.3\""));
        warnings.clear();
        rules = Gateway.nftRules(unique, warnings);
        assertEquals(List.of("oifname \"inet0\" ip saddr 192.168.0.2 snat ip to 198.51.100.10 comment \"tenant a\"",
                "oifname \"inet0\" ip saddr 192.168.0.3 snat ip to 198.51.100.20 comment \"tenant b\""), text(rules.get("snat")));
        assertEquals(List.of(), warnings);
    }

    private static List<String> text(List<io.github.netlink4j.nft.Rule> rules) {
        return rules.stream().map(Object::toString).toList();
    }
}
