package io.github.netlink4j.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OracleTest {
    @Test
    void duplicateKeysAreKept() {
        // as `ip -j route show` prints a route with an lwtunnel encap
        JsonNode n = Oracle.parse("[{\"dst\":\"2.2.2.11\",\"encap\":\"ip\",\"id\":1000,\"dst\":\"172.168.0.1\","
                + "\"dst\":\"x\",\"flags\":[\"key\"]}]");
        assertEquals("2.2.2.11", n.get(0).get("dst").asText());
        assertEquals("172.168.0.1", n.get(0).get("dst#2").asText());
        assertEquals("x", n.get(0).get("dst#3").asText());
        assertEquals(1000, n.get(0).get("id").asInt());
        assertEquals("key", n.get(0).get("flags").get(0).asText());
    }
}
