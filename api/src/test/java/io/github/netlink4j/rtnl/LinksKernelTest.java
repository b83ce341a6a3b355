package io.github.netlink4j.rtnl;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.netlink4j.core.Errno;
import io.github.netlink4j.core.KernelException;
import io.github.netlink4j.testkit.Cmd;
import io.github.netlink4j.testkit.KernelFeature;
import io.github.netlink4j.testkit.KernelTest;
import io.github.netlink4j.testkit.Oracle;
import io.github.netlink4j.testkit.TempNetns;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Links made and changed by the library, read back by {@code ip -d -j link show}, in throwaway namespaces. */
@KernelTest
class LinksKernelTest {
    @RegisterExtension
    final TempNetns ns = new TempNetns();
    @RegisterExtension
    final TempNetns other = new TempNetns();
    /**
     * The devices a new namespace starts with: lo, plus the fallback devices of the tunnel modules
     * loaded (gre0, tunl0, ip6tnl0... in the test VM).
     */
    List<String> baseline;
    List<String> otherBaseline;

    @BeforeEach
    void baseline() {
        baseline = Oracle.linkNames(ns.name());
        otherBaseline = Oracle.linkNames(other.name());
    }

    /** The devices of {@code netns} beyond those it started with, sorted. */
    static List<String> added(String netns, List<String> baseline) {
        return Oracle.linkNames(netns).stream().filter(n -> !baseline.contains(n)).sorted().toList();
    }

    List<String> added() {
        return added(ns.name(), baseline);
    }

    List<String> addedInOther() {
        return added(other.name(), otherBaseline);
    }

    static Map<Integer, String> names(Rtnetlink rt) {
        Map<Integer, String> m = new HashMap<>();
        rt.links().list().forEach(l -> m.put(l.index(), l.name()));
        return m;
    }

    @Test
    void vethPairIsCreatedAsIpSeesItAndDeleted() {
        try (Rtnetlink rt = Rtnetlink.open(ns.handle())) {
            Link peer = Link.builder("veth1").mtu(1300).address("02:00:00:00:00:02").build();
            rt.links().add(Link.builder("veth0").mtu(1400).address("02:00:00:00:00:01").txqlen(500).up()
                    .kind(Veth.peer(peer)).build());
            JsonNode v0 = LinkOracle.link(ns.name(), "veth0");
            JsonNode v1 = LinkOracle.link(ns.name(), "veth1");
            assertEquals(1400, v0.path("mtu").asInt());
            assertEquals("02:00:00:00:00:01", v0.path("address").asText());
            assertEquals(500, v0.path("txqlen").asInt());
            assertTrue(LinkOracle.ipFlags(v0).contains("UP"));
            assertEquals("veth1", v0.path("link").asText());
            assertEquals(1300, v1.path("mtu").asInt());
            assertEquals("02:00:00:00:00:02", v1.path("address").asText());
            assertEquals("veth", v1.path("linkinfo").path("info_kind").asText());

            Link l0 = rt.links().get("veth0").orElseThrow();
            LinkOracle.assertSame(v0, l0, names(rt));
            assertEquals(l0, rt.links().get(l0.index()).orElseThrow().toBuilder().build());
            assertEquals(v1.path("ifindex").asInt(), rt.links().indexOf("veth1"));
            assertEquals(v1.path("ifindex").asInt(), l0.link().orElseThrow());
            LinkOracle.assertDumpMatches(ns.name(), rt.links().list());

            rt.links().delete("veth0");
            assertEquals(List.of(), added());
            assertTrue(rt.links().get("veth0").isEmpty());
            assertTrue(rt.links().get("veth1").isEmpty());
            KernelException e = assertThrows(KernelException.class, () -> rt.links().indexOf("veth0"));
            assertEquals(Errno.ENODEV, e.errno());
            assertTrue(e.getMessage().contains("ip link show dev veth0"), e.getMessage());
        }
    }

