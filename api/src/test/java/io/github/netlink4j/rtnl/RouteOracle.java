package io.github.netlink4j.rtnl;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.netlink4j.core.wire.AttrReader;
import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.MessageWriter;
import io.github.netlink4j.testkit.Oracle;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Compares the library's routes, nexthop objects and rules with what {@code ip -d -j route show},
 * {@code ip -j nexthop show} and {@code ip -j rule show} print, field by field.
 */
final class RouteOracle {
    private RouteOracle() {
    }

    /** ifindex to name in {@code netns}, from ip. */
    static Map<Integer, String> ifnames(String netns) {
        Map<Integer, String> m = new HashMap<>();
        for (JsonNode l : Oracle.ipJson(netns, "link", "show")) {
            m.put(l.path("ifindex").asInt(), l.path("ifname").asText());
        }
        return m;
    }

    static String prefix(InetPrefix p) {
        return p.length() == 0 ? "default" : p.toString();
    }

    /** {@code ip} entries with "dev" set: ip leaves it out when it shows only the routes of one device. */
    static JsonNode withDev(JsonNode ip, String dev) {
        com.fasterxml.jackson.databind.node.ArrayNode out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        for (JsonNode j : ip) {
            com.fasterxml.jackson.databind.node.ObjectNode o = j.deepCopy();
            o.put("dev", dev);
            out.add(o);
        }
        return out;
    }

    /** The same routes in the same order (both are the kernel's dump order). */
    static void assertSameRoutes(List<Route> mine, JsonNode ip, Map<Integer, String> names) {
        assertEquals(ip.size(), mine.size(), "routes: ip shows " + ip + "\nthe library " + mine);
        for (int i = 0; i < ip.size(); i++) {
            assertSameRoute(mine.get(i), ip.get(i), names);
        }
    }

    /** One route against one entry of {@code ip -d -j route show} (with or without {@code table all}). */
    static void assertSameRoute(Route r, JsonNode j, Map<Integer, String> names) {
        String what = r + " vs " + j;
        assertEquals(j.path("dst").asText(), prefix(r.dst()), what);
        if (j.has("type")) {
            assertEquals(j.path("type").asText(), r.type().orElseThrow().name(), what);
        }
        if (j.has("protocol")) {
            assertEquals(j.path("protocol").asText(), r.protocol().orElseThrow().name(), what);
        }
        if (j.has("scope")) {
            assertEquals(j.path("scope").asText(), r.scope().orElseThrow().name(), what);
        }
        if (j.has("table")) {
            assertEquals(j.path("table").asText(), Route.tableName(r.table()), what);
        }
        // an encap prints its own numeric "tos" too: the route's is the one in hex
        String tos = j.path("tos").isTextual() ? j.path("tos").asText() : j.path("tos#2").asText("0x0");
        assertEquals(tos, "0x" + Integer.toHexString(r.tos()), what);
        assertEquals(j.path("from").asText(null), r.src().map(RouteOracle::prefix).orElse(null), what);
        assertGateway(j, r.gateway().orElse(null), r.family(), what);
        assertEquals(j.path("dev").asText(null), r.oif().isPresent() ? names.get(r.oif().getAsInt()) : null, what);
        assertEquals(j.has("metric") ? j.path("metric").asInt() : null,
                r.priority().isPresent() ? (Integer) r.priority().getAsInt() : null, what);
        assertEquals(j.path("prefsrc").asText(null), r.prefsrc().map(Inet::format).orElse(null), what);
        assertEquals(flagSet(j).contains("onlink"), (r.flags() & Route.FLAG_ONLINK) != 0, what);
        assertEquals(j.has("nhid") ? j.path("nhid").asInt() : null,
                r.nhid().isPresent() ? (Integer) r.nhid().getAsInt() : null, what);
        assertEncap(j, r.encap().orElse(null), "dst#2", "id", what);
        JsonNode hops = j.path("nexthops");
        assertEquals(hops.size(), r.nexthops().size(), what);
        for (int i = 0; i < hops.size(); i++) {
            RouteHop h = r.nexthops().get(i);
            JsonNode jh = hops.get(i);
            assertGateway(jh, h.gateway().orElse(null), r.family(), what);
            assertEquals(jh.path("dev").asText(null), h.oif().isPresent() ? names.get(h.oif().getAsInt()) : null, what);
            assertEquals(jh.path("weight").asInt(1), h.weight(), what);
            assertEquals(flagSet(jh).contains("onlink"), (h.flags() & Route.FLAG_ONLINK) != 0, what);
            assertEncap(jh, h.encap().orElse(null), "dst", "id", what); // a path has no "dst" of its own
        }
        JsonNode metrics = j.path("metrics").path(0);
        Map<String, Integer> ipMetrics = new HashMap<>();
        metrics.fieldNames().forEachRemaining(k -> ipMetrics.put(k, metrics.path(k).isObject()
                ? metrics.path(k).path("value").asInt() : metrics.path(k).asInt()));
        Map<String, Integer> myMetrics = new HashMap<>();
        r.metrics().values().forEach((k, v) -> myMetrics.put(metricName(k), v));
        assertEquals(ipMetrics, myMetrics, what);
    }

