package io.github.netlink4j.rtnl;

import io.github.netlink4j.rtnl.internal.IfaSchema;
import io.github.netlink4j.rtnl.internal.IflaSchema;
import io.github.netlink4j.rtnl.internal.KindSchemas;
import io.github.netlink4j.rtnl.internal.NdaSchema;
import io.github.netlink4j.rtnl.internal.Rtm;
import io.github.netlink4j.testkit.UapiConstants;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every kernel number of the link, address, neighbour and event code agrees with the uapi headers
 * (compiled with gcc against linux-libc-dev).
 */
class LinksUapiConstantsTest {
    /** The open enums whose Java names are ip's words, checked under their C names. */
    static final class OpenEnums {
        static final int IF_OPER_UNKNOWN = OperState.UNKNOWN.number();
        static final int IF_OPER_NOTPRESENT = OperState.NOTPRESENT.number();
        static final int IF_OPER_DOWN = OperState.DOWN.number();
        static final int IF_OPER_LOWERLAYERDOWN = OperState.LOWERLAYERDOWN.number();
        static final int IF_OPER_TESTING = OperState.TESTING.number();
        static final int IF_OPER_DORMANT = OperState.DORMANT.number();
        static final int IF_OPER_UP = OperState.UP.number();
        static final int RT_SCOPE_UNIVERSE = AddressScope.GLOBAL.number();
        static final int RT_SCOPE_SITE = AddressScope.SITE.number();
        static final int RT_SCOPE_LINK = AddressScope.LINK.number();
        static final int RT_SCOPE_HOST = AddressScope.HOST.number();
        static final int RT_SCOPE_NOWHERE = AddressScope.NOWHERE.number();
        static final int MACVLAN_MODE_PRIVATE = MacvlanMode.PRIVATE.number();
        static final int MACVLAN_MODE_VEPA = MacvlanMode.VEPA.number();
        static final int MACVLAN_MODE_BRIDGE = MacvlanMode.BRIDGE.number();
        static final int MACVLAN_MODE_PASSTHRU = MacvlanMode.PASSTHRU.number();
        static final int MACVLAN_MODE_SOURCE = MacvlanMode.SOURCE.number();
        static final int AF_UNSPEC = AddressFamily.UNSPEC.number();
        static final int AF_INET = AddressFamily.INET.number();
        static final int AF_INET6 = AddressFamily.INET6.number();
        static final int AF_BRIDGE = AddressFamily.BRIDGE.number();
        static final int MACVLAN_FLAG_NOPROMISC = Macvlan.FLAG_NOPROMISC;
        static final int MACVLAN_FLAG_NODST = Macvlan.FLAG_NODST;
    }

    @Test
    void constantsMatchTheHeaders() throws Exception {
        int n = UapiConstants.check(
                List.of("linux/if.h", "linux/if_arp.h", "linux/rtnetlink.h", "linux/if_link.h", "linux/if_addr.h",
                        "linux/neighbour.h", "linux/veth.h"),
                List.of(Rtm.class, IflaSchema.class, IfaSchema.class, NdaSchema.class, KindSchemas.class,
                        LinkFlags.class, AddressFlags.class, NeighbourState.class, NeighbourFlags.class,
                        RtnlGroup.class, Link.class, OpenEnums.class),
                Set.of("IFINFOMSG_LEN", "IFADDRMSG_LEN", "NDMSG_LEN", "CACHEINFO_LEN", "MAX_NAME_BYTES",
                        "MAX_ALTNAME_BYTES"));
        assertTrue(n > 150, "only " + n + " constants checked");
    }
}