    @Test
    void vethWithoutPeerNameAndWithPeerInAnotherNamespace() {
        try (Rtnetlink rt = Rtnetlink.open(ns.handle())) {
            rt.links().add(Link.builder("va").kind(Veth.of()).build());
            Link va = rt.links().get("va").orElseThrow();
            String peerName = names(rt).get(va.link().orElseThrow());
            assertTrue(peerName.startsWith("veth"), peerName);

            rt.links().add(Link.builder("vb").kind(Veth.peer(Link.builder("vb-peer")
                    .netns(NetnsTarget.of(other.handle())).build())).build());
            assertEquals(List.of("vb-peer"), addedInOther());
            JsonNode vb = LinkOracle.link(ns.name(), "vb");
            Link l = rt.links().get("vb").orElseThrow();
            assertTrue(l.linkNetnsId().isPresent(), l.toString());
            LinkOracle.assertSame(vb, l, names(rt));
            LinkOracle.assertDumpMatches(ns.name(), rt.links().list());
        }
    }

    @Test
    void alternativeNamesResolve() {
        try (Rtnetlink rt = Rtnetlink.open(ns.handle())) {
            rt.links().add(Link.builder("veth0").kind(Veth.peer("veth1")).build());
            String alt = "uplink-to-tenant-seven-in-region-west";
            Cmd.ip(ns.name(), "link", "property", "add", "dev", "veth0", "altname", alt);
            int index = rt.links().indexOf("veth0");
            assertEquals(index, rt.links().indexOf(alt));
            assertEquals("veth0", rt.links().get(alt).orElseThrow().name());
            rt.links().set(LinkChange.of(alt).mtu(1300).build());
            assertEquals(1300, LinkOracle.link(ns.name(), "veth0").path("mtu").asInt());
            assertTrue(rt.links().get("no-such-alternative-name-here").isEmpty());
        }
    }

    @Test
    void duplicateAddIsRefusedNamingTheRequest() {
        try (Rtnetlink rt = Rtnetlink.open(ns.handle())) {
            Link veth = Link.builder("veth0").kind(Veth.peer("veth1")).build();
            rt.links().add(veth);
            KernelException e = assertThrows(KernelException.class, () -> rt.links().add(veth));
            assertEquals(Errno.EEXIST, e.errno());
            assertTrue(e.getMessage().contains("ip link add veth0 type veth peer name veth1"), e.getMessage());
        }
    }