    static String metricName(int rtax) {
        return switch (rtax) {
            case RouteMetrics.MTU -> "mtu";
            case RouteMetrics.WINDOW -> "window";
            case RouteMetrics.ADVMSS -> "advmss";
            case RouteMetrics.HOPLIMIT -> "hoplimit";
            case RouteMetrics.INITCWND -> "initcwnd";
            case RouteMetrics.INITRWND -> "initrwnd";
            default -> "metric" + rtax;
        };
    }

    static java.util.Set<String> flagSet(JsonNode j) {
        java.util.Set<String> s = new java.util.HashSet<>();
        j.path("flags").forEach(f -> s.add(f.asText()));
        return s;
    }

    static void assertGateway(JsonNode j, InetAddress gw, AddressFamily family, String what) {
        if (gw == null) {
            assertFalse(j.has("gateway") || j.has("via"), what);
        } else if (AddressFamily.of(gw).equals(family)) {
            assertEquals(j.path("gateway").asText(), Inet.format(gw), what);
        } else {
            assertEquals(j.path("via").path("family").asText(), AddressFamily.of(gw).toString(), what);
            assertEquals(j.path("via").path("host").asText(), Inet.format(gw), what);
        }
    }

    /**
     * An {@code encap ip} against ip's fields: "encap", the tunnel id and destination (whose keys
     * repeat a route's or nexthop's own "dst" / "id", hence the key names), "key".
     */
    static void assertEncap(JsonNode j, RouteEncap e, String dstKey, String idKey, String what) {
        if (e == null) {
            assertFalse(j.has("encap"), what);
            return;
        }
        assertEquals(2, e.encapType(), what);
        assertEquals("ip", j.path("encap").asText(), what);
        long id = 0;
        String dst = null;
        boolean key = false;
        MessageWriter w = new MessageWriter();
        e.encode(w);
        ByteBuffer b = w.slice(0);
        AttrReader r = new AttrReader(b, 0, b.limit(), AttrSchema.OPAQUE);
        while (r.next()) {
            switch (r.type()) {
                case 1 -> id = r.u64Be();                            // LWTUNNEL_IP_ID
                case 2 -> dst = Inet.format(r.inet());                // LWTUNNEL_IP_DST
                case 6 -> key = (r.u16Be() & 0x0004) != 0;            // LWTUNNEL_IP_FLAGS: TUNNEL_KEY
                default -> { }
            }
        }
        assertEquals(j.path(idKey).asLong(), id, what);
        assertEquals(j.path(dstKey).asText(), dst, what);
        assertEquals(j.path("key").asBoolean(false), key, what);
    }

