package io.github.netlink4j.examples.demo;

import io.github.netlink4j.examples.gateway.GatewayConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the demo decides without a kernel: its sample file matches its topology; its counters parse. */
class DemoTest {
    @Test
    void theSampleTenantFileMatchesTheDemoTopology() {
        GatewayConfig cfg = GatewayConfig.parse(Demo.sampleConfig());
        assertEquals(Topology.GW_UPLINK, cfg.uplink());
        assertEquals(Topology.GW_TUNNEL, cfg.tunnel());
        assertEquals(Topology.CLIENT_ADDRESS, cfg.uplinkGateway());
        for (Topology.Hypervisor h : Topology.HYPERVISORS) {
            GatewayConfig.Hypervisor c = cfg.hypervisor(h.underlay());
            assertEquals(h.overlay(), c.via(), h.name());
            assertEquals(h.mac(), c.mac(), h.name());
            GatewayConfig.TenantConfig t = cfg.tenant(h.tenant()).orElseThrow();
            assertEquals(h.key(), t.key(), "tenant " + t.name());
            assertEquals(Set.of(h.elasticIp()), t.elasticIps().stream().map(GatewayConfig.ElasticIp::publicAddress)
                    .collect(Collectors.toSet()));
            assertTrue(t.elasticIps().stream().allMatch(e -> e.privateAddress().equals(Topology.VM_ADDRESS)));
        }
        assertTrue(Files.isRegularFile(Demo.sampleConfig()));
    }

    @Test
    void icmpEchoCounterIsReadFromTheSnmpTable() {
        String snmp = "Ip: Forwarding DefaultTTL\nIp: 1 64\n"
                + "Icmp: InMsgs InErrors InCsumErrors InDestUnreachs InTimeExcds InParmProbs InSrcQuenchs InRedirects InEchos\n"
                + "Icmp: 7 0 0 1 0 0 0 0 5\n";
        assertEquals(5, Traffic.snmp(snmp, "Icmp", "InEchos"));
        assertEquals(7, Traffic.snmp(snmp, "Icmp", "InMsgs"));
        assertThrows(IllegalStateException.class, () -> Traffic.snmp(snmp, "Icmp", "OutEchos"));
    }

    @Test
    void optionsRejectANonPositiveTimeout() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Demo.Options(Demo.sampleConfig(), false, "p", Duration.ZERO));
        assertTrue(e.getMessage().contains("timeout must be positive, was PT0S"), e.getMessage());
    }
}