    @Test
    void bridgeWithOptionsAndPorts() {
        try (Rtnetlink rt = Rtnetlink.open(ns.handle())) {
            // the host kernel refuses stp_state 1 in a namespace and any IFLA_BR_VLAN_FILTERING (no VLAN filtering)
            rt.links().add(Link.builder("br0").kind(Bridge.builder().stp(false).forwardDelay(500).helloTime(300)
                    .maxAge(2500).ageingTime(1000).priority(4096).build()).build());
            rt.links().add(Link.builder("br1").kind(Bridge.of()).build());
            rt.links().add(Link.builder("veth0").kind(Veth.peer("veth1")).build());
            JsonNode br = LinkOracle.link(ns.name(), "br0").path("linkinfo").path("info_data");
            assertEquals(0, br.path("stp_state").asInt());
            assertEquals(500, br.path("forward_delay").asInt());
            assertEquals(300, br.path("hello_time").asInt());
            assertEquals(2500, br.path("max_age").asInt());
            assertEquals(1000, br.path("ageing_time").asInt());
            assertEquals(4096, br.path("priority").asInt());

            rt.links().set(LinkChange.of("veth0").master("br0").up().build());
            rt.links().set(LinkChange.of("veth1").master(rt.links().indexOf("br1")).build());
            JsonNode v0 = LinkOracle.link(ns.name(), "veth0");
            assertEquals("br0", v0.path("master").asText());
            assertEquals("bridge", v0.path("linkinfo").path("info_slave_kind").asText());
            Link l0 = rt.links().get("veth0").orElseThrow();
            assertEquals("bridge", l0.slave().orElseThrow().kind());
            LinkOracle.assertDumpMatches(ns.name(), rt.links().list());

            // kernel-side filters, as `ip link show master br0` / `type bridge`
            assertEquals(List.of("veth0"), rt.links().list(LinkFilter.master("br0")).stream().map(Link::name).toList());
            assertEquals(names(Oracle.ipJson(ns.name(), "link", "show", "master", "br1")),
                    rt.links().list(LinkFilter.master("br1")).stream().map(Link::name).toList());
            assertEquals(List.of("br0", "br1"), rt.links().list(LinkFilter.kind("bridge")).stream().map(Link::name).toList());
            assertEquals(names(Oracle.ipJson(ns.name(), "link", "show", "type", "veth")),
                    rt.links().list(LinkFilter.kind("veth")).stream().map(Link::name).toList());
            assertEquals(List.of("veth0"), rt.links().list(LinkFilter.kind("veth").andMaster("br0")).stream()
                    .map(Link::name).toList());

            rt.links().set(LinkChange.of("veth0").noMaster().build());
            assertFalse(LinkOracle.link(ns.name(), "veth0").has("master"));
            assertTrue(rt.links().list(LinkFilter.master("br0")).isEmpty());

            // change a kind option on the existing bridge: ip link set dev br0 type bridge priority 100
            rt.links().set(LinkChange.of("br0").kind(Bridge.builder().priority(100).build()).build());
            assertEquals(100, LinkOracle.link(ns.name(), "br0").path("linkinfo").path("info_data").path("priority").asInt());
        }
    }

    static List<String> names(JsonNode list) {
        return java.util.stream.StreamSupport.stream(list.spliterator(), false).map(j -> j.path("ifname").asText()).toList();
    }

    @Test
    void macvlanInEveryMode() {
        try (Rtnetlink rt = Rtnetlink.open(ns.handle())) {
            rt.links().add(Link.builder("veth0").kind(Veth.peer("veth1")).build());
            rt.links().add(Link.builder("veth2").kind(Veth.peer("veth3")).build());
            int lower = rt.links().indexOf("veth0");
            rt.links().add(Link.builder("mv0").link(lower).kind(Macvlan.of(MacvlanMode.PRIVATE)).build());
            rt.links().add(Link.builder("mv1").link(lower).kind(Macvlan.of(MacvlanMode.VEPA)).build());
            rt.links().add(Link.builder("mv2").link(lower).kind(Macvlan.of(MacvlanMode.BRIDGE)
                    .withFlags(Macvlan.FLAG_NOPROMISC)).build());
            rt.links().add(Link.builder("mv3").link(lower).kind(Macvlan.of(MacvlanMode.SOURCE)).build());
            rt.links().add(Link.builder("mv4").link(lower).kind(Macvlan.defaults()).build());
            // passthru takes the whole lower device
            rt.links().add(Link.builder("mv5").link(rt.links().indexOf("veth2")).kind(Macvlan.of(MacvlanMode.PASSTHRU)).build());
            Map<String, String> expected = Map.of("mv0", "private", "mv1", "vepa", "mv2", "bridge", "mv3", "source",
                    "mv4", "vepa", "mv5", "passthru");
            for (Map.Entry<String, String> e : expected.entrySet()) {
                JsonNode j = LinkOracle.link(ns.name(), e.getKey());
                assertEquals("macvlan", j.path("linkinfo").path("info_kind").asText());
                assertEquals(e.getValue(), j.path("linkinfo").path("info_data").path("mode").asText(), e.getKey());
                Macvlan m = (Macvlan) rt.links().get(e.getKey()).orElseThrow().kind().orElseThrow();
                assertEquals(e.getValue(), m.mode().orElseThrow().name());
                assertFalse(m.other().isEmpty(), "the kernel's other IFLA_MACVLAN_* are kept");
            }
            LinkOracle.assertDumpMatches(ns.name(), rt.links().list());
            assertEquals(6, rt.links().list(LinkFilter.kind("macvlan")).size());
        }
    }

