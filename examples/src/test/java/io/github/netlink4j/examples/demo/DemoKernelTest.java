package io.github.netlink4j.examples.demo;

import io.github.netlink4j.core.NetNs;
import io.github.netlink4j.testkit.Cmd;
import io.github.netlink4j.testkit.KernelFeature;
import io.github.netlink4j.testkit.KernelTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        // the numbers of the checks: per tenant VRF, route, rule, NAT, ping, TCP, offload
        assertEquals(1 + 2 * 7, r.checks().size(), "checks run:\n" + r.checks() + report);

        // it shows both TCP flows [OFFLOAD], DNAT'ed to the same private address
        String ct = conntrack.get();
        for (String eip : List.of("198.51.100.10", "198.51.100.20")) {
            String line = ct.lines().filter(l -> l.contains(" tcp ") && l.contains("dst=" + eip + " ") && l.contains("dport=8080 "))
                    .findFirst().orElseThrow(() -> new AssertionError("no conntrack entry to " + eip + ":8080:\n" + ct + report));
            assertTrue(line.contains("src=192.168.0.2 dst=203.0.113.2 sport=8080"), "the reply tuple shows the DNAT: " + line);
            assertTrue(line.contains("[OFFLOAD]"), "not offloaded according to /proc/net/nf_conntrack: " + line + report);
        }
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
