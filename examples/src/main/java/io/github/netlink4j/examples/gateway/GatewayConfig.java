package io.github.netlink4j.examples.gateway;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.netlink4j.rtnl.Inet;
import io.github.netlink4j.rtnl.InetPrefix;
import io.github.netlink4j.rtnl.MacAddress;

import java.io.IOException;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The gateway's tenant file: the shared tunnel and uplink, the hypervisors, and per tenant its
 * tunnel key, VRF table, overlay routes and elastic IPs.
 *
 * <pre>{@code
 * {
 *   "tunnel": "tun",                      optional, default "tun": the one gretap in external mode
 *   "uplink": "inet0",                    required: the device towards the internet
 *   "uplinkGateway": "203.0.113.2",       required: the next hop on the uplink
 *   "hypervisors": [ { "name": "hv1", "underlay": "172.16.1.2", "via": "1.1.1.11", "mac": "02:00:00:00:01:11" } ],
 *   "tenants": [ { "name": "a", "key": 1000, "table": 1000,      "vrf" optional, default "vrf-" + name
 *                  "routes":     [ { "dst": "192.168.0.2/32", "hypervisor": "172.16.1.2" } ],
 *                  "elasticIps": [ { "public": "198.51.100.10", "private": "192.168.0.2" } ] } ]
 * }
 * }</pre>
 *
 * Every value is checked when the configuration is made — by {@link #parse} or by the constructor —
 * before the gateway sends anything: device names 1..15 bytes (IFNAMSIZ) without '/', ':' or
 * whitespace; tenant and hypervisor names 1..32 characters of letters, digits, '.', '_' and '-';
 * IPv4 addresses in dotted-quad form; MACs of six bytes, unicast and not zero; keys 1..2^32-1;
 * tables 1..2^32-1 except 253, 254 and 255; tenant names, VRF names, keys, tables and public
 * addresses unique across tenants; hypervisor names, underlay and via addresses unique; routes to
 * IPv4 network prefixes (host bits clear, not the default route, which the gateway adds itself),
 * unique per tenant, each naming a hypervisor's underlay address; one elastic IP per private
 * address per tenant. Unknown fields, duplicate fields and values of the wrong JSON type are
 * refused too. A {@link ConfigException} names the tenant (or hypervisor), the field and the value
 * given.
 *
 * <p>Addresses are kept in canonical form (routes as {@code A.B.C.D/N}).
 *
 * @param tunnel        the external gretap device every tenant shares
 * @param uplink        the device towards the internet; it must exist when the gateway reconciles
 * @param uplinkGateway the next hop on the uplink: every tenant's default route leads there
 * @param hypervisors   the hosts behind the tunnel
 * @param tenants       the tenants
 */
public record GatewayConfig(String tunnel, String uplink, String uplinkGateway, List<Hypervisor> hypervisors,
                            List<TenantConfig> tenants) {
    /** The tunnel device's name when the file gives none. */
    public static final String DEFAULT_TUNNEL = "tun";
    /** The largest tunnel key and table: 2^32-1. */
    public static final long MAX_U32 = 0xffff_ffffL;

    static final String KEY_RANGE = "must be 1..4294967295";
    static final String TABLE_RANGE = "must be 1..4294967295 except 253, 254 and 255 (default, main, local)";

    /**
     * A host behind the tunnel.
     *
     * @param name     its name (for messages)
     * @param underlay its underlay IPv4 address: the tunnel's remote end ({@code encap ip dst})
     * @param via      the overlay next hop for its routes ({@code via}, onlink), answered by {@code mac}
     * @param mac      the MAC of its gretap: a permanent neighbour {@code via -> mac} on the tunnel
     */
    public record Hypervisor(String name, String underlay, String via, String mac) {
        public Hypervisor {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(underlay, "underlay");
            Objects.requireNonNull(via, "via");
            Objects.requireNonNull(mac, "mac");
        }
    }

    /**
     * One tenant.
     *
     * @param name       its name
     * @param vrf        its VRF device (default {@code "vrf-" + name})
     * @param key        its tunnel key, 1..2^32-1: the GRE key of its packets, and the mark of packets to its elastic IPs
     * @param table      its VRF's routing table
     * @param routes     overlay routes in its table
     * @param elasticIps public addresses that lead to its VMs
     */
    public record TenantConfig(String name, String vrf, long key, long table, List<OverlayRoute> routes,
                               List<ElasticIp> elasticIps) {
        public TenantConfig {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(vrf, "vrf");
            routes = List.copyOf(routes);
            elasticIps = List.copyOf(elasticIps);
        }

        /** The tenant's VRF table as the kernel's u32. */
        public int tableId() {
            return (int) table;
        }

        /** The tenant's key as the kernel's u32 (the firewall mark). */
        public int mark() {
            return (int) key;
        }
    }

    /**
     * An overlay route: {@code dst} is reached through the hypervisor whose underlay address is
     * {@code hypervisor}.
     */
    public record OverlayRoute(String dst, String hypervisor) {
        public OverlayRoute {
            Objects.requireNonNull(dst, "dst");
            Objects.requireNonNull(hypervisor, "hypervisor");
        }
    }

    /** An elastic IP: packets to {@code publicAddress} go to the tenant's {@code privateAddress}. */
    public record ElasticIp(String publicAddress, String privateAddress) {
        public ElasticIp {
            Objects.requireNonNull(publicAddress, "public");
            Objects.requireNonNull(privateAddress, "private");
        }
    }

    /** Validates everything (see the class comment) and canonicalizes the addresses. */
    public GatewayConfig {
        tunnel = device("", "tunnel", tunnel == null ? DEFAULT_TUNNEL : tunnel);
        uplink = device("", "uplink", Objects.requireNonNull(uplink, "uplink"));
        if (tunnel.equals(uplink)) {
            throw fail("", "tunnel", "must differ from the uplink", quote(tunnel));
        }
        uplinkGateway = ipv4("", "uplinkGateway", Objects.requireNonNull(uplinkGateway, "uplinkGateway"));

        List<Hypervisor> hvs = new ArrayList<>();
        Map<String, String> hvByUnderlay = new HashMap<>();
        Set<String> hvNames = new LinkedHashSet<>();
        Map<String, String> hvByVia = new HashMap<>();
        for (int i = 0; i < hypervisors.size(); i++) {
            Hypervisor h = Objects.requireNonNull(hypervisors.get(i), "hypervisor");
            String where = "hypervisors[" + i + "]";
            String name = label(where, "name", h.name());
            where = "hypervisor " + quote(name);
            if (!hvNames.add(name)) {
                throw fail(where, "name", "is used by another hypervisor", quote(name));
            }
            String underlay = ipv4(where, "underlay", h.underlay());
            String other = hvByUnderlay.putIfAbsent(underlay, name);
            if (other != null) {
                throw fail(where, "underlay", "is also hypervisor " + quote(other) + "'s", quote(underlay));
            }
            String via = ipv4(where, "via", h.via());
            other = hvByVia.putIfAbsent(via, name);
            if (other != null) {
                throw fail(where, "via", "is also hypervisor " + quote(other) + "'s", quote(via));
            }
            hvs.add(new Hypervisor(name, underlay, via, mac(where, "mac", h.mac())));
        }
        hypervisors = List.copyOf(hvs);

        List<TenantConfig> ts = new ArrayList<>();
        Map<String, String> byName = new HashMap<>();
        Map<String, String> byVrf = new HashMap<>();
        Map<Long, String> byKey = new HashMap<>();
        Map<Long, String> byTable = new HashMap<>();
        Map<String, String> byPublic = new HashMap<>();
        for (int i = 0; i < tenants.size(); i++) {
            TenantConfig t = Objects.requireNonNull(tenants.get(i), "tenant");
            String name = label("tenants[" + i + "]", "name", t.name());
            String where = "tenant " + quote(name);
            if (byName.putIfAbsent(name, name) != null) {
                throw fail(where, "name", "is used by another tenant", quote(name));
            }
            String vrf;
            try {
                vrf = device(where, "vrf", t.vrf());
            } catch (ConfigException e) {
                if (t.vrf().equals("vrf-" + name)) {
                    throw new ConfigException(e.getMessage() + " (the default, \"vrf-\" + name: give \"vrf\" explicitly)");
                }
                throw e;
            }
            if (vrf.equals(tunnel) || vrf.equals(uplink)) {
                throw fail(where, "vrf", "is the name of the " + (vrf.equals(tunnel) ? "tunnel" : "uplink"), quote(vrf));
            }
            String other = byVrf.putIfAbsent(vrf, name);
            if (other != null) {
                throw fail(where, "vrf", "is also tenant " + quote(other) + "'s", quote(vrf));
            }
            if (t.key() < 1 || t.key() > MAX_U32) {
                throw fail(where, "key", KEY_RANGE, Long.toString(t.key()));
            }
            other = byKey.putIfAbsent(t.key(), name);
            if (other != null) {
                throw fail(where, "key", "is also tenant " + quote(other) + "'s", Long.toString(t.key()));
            }
            if (t.table() < 1 || t.table() > MAX_U32 || (t.table() >= 253 && t.table() <= 255)) {
                throw fail(where, "table", TABLE_RANGE, Long.toString(t.table()));
            }
            other = byTable.putIfAbsent(t.table(), name);
            if (other != null) {
                throw fail(where, "table", "is also tenant " + quote(other) + "'s", Long.toString(t.table()));
            }
            List<OverlayRoute> routes = new ArrayList<>();
            Set<String> dsts = new LinkedHashSet<>();
            for (int r = 0; r < t.routes().size(); r++) {
                OverlayRoute or = Objects.requireNonNull(t.routes().get(r), "route");
                String field = "routes[" + r + "]";
                String dst = prefix(where, field + ".dst", or.dst());
                if (!dsts.add(dst)) {
                    throw fail(where, field + ".dst", "is routed twice", quote(dst));
                }
                String hv = ipv4(where, field + ".hypervisor", or.hypervisor());
                if (!hvByUnderlay.containsKey(hv)) {
                    throw fail(where, field + ".hypervisor", "must be the underlay address of a hypervisor "
                            + hvByUnderlay.keySet().stream().sorted().toList(), quote(hv));
                }
                routes.add(new OverlayRoute(dst, hv));
            }
            List<ElasticIp> eips = new ArrayList<>();
            Set<String> privates = new LinkedHashSet<>();
            for (int e = 0; e < t.elasticIps().size(); e++) {
                ElasticIp ip = Objects.requireNonNull(t.elasticIps().get(e), "elastic IP");
                String field = "elasticIps[" + e + "]";
                String pub = ipv4(where, field + ".public", ip.publicAddress());
                other = byPublic.putIfAbsent(pub, name);
                if (other != null) {
                    throw fail(where, field + ".public", other.equals(name) ? "is given twice"
                            : "is also tenant " + quote(other) + "'s", quote(pub));
                }
                String priv = ipv4(where, field + ".private", ip.privateAddress());
                if (!privates.add(priv)) {
                    throw fail(where, field + ".private", "already has an elastic IP in this tenant", quote(priv));
                }
                eips.add(new ElasticIp(pub, priv));
            }
            ts.add(new TenantConfig(name, vrf, t.key(), t.table(), routes, eips));
        }
        tenants = List.copyOf(ts);
    }

    /** The tenant named {@code name}, if any. */
    public java.util.Optional<TenantConfig> tenant(String name) {
        return tenants.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The hypervisor whose underlay address is {@code underlay}. */
    public Hypervisor hypervisor(String underlay) {
        return hypervisors.stream().filter(h -> h.underlay().equals(underlay)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no hypervisor with underlay " + underlay));
    }

    // ---------------------------------------------------------------------------------------------
    // checks

    static ConfigException fail(String where, String field, String problem, String got) {
        return new ConfigException((where.isEmpty() ? "" : where + ": ") + field + ": " + problem + ", got " + got);
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    private static String device(String where, String field, String name) {
        Objects.requireNonNull(name, field);
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < 1 || bytes > 15 || name.equals(".") || name.equals("..")
                || name.chars().anyMatch(c -> c == '/' || c == ':' || Character.isWhitespace(c) || c == 0)) {
            throw fail(where, field, "must be a device name of 1..15 bytes without '/', ':' or whitespace", quote(name));
        }
        return name;
    }

    private static String label(String where, String field, String name) {
        Objects.requireNonNull(name, field);
        if (name.isEmpty() || name.length() > 32
                || !name.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-'))) {
            throw fail(where, field, "must be 1..32 letters, digits, '.', '_' or '-'", quote(name));
        }
        return name;
    }

    private static String ipv4(String where, String field, String text) {
        Objects.requireNonNull(text, field);
        InetAddress a;
        try {
            a = Inet.parse(text);
        } catch (IllegalArgumentException e) {
            throw fail(where, field, "must be an IPv4 address (dotted quad)", quote(text));
        }
        if (!(a instanceof Inet4Address)) {
            throw fail(where, field, "must be an IPv4 address (dotted quad)", quote(text));
        }
        return Inet.format(a);
    }

    private static String prefix(String where, String field, String text) {
        Objects.requireNonNull(text, field);
        InetPrefix p;
        try {
            p = InetPrefix.parse(text);
        } catch (IllegalArgumentException e) {
            throw fail(where, field, "must be an IPv4 prefix A.B.C.D/N (N 0..32) or address", quote(text));
        }
        if (!p.isIpv4()) {
            throw fail(where, field, "must be an IPv4 prefix A.B.C.D/N (N 0..32) or address", quote(text));
        }
        if (!p.network().equals(p)) {
            throw fail(where, field, "has host bits set (the network is " + Inet.format(p.network().address()) + "/"
                    + p.length() + ")", quote(text));
        }
        if (p.length() == 0) {
            throw fail(where, field, "must not be the default route (each tenant's default route leads to the uplink)",
                    quote(text));
        }
        return Inet.format(p.address()) + "/" + p.length();
    }

    private static String mac(String where, String field, String text) {
        Objects.requireNonNull(text, field);
        MacAddress m;
        try {
            m = MacAddress.parse(text);
        } catch (IllegalArgumentException e) {
            throw fail(where, field, "must be a MAC address of six hex bytes (02:00:00:00:00:01)", quote(text));
        }
        byte[] b = m.bytes().toByteArray();
        if (b.length != 6) {
            throw fail(where, field, "must be a MAC address of six hex bytes (02:00:00:00:00:01)", quote(text));
        }
        if ((b[0] & 1) != 0) {
            throw fail(where, field, "must be a unicast MAC address (a multicast one has bit 0 of the first byte set)",
                    quote(text));
        }
        boolean zero = true;
        for (byte x : b) {
            zero &= x == 0;
        }
        if (zero) {
            throw fail(where, field, "must not be 00:00:00:00:00:00", quote(text));
        }
        return m.toString();
    }

    // ---------------------------------------------------------------------------------------------
    // parsing

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .build();

    /**
     * Reads and checks the tenant file {@code file}.
     *
     * @throws ConfigException when it cannot be read, is not JSON, or a value is wrong
     */
    public static GatewayConfig parse(Path file) {
        Objects.requireNonNull(file, "file");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("cannot read tenant file " + file + ": " + e, e);
        }
        try {
            return parse(text);
        } catch (ConfigException e) {
            throw new ConfigException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses and checks a tenant file's text.
     *
     * @throws ConfigException when it is not JSON or a value is wrong
     */
    public static GatewayConfig parse(String json) {
        Objects.requireNonNull(json, "json");
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonParseException e) {
            throw new ConfigException("not valid JSON: " + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")", e);
        } catch (JsonProcessingException e) {
            throw new ConfigException("not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new ConfigException("the tenant file is empty");
        }
        Obj top = new Obj(root, "", "", "tunnel", "uplink", "uplinkGateway", "hypervisors", "tenants");
        String tunnel = top.string("tunnel", false);
        String uplink = top.string("uplink", true);
        String uplinkGateway = top.string("uplinkGateway", true);
        List<Hypervisor> hvs = new ArrayList<>();
        List<JsonNode> hvNodes = top.array("hypervisors");
        for (int i = 0; i < hvNodes.size(); i++) {
            JsonNode n = hvNodes.get(i);
            String where = Obj.named(n, "hypervisor", "hypervisors[" + i + "]");
            Obj h = new Obj(n, where, "", "name", "underlay", "via", "mac");
            hvs.add(new Hypervisor(h.string("name", true), h.string("underlay", true), h.string("via", true),
                    h.string("mac", true)));
        }
        List<TenantConfig> ts = new ArrayList<>();
        List<JsonNode> tNodes = top.array("tenants");
        for (int i = 0; i < tNodes.size(); i++) {
            JsonNode n = tNodes.get(i);
            String where = Obj.named(n, "tenant", "tenants[" + i + "]");
            Obj t = new Obj(n, where, "", "name", "vrf", "key", "table", "routes", "elasticIps");
            String name = t.string("name", true);
            String vrf = t.string("vrf", false);
            long key = t.u32("key", KEY_RANGE);
            long table = t.u32("table", TABLE_RANGE);
            List<OverlayRoute> routes = new ArrayList<>();
            List<JsonNode> rNodes = t.array("routes");
            for (int r = 0; r < rNodes.size(); r++) {
                Obj o = new Obj(rNodes.get(r), where, "routes[" + r + "]", "dst", "hypervisor");
                routes.add(new OverlayRoute(o.string("dst", true), o.string("hypervisor", true)));
            }
            List<ElasticIp> eips = new ArrayList<>();
            List<JsonNode> eNodes = t.array("elasticIps");
            for (int e = 0; e < eNodes.size(); e++) {
                Obj o = new Obj(eNodes.get(e), where, "elasticIps[" + e + "]", "public", "private");
                eips.add(new ElasticIp(o.string("public", true), o.string("private", true)));
            }
            ts.add(new TenantConfig(name, vrf == null ? "vrf-" + name : vrf, key, table, routes, eips));
        }
        return new GatewayConfig(tunnel, uplink, uplinkGateway, hvs, ts);
    }

    /** A JSON object of the file, its fields read with messages that say where they are. */
    private static final class Obj {
        private final JsonNode node;
        private final String where;
        private final String prefix;

        /**
         * @param where the object's owner for messages ({@code tenant "a"}, {@code tenants[1]}), empty for the file
         * @param path  the object's own path below its owner ({@code routes[0]}), empty for the owner itself
         */
        Obj(JsonNode node, String where, String path, String... known) {
            this.node = node;
            this.where = where;
            this.prefix = path.isEmpty() ? "" : path + ".";
            String head = where.isEmpty() ? "" : where + ": ";
            if (!node.isObject()) {
                throw new ConfigException(head + (path.isEmpty() ? (where.isEmpty() ? "the tenant file " : "") : path + ": ")
                        + "must be a JSON object, got " + node);
            }
            List<String> allowed = List.of(known);
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!allowed.contains(f)) {
                    throw new ConfigException(head + prefix + quote(f) + ": unknown field (known: " + String.join(", ", known)
                            + ")");
                }
            }
        }

        /** {@code tenant "NAME"} when the node has a usable name, else {@code fallback}. */
        static String named(JsonNode n, String what, String fallback) {
            JsonNode name = n.path("name");
            if (name.isTextual()) {
                try {
                    return what + " " + quote(label(fallback, "name", name.asText()));
                } catch (ConfigException e) {
                    return fallback;
                }
            }
            return fallback;
        }

        private ConfigException fail(String field, String problem, JsonNode got) {
            return GatewayConfig.fail(where, prefix + field, problem, got == null ? "nothing" : got.toString());
        }

        String string(String field, boolean required) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                if (required) {
                    throw fail(field, "is required", null);
                }
                return null;
            }
            if (!v.isTextual()) {
                throw fail(field, "must be a string", v);
            }
            return v.asText();
        }

        long u32(String field, String range) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                throw fail(field, "is required (" + range.replace("must be ", "") + ")", null);
            }
            if (!v.isIntegralNumber()) {
                throw fail(field, range.replace("must be ", "must be a number "), v);
            }
            BigInteger b = v.bigIntegerValue();
            if (b.signum() < 0 || b.bitLength() > 32) {
                throw fail(field, range, v);
            }
            return b.longValue();
        }

        List<JsonNode> array(String field) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                return List.of();
            }
            if (!v.isArray()) {
                throw fail(field, "must be a JSON array", v);
            }
            List<JsonNode> out = new ArrayList<>();
            v.forEach(out::add);
            return out;
        }
    }
}