    @Test
    void setChangesWhatIpSetChanges() {
        try (Rtnetlink rt = Rtnetlink.open(ns.handle())) {
            rt.links().add(Link.builder("veth0").kind(Veth.peer("veth1")).build());
            Links links = rt.links();
            links.set(LinkChange.of("veth0").up().mtu(1400).build());
            JsonNode j = LinkOracle.link(ns.name(), "veth0");
            assertTrue(LinkOracle.ipFlags(j).contains("UP"));
            assertEquals(1400, j.path("mtu").asInt());

            links.set(LinkChange.of("veth0").address("02:00:00:00:00:aa").txqlen(77).alias("uplink to tenant 7").build());
            j = LinkOracle.link(ns.name(), "veth0");
            assertEquals("02:00:00:00:00:aa", j.path("address").asText());
            assertEquals(77, j.path("txqlen").asInt());
            assertEquals("uplink to tenant 7", j.path("ifalias").asText());

            links.set(LinkChange.of("veth0").down().flag(LinkFlags.IFF_NOARP, true)
                    .flag(LinkFlags.IFF_PROMISC, true).build());
            j = LinkOracle.link(ns.name(), "veth0");
            assertFalse(LinkOracle.ipFlags(j).contains("UP"));
            assertTrue(LinkOracle.ipFlags(j).contains("NOARP"), j.toString());
            assertTrue(LinkOracle.ipFlags(j).contains("PROMISC"), j.toString());

            int index = links.indexOf("veth0");
            links.set(LinkChange.of(index).rename("wan0").alias("").build());
            j = LinkOracle.link(ns.name(), "wan0");
            assertEquals(index, j.path("ifindex").asInt());
            assertFalse(j.has("ifalias"), j.toString());
            LinkOracle.assertDumpMatches(ns.name(), links.list());

            KernelException e = assertThrows(KernelException.class,
                    () -> links.set(LinkChange.of("wan0").mtu(70000).build()));
            assertEquals(Errno.EINVAL, e.errno());
            assertTrue(e.getMessage().contains("ip link set dev wan0 mtu 70000"), e.getMessage());
        }
    }

    @Test
    void netnsMoveByHandleAndByPid() throws Exception {
        try (Rtnetlink rt = Rtnetlink.open(ns.handle()); Rtnetlink rt2 = Rtnetlink.open(other.handle())) {
            rt.links().add(Link.builder("veth0").kind(Veth.peer("veth1")).build());
            rt.links().set(LinkChange.of("veth1").netns(NetnsTarget.of(other.handle())).build());
            assertEquals(List.of("veth0"), added());
            assertEquals(List.of("veth1"), addedInOther());
            LinkOracle.assertDumpMatches(ns.name(), rt.links().list());
            LinkOracle.assertDumpMatches(other.name(), rt2.links().list());

            // by pid: a process living in `other` (sleep started with ip netns exec)
            Process sleeper = new ProcessBuilder("ip", "netns", "exec", other.name(), "sleep", "30").start();
            try {
                int pid = childPid(sleeper);
                rt.links().set(LinkChange.of("veth0").netns(NetnsTarget.pid(pid)).build());
                assertEquals(List.of(), added());
                assertEquals(List.of("veth0", "veth1"), addedInOther());
            } finally {
                sleeper.destroy();
            }
        }
    }

    /** The pid of the sleep that {@code ip netns exec} execs into (same process). */
    static int childPid(Process p) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            String ns = Cmd.run(List.of("readlink", "/proc/" + p.pid() + "/exe"), 5).stdout().trim();
            if (ns.endsWith("sleep")) {
                return (int) p.pid();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("sleep did not start");
    }

