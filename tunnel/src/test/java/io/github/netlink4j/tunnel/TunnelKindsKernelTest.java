package io.github.netlink4j.tunnel;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.netlink4j.core.wire.ByteString;
import io.github.netlink4j.core.wire.RawAttribute;
import io.github.netlink4j.rtnl.Link;
import io.github.netlink4j.rtnl.RawLinkKind;
import io.github.netlink4j.rtnl.Route;
import io.github.netlink4j.rtnl.Rtnetlink;
import io.github.netlink4j.testkit.Cmd;
import io.github.netlink4j.testkit.KernelFeature;
import io.github.netlink4j.testkit.KernelTest;
import io.github.netlink4j.testkit.Oracle;
import io.github.netlink4j.testkit.TempNetns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tunnel devices created by the library, as ip -d -j link show reports them. */
@KernelTest
class TunnelKindsKernelTest {
    @RegisterExtension
    final TempNetns ns = new TempNetns();

    static JsonNode info(String ns, String dev) {
        return Oracle.ipJson(ns, "-d", "link", "show", dev).get(0).path("linkinfo");
    }

    void underlay() {
        Cmd.ip(ns.name(), "link", "add", "veth0", "type", "veth", "peer", "name", "veth1");
        Cmd.ip(ns.name(), "link", "set", "veth0", "up");
        Cmd.ip(ns.name(), "addr", "add", "10.0.0.1/24", "dev", "veth0");
    }

    @Test
    @KernelTest(needs = KernelFeature.VXLAN)
    void vxlan() {
        underlay();
        try (Rtnetlink rt = Rtnetlink.open(ns.handle())) {
            int veth0 = rt.links().indexOf("veth0");
            Vxlan vx = Vxlan.id(42).dstport(4789).local("10.0.0.1").remote("10.0.0.9").ttl(64).nolearning()
                    .underlay(veth0).build();
            rt.links().add(Link.builder("vx0").kind(vx).build());
            rt.links().add(Link.builder("vx1").kind(Vxlan.builder().external().dstport(4790).build()).build());
            JsonNode d = info(ns.name(), "vx0").path("info_data");
            assertEquals("vxlan", info(ns.name(), "vx0").path("info_kind").asText());
            assertEquals(42, d.path("id").asInt());
            assertEquals("10.0.0.9", d.path("remote").asText());
            assertEquals("10.0.0.1", d.path("local").asText());
            assertEquals(4789, d.path("port").asInt());
            assertEquals(64, d.path("ttl").asInt());
            assertFalse(d.path("learning").asBoolean());
            assertEquals("veth0", d.path("link").asText());
            assertTrue(info(ns.name(), "vx1").path("info_data").path("external").asBoolean());

            Vxlan back = (Vxlan) rt.links().get("vx0").orElseThrow().kind().orElseThrow();
            assertEquals(vx.id(), back.id());
            assertEquals(vx.remote(), back.remote());
            assertEquals(vx.local(), back.local());
            assertEquals(vx.dstport(), back.dstport());
            assertEquals(vx.underlay(), back.underlay());
            assertFalse(back.learning());
            assertTrue(((Vxlan) rt.links().get("vx1").orElseThrow().kind().orElseThrow()).external());
        }
    }

    @Test
    @KernelTest(needs = KernelFeature.GRE)
    void gretapExternalKeyedAndGreWithFlags() {
        underlay();
        try (Rtnetlink rt = Rtnetlink.open(ns.handle())) {
            rt.links().add(Link.builder("tun").kind(Gre.gretap().external().build()).build());
            rt.links().add(Link.builder("tun1").kind(Gre.gretap().key(1000).local("10.0.0.1").build()).build());
            rt.links().add(Link.builder("tun2").kind(Gre.gre().local("10.0.0.1").remote("10.0.0.9").ikey(100).okey(200)
                    .iseq().oseq().icsum().ocsum().ttl(64).build()).build());

            assertTrue(info(ns.name(), "tun").path("info_data").path("external").asBoolean(),
                    info(ns.name(), "tun").toString());
            JsonNode k = info(ns.name(), "tun1").path("info_data");
            assertEquals("0.0.3.232", k.path("ikey").asText()); // ip prints GRE keys dotted
            assertEquals("0.0.3.232", k.path("okey").asText());
            assertEquals("10.0.0.1", k.path("local").asText());
            JsonNode g = info(ns.name(), "tun2").path("info_data");
            assertEquals("gre", info(ns.name(), "tun2").path("info_kind").asText());
            assertEquals("0.0.0.100", g.path("ikey").asText());
            assertEquals("0.0.0.200", g.path("okey").asText());
            assertTrue(g.path("iseq").asBoolean() && g.path("oseq").asBoolean()
                    && g.path("icsum").asBoolean() && g.path("ocsum").asBoolean(), g.toString());
            assertEquals(64, g.path("ttl").asInt());

            assertTrue(((Gre) rt.links().get("tun").orElseThrow().kind().orElseThrow()).external());
            Gre keyed = (Gre) rt.links().get("tun1").orElseThrow().kind().orElseThrow();
            assertEquals(1000, keyed.ikey().getAsInt());
            assertEquals("type gretap local 10.0.0.1 key 1000", keyed.toIpArgs());
        }
    }

