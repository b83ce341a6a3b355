package io.github.netlink4j.tunnel;

import io.github.netlink4j.core.NetlinkRequest;
import io.github.netlink4j.core.wire.MessageWriter;
import io.github.netlink4j.core.wire.Nlmsg;
import io.github.netlink4j.rtnl.Link;
import io.github.netlink4j.rtnl.LinkKind;
import io.github.netlink4j.rtnl.Rtnetlink;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Encoding a link add of a vxlan device into a reused buffer leaves no garbage behind, interpreted
 * or compiled: no capturing lambda, no boxed value per message (the bytes themselves are checked
 * against iproute2's by {@link KindRefBytesTest}).
 */
class EncodeAllocationTest {
    private static final int MESSAGES = 10_000;

    private static long allocatedBytes(NetlinkRequest req, MessageWriter w) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = mx.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < MESSAGES; i++) {
            w.clear();
            int s = w.beginMessage(req.type(), Nlmsg.NLM_F_REQUEST | Nlmsg.NLM_F_ACK | req.flags());
            req.encode(w);
            w.endMessage(s);
        }
        return mx.getCurrentThreadAllocatedBytes() - before;
    }

    private static void assertNoGarbage(LinkKind kind) {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean mx
                && mx.isThreadAllocatedMemorySupported() && mx.isThreadAllocatedMemoryEnabled(), "no per-thread allocation counter");
        NetlinkRequest req;
        try (Rtnetlink rt = Rtnetlink.open()) { // builds the request only; nothing is sent
            req = rt.links().addRequest(Link.builder("vx0").kind(kind).up().build());
        }
        MessageWriter w = new MessageWriter(64 * 1024);
        allocatedBytes(req, w); // classes loaded, buffer at its size
        assertEquals(0, allocatedBytes(req, w) / MESSAGES, "bytes allocated per message encoding " + req);
    }

    @Test
    void vxlanExternal() {
        assertNoGarbage(Vxlan.builder().external().dstport(4789).build());
    }

    @Test
    void vxlanEveryField() {
        assertNoGarbage(Vxlan.id(42).dstport(4789).local("10.0.0.1").remote("10.0.0.9").ttl(64).nolearning().underlay(3)
                .build());
    }
}