    @Test
    void badNamesAreRefusedBeforeAnythingIsSent() {
        for (String bad : List.of("", "a/b", "a:b", "a b", "tab\tname", ".", "..", "sixteen-chars-xx", "nul\0")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Link.builder(bad),
                    "name \"" + bad + "\"");
            assertTrue(e.getMessage().contains("device name"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> LinkChange.of("veth0").rename(bad));
        }
        assertEquals("fifteen-chars-x", Link.builder("fifteen-chars-x").build().name());
        assertThrows(IllegalArgumentException.class, () -> LinkChange.of("veth0").alias("x".repeat(256)));
        assertThrows(IllegalArgumentException.class, () -> Link.builder("x").mtu(0));
        assertEquals(List.of(), added());
    }

    @Test
    @KernelTest(needs = KernelFeature.DUMMY)
    void dummy() {
        try (Rtnetlink rt = Rtnetlink.open(ns.handle())) {
            rt.links().add(Link.builder("dummy0").mtu(9000).kind(Dummy.of()).up().build());
            JsonNode j = LinkOracle.link(ns.name(), "dummy0");
            assertEquals("dummy", j.path("linkinfo").path("info_kind").asText());
            assertEquals(9000, j.path("mtu").asInt());
            Link l = rt.links().get("dummy0").orElseThrow();
            assertTrue(l.kind().orElseThrow() instanceof Dummy, l.toString());
            LinkOracle.assertDumpMatches(ns.name(), rt.links().list());
            rt.links().delete("dummy0");
            assertEquals(List.of(), added());
        }
    }

    @Test
    void countersReadAsIpDashSShowsThem() {
        // no IPv6 on the new devices: no neighbour discovery or MLD to move the counters between reads
        Cmd.inNetns(ns.name(), "sysctl", "-qw", "net.ipv6.conf.default.disable_ipv6=1");
        Cmd.inNetns(other.name(), "sysctl", "-qw", "net.ipv6.conf.default.disable_ipv6=1");
        try (Rtnetlink rt = Rtnetlink.open(ns.handle())) {
            rt.links().add(Link.builder("veth0").up()
                    .kind(Veth.peer(Link.builder("veth1").netns(NetnsTarget.of(other.handle())).build())).build());
            Cmd.ip(other.name(), "addr", "add", "10.0.0.2/24", "dev", "veth1");
            Cmd.ip(other.name(), "link", "set", "veth1", "up");
            rt.addresses().add("veth0", "10.0.0.1/24");
            Cmd.inNetns(ns.name(), "ping", "-c", "3", "-i", "0.2", "-W", "2", "10.0.0.2");

            LinkStats s = rt.links().stats("veth0");
            JsonNode ip = Oracle.ipJson(ns.name(), "-s", "link", "show", "dev", "veth0").get(0).path("stats64");
            assertEquals(ip.path("rx").path("packets").asLong(), s.rxPackets(), s.toString());
            assertEquals(ip.path("rx").path("bytes").asLong(), s.rxBytes(), s.toString());
            assertEquals(ip.path("tx").path("packets").asLong(), s.txPackets(), s.toString());
            assertEquals(ip.path("tx").path("bytes").asLong(), s.txBytes(), s.toString());
            assertEquals(ip.path("rx").path("dropped").asLong(), s.rxDropped(), s.toString());
            assertEquals(ip.path("tx").path("errors").asLong(), s.txErrors(), s.toString());
            assertTrue(s.txPackets() >= 4 && s.rxPackets() >= 4, "3 echo requests and an ARP request out, "
                    + "3 replies and an ARP reply in: " + s);
            KernelException e = assertThrows(KernelException.class, () -> rt.links().stats("nosuch0"));
            assertEquals(Errno.ENODEV, e.errno());
        }
    }
}
