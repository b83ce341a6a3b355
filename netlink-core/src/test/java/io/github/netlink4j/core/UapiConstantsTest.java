package io.github.netlink4j.core;

import io.github.netlink4j.core.wire.Nlmsg;
import io.github.netlink4j.testkit.UapiConstants;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kernel number netlink-core defines equals the one in the uapi headers. */
class UapiConstantsTest {
    @Test
    void coreConstantsMatchTheKernelHeaders() throws Exception {
        int n = UapiConstants.check(List.of("linux/netlink.h", "sched.h", "sys/mount.h", "fcntl.h"),
                List.of(Nlmsg.class, NetlinkProtocol.class, Errno.class, NetlinkChannel.class,
                        io.github.netlink4j.core.internal.Native.class),
                Set.of("NLA_TYPE_MAX", "ACK_TRUESIZE", "PIPELINE_RCVBUF", "ENCODE_AHEAD_MIN_REQUESTS"));
        assertTrue(n > 60, "checked only " + n + " constants");
    }
}