    @Test
    @KernelTest(needs = KernelFeature.GENEVE)
    void geneve() {
        try (Rtnetlink rt = Rtnetlink.open(ns.handle())) {
            rt.links().add(Link.builder("gn0").kind(Geneve.of(5, "10.0.0.9").withDstport(6081).withTtl(32)).build());
            // the kernel allows one external geneve per destination port: gn0 has 6081
            rt.links().add(Link.builder("gn1").kind(Geneve.metadataMode().withDstport(6090)).build());
            JsonNode d = info(ns.name(), "gn0").path("info_data");
            assertEquals(5, d.path("id").asInt());
            assertEquals("10.0.0.9", d.path("remote").asText());
            assertEquals(32, d.path("ttl").asInt());
            assertEquals(6081, d.path("port").asInt());
            assertTrue(info(ns.name(), "gn1").path("info_data").path("external").asBoolean());
            Geneve back = (Geneve) rt.links().get("gn0").orElseThrow().kind().orElseThrow();
            assertEquals(5, back.id());
            assertEquals("type geneve id 5 remote 10.0.0.9 dstport 6081 ttl 32", back.toIpArgs());
            assertTrue(((Geneve) rt.links().get("gn1").orElseThrow().kind().orElseThrow()).external());
        }
    }

    @Test
    @KernelTest(needs = KernelFeature.IPIP)
    void ipip() {
        try (Rtnetlink rt = Rtnetlink.open(ns.handle())) {
            rt.links().add(Link.builder("ip0").kind(Ipip.of("1.1.1.1", "1.1.1.9").withTtl(64)).build());
            rt.links().add(Link.builder("ip1").kind(Ipip.metadataMode()).build());
            JsonNode d = info(ns.name(), "ip0").path("info_data");
            assertEquals("1.1.1.1", d.path("local").asText());
            assertEquals("1.1.1.9", d.path("remote").asText());
            assertEquals(64, d.path("ttl").asInt());
            assertTrue(info(ns.name(), "ip1").path("info_data").path("external").asBoolean());
            Ipip back = (Ipip) rt.links().get("ip0").orElseThrow().kind().orElseThrow();
            assertEquals("type ipip local 1.1.1.1 remote 1.1.1.9 ttl 64", back.toIpArgs());
            assertTrue(((Ipip) rt.links().get("ip1").orElseThrow().kind().orElseThrow()).external());
        }
    }

    @Test
    @KernelTest(needs = KernelFeature.IP6GRE)
    void ip6gre() {
        underlay();
        Cmd.ip(ns.name(), "addr", "add", "2001:db8::1/64", "dev", "veth0", "nodad");
        try (Rtnetlink rt = Rtnetlink.open(ns.handle())) {
            rt.links().add(Link.builder("t6").kind(Ip6Gre.of("ip6gre", "2001:db8::1", "2001:db8::9",
                    java.util.OptionalInt.of(7))).build());
            rt.links().add(Link.builder("t6x").kind(Ip6Gre.externalTap()).build());
            JsonNode d = info(ns.name(), "t6").path("info_data");
            assertEquals("ip6gre", info(ns.name(), "t6").path("info_kind").asText());
            assertEquals("2001:db8::9", d.path("remote").asText());
            assertEquals("2001:db8::1", d.path("local").asText());
            assertTrue(info(ns.name(), "t6x").path("info_data").path("external").asBoolean());
            Ip6Gre back = (Ip6Gre) rt.links().get("t6").orElseThrow().kind().orElseThrow();
            assertEquals(7, back.key().getAsInt());
            assertEquals("type ip6gre local 2001:db8::1 remote 2001:db8::9 key 7", back.toIpArgs());
        }
    }

    /** The gateway's seed commands, done with the library only, verified with ip -d -j. */
    @Test
    @KernelTest(needs = {KernelFeature.GRE, KernelFeature.VRF})
    void seedCommands() {
        underlay();
        try (Rtnetlink rt = Rtnetlink.open(ns.handle())) {
            // ip l add dev tun type gretap external
            rt.links().add(Link.builder("tun").kind(Gre.gretap().external().build()).up().build());
            Cmd.ip(ns.name(), "addr", "add", "1.1.1.1/24", "dev", "tun");
            // ip r r 2.2.2.11 via 1.1.1.11 dev tun encap ip id 1000 dst 172.168.0.1 key
            rt.routes().replace(Route.to("2.2.2.11").via("1.1.1.11").dev("tun")
                    .encap(IpEncap.id(1000).dst("172.168.0.1").key().build()).build());
            JsonNode r = Oracle.ipJson(ns.name(), "-d", "route", "show", "2.2.2.11").get(0);
            assertEquals("ip", r.path("encap").asText());
            assertEquals(1000, r.path("id").asInt());
            assertEquals("172.168.0.1", r.path("dst#2").asText());
            assertTrue(r.path("key").asBoolean());
            assertEquals("tun", r.path("dev").asText());

            // a keyed gretap in a VRF, and an lwtunnel route through it in the VRF's table
            ByteBuffer table = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(0, 10);
            rt.links().add(Link.builder("vrf-a").kind(new RawLinkKind("vrf", Optional.of(List.of(
                    new RawAttribute(1, ByteString.of(table.array())))))).up().build()); // IFLA_VRF_TABLE 10
            rt.links().add(Link.builder("tunk").kind(Gre.gretap().key(1000).local("10.0.0.1").build())
                    .master(rt.links().indexOf("vrf-a")).up().build());
            rt.routes().replace(Route.to("2.2.2.12").dev("tunk").table(10)
                    .encap(IpEncap.id(1000).dst("172.168.0.1").key().build()).build());
            JsonNode tunk = Oracle.ipJson(ns.name(), "-d", "link", "show", "tunk").get(0);
            assertEquals("vrf-a", tunk.path("master").asText());
            JsonNode inVrf = Oracle.ipJson(ns.name(), "-d", "route", "show", "vrf", "vrf-a").get(0);
            assertEquals("2.2.2.12", inVrf.path("dst").asText());
            assertEquals("tunk", inVrf.path("dev").asText());
            assertEquals(1000, inVrf.path("id").asInt());
        }
    }
}