    /** One nexthop object against one entry of {@code ip -j nexthop show}. */
    static void assertSameNexthop(Nexthop n, JsonNode j, Map<Integer, String> names) {
        String what = n + " vs " + j;
        assertEquals(j.path("id").asInt(), n.id(), what);
        assertEquals(j.path("gateway").asText(null), n.gateway().map(Inet::format).orElse(null), what);
        assertEquals(j.path("dev").asText(null), n.oif().isPresent() ? names.get(n.oif().getAsInt()) : null, what);
        assertEquals(j.has("blackhole"), n.blackhole(), what);
        assertEquals(j.has("fdb"), n.fdb(), what);
        assertEquals(j.path("protocol").asText(), n.protocol().name(), what);
        assertEquals(flagSet(j).contains("onlink"), (n.flags() & Route.FLAG_ONLINK) != 0, what);
        JsonNode group = j.path("group");
        assertEquals(group.size(), n.group().size(), what);
        for (int i = 0; i < group.size(); i++) {
            assertEquals(group.get(i).path("id").asInt(), n.group().get(i).id(), what);
            assertEquals(group.get(i).path("weight").asInt(1), n.group().get(i).weight(), what);
        }
        assertEncap(j, n.encap().orElse(null), "dst", "id#2", what);
    }

    /** One rule against one entry of {@code ip -j rule show}. */
    static void assertSameRule(Rule r, JsonNode j) {
        String what = r + " vs " + j;
        assertEquals(j.path("priority").asInt(), r.priority().orElse(0), what);
        assertEquals(j.has("not"), r.inverted(), what);
        assertEquals(j.path("src").asText(), r.from().map(p -> Inet.format(p.address())).orElse("all"), what);
        assertEquals(j.path("srclen").asInt(r.family().equals(AddressFamily.INET) ? 32 : 128),
                r.from().map(InetPrefix::length).orElse(r.family().equals(AddressFamily.INET) ? 32 : 128), what);
        assertEquals(j.path("dst").asText(null), r.to().map(p -> Inet.format(p.address())).orElse(null), what);
        assertEquals(j.path("tos").asText("0x0"), "0x" + Integer.toHexString(r.tos()), what);
        assertEquals(j.path("fwmark").asText(null), r.fwmark().isPresent()
                ? "0x" + Integer.toHexString(r.fwmark().getAsInt()) : null, what);
        assertEquals(j.path("fwmask").asText(null), r.fwmask().isPresent()
                ? "0x" + Integer.toHexString(r.fwmask().getAsInt()) : null, what);
        assertEquals(j.path("iif").asText(null), r.iif().orElse(null), what);
        assertEquals(j.path("oif").asText(null), r.oif().orElse(null), what);
        assertEquals(j.has("tun_id") ? j.path("tun_id").asLong() : null,
                r.tunId().isPresent() ? (Long) r.tunId().getAsLong() : null, what);
        assertEquals(j.has("l3mdev"), r.l3mdev(), what);
        assertEquals(j.has("suppress_prefixlen") ? j.path("suppress_prefixlen").asInt() : null,
                r.suppressPrefixLen().isPresent() ? (Integer) r.suppressPrefixLen().getAsInt() : null, what);
        assertEquals(j.has("suppress_ifgroup") ? j.path("suppress_ifgroup").asInt() : null,
                r.suppressIfgroup().isPresent() ? (Integer) r.suppressIfgroup().getAsInt() : null, what);
        assertEquals(j.path("protocol").asText(null), r.protocol().map(RouteProtocol::name).orElse(null), what);
        if (r.action().equals(RuleAction.TO_TBL)) {
            if (!r.l3mdev()) {
                assertEquals(j.path("table").asText(), Route.tableName(r.table()), what);
            }
        } else if (r.action().equals(RuleAction.GOTO)) {
            assertEquals(j.path("goto").asInt(), r.gotoPriority().orElseThrow(), what);
        } else if (r.action().equals(RuleAction.NOP)) {
            assertTrue(j.has("nop"), what);
        } else {
            assertEquals(j.path("action").asText(), r.action().name(), what);
        }
    }
}
