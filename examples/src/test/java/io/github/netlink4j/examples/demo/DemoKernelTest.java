package io.github.netlink4j.examples.demo;

import io.github.netlink4j.core.NetNs;
import io.github.netlink4j.testkit.Cmd;
import io.github.netlink4j.testkit.KernelFeature;
import io.github.netlink4j.testkit.KernelTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The demo's own checks, as a test: the topology of namespaces, the gateway on the sample tenant
 * file, ping and TCP from the client to each tenant's elastic IP arriving at that tenant's VM, and
 * the TCP flows offloaded to the flowtable. Runs in the test VM (VRF, gretap and flowtables).
 */
@KernelTest(needs = {KernelFeature.VRF, KernelFeature.GRE, KernelFeature.NFT_NAT, KernelFeature.FLOWTABLE})
class DemoKernelTest {
    private String prefix;

    @Test
    @Timeout(value = 900, unit = TimeUnit.SECONDS)
    void everyCheckOfTheDemoPasses() {
        prefix = Topology.uniquePrefix();
        // generous per-operation timeout: the test VM is a single TCG vCPU shared with other jobs
        Demo.Options o = new Demo.Options(Demo.sampleConfig(), false, prefix, Duration.ofSeconds(60));
        // an oracle beside the library's own ctnetlink reader, taken while the TCP flows are open: the
        // kernel's /proc view of the gateway's conntrack table
        AtomicReference<String> conntrack = new AtomicReference<>("(not taken)");
        Demo.Result r = Demo.run(o, null, gw -> conntrack.set(Cmd.inNetns(gw, "cat", "/proc/net/nf_conntrack")));
        String report = "\n--- demo report ---\n" + r.report();
        if (!r.passed()) {
            fail(r.failures().stream().map(Demo.Check::toString).collect(Collectors.joining("\n  ", "failed checks:\n  ", ""))
                    + report);
        }
        // the numbers of the checks: gateway applied, underlay, then per tenant VRF, route, rule, NAT, ping, TCP, offload
        assertEquals(2 + 2 * 7, r.checks().size(), "checks run:\n" + r.checks() + report);

        // it shows both TCP flows [OFFLOAD], DNAT'ed to the same private address
        String ct = conntrack.get();
        for (String eip : List.of("198.51.100.10", "198.51.100.20")) {
            String line = ct.lines().filter(l -> l.contains(" tcp ") && l.contains("dst=" + eip + " ") && l.contains("dport=8080 "))
                    .findFirst().orElseThrow(() -> new AssertionError("no conntrack entry to " + eip + ":8080:\n" + ct + report));
            assertTrue(line.contains("src=192.168.0.2 dst=203.0.113.2 sport=8080"), "the reply tuple shows the DNAT: " + line);
            assertTrue(line.contains("[OFFLOAD]"), "not offloaded according to /proc/net/nf_conntrack: " + line + report);
        }
    }

    /**
     * The checks can fail: tenant b's key (2001 here) is not the key of hv2's gretap (2000), so hv2
     * drops what the gateway tunnels to it. Tenant a still passes; b's ping and TCP fail, and so does
     * the demo.
     */
    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS)
    void aTenantKeyTheHypervisorDoesNotKnowFailsThatTenantsFlows(@TempDir Path dir) throws Exception {
        prefix = Topology.uniquePrefix();
        String sample = Files.readString(Demo.sampleConfig());
        assertTrue(sample.contains("\"key\": 2000"), sample);
        Path file = dir.resolve("wrong-key.json");
        Files.writeString(file, sample.replace("\"key\": 2000", "\"key\": 2001"));
        Demo.Result r = Demo.run(new Demo.Options(file, false, prefix, Duration.ofSeconds(12)), null);
        String report = "\n--- demo report ---\n" + r.report();
        assertFalse(r.passed(), report);
        List<String> failed = r.failures().stream().map(Demo.Check::what).toList();
        assertEquals(List.of(
                "tenant b: ping 198.51.100.20 arrives at vm-b and is answered",
                "tenant b: TCP 198.51.100.20:8080 arrives at vm-b",
                "tenant b: TCP 198.51.100.20:8080 is offloaded to the flowtable"), failed, report);
        assertTrue(r.report().contains("arrived at vm-b: NO"), report);
    }

    @AfterEach
    void theDemoLeavesNoNamespaceBehind() {
        if (prefix == null) {
            return;
        }
        List<String> left = NetNs.list().stream().filter(n -> n.startsWith(prefix + "-")).toList();
        left.forEach(NetNs::delete);
        assertEquals(List.of(), left, "namespaces the demo left behind");
    }
}
