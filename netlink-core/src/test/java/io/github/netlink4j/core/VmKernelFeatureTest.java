package io.github.netlink4j.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.netlink4j.core.wire.Attr;
import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.Codecs;
import io.github.netlink4j.core.wire.Nlmsg;
import io.github.netlink4j.testkit.KernelFeature;
import io.github.netlink4j.testkit.KernelTest;
import io.github.netlink4j.testkit.Oracle;
import io.github.netlink4j.testkit.TempNetns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A request only the test VM's kernel accepts (this host lacks VRF): the raw core engine creates a
 * VRF, and ip reads it back. On the host this reports "needs VM"; the VM runs it.
 */
@KernelTest(needs = KernelFeature.VRF)
class VmKernelFeatureTest {
    @RegisterExtension
    final TempNetns ns = new TempNetns();

    // include/uapi/linux/if_link.h
    static final Attr<String> IFLA_IFNAME = Attr.of(3, "IFLA_IFNAME", Codecs.STRING);
    static final Attr<String> IFLA_INFO_KIND = Attr.of(1, "IFLA_INFO_KIND", Codecs.STRING);
    static final Attr<Integer> IFLA_VRF_TABLE = Attr.of(1, "IFLA_VRF_TABLE", Codecs.U32);
    static final AttrSchema IFLA_VRF = AttrSchema.of("vrf", "IFLA_VRF_", IFLA_VRF_TABLE);
    static final Attr<Void> IFLA_INFO_DATA = Attr.nested(2, "IFLA_INFO_DATA", () -> IFLA_VRF);
    static final AttrSchema IFLA_INFO = AttrSchema.of("linkinfo", "IFLA_INFO_", IFLA_INFO_KIND, IFLA_INFO_DATA);
    static final Attr<Void> IFLA_LINKINFO = Attr.nested(18, "IFLA_LINKINFO", () -> IFLA_INFO);
    static final AttrSchema IFLA = AttrSchema.of("ifinfomsg", "IFLA_", IFLA_IFNAME, IFLA_LINKINFO);

    @Test
    void createsAVrfTheKernelReportsBack() {
        try (NetlinkChannel ch = NetlinkChannel.open(NetlinkProtocol.ROUTE, ns.handle())) {
            ch.execute(new NetlinkChannelKernelTest.Req(NetlinkChannelKernelTest.RTM_NEWLINK,
                    Nlmsg.NLM_F_CREATE | Nlmsg.NLM_F_EXCL, 16, IFLA, w -> {
                NetlinkChannelKernelTest.ifinfomsg(w, 0);
                w.put(IFLA_IFNAME, "vrf-a");
                // IFLA_LINKINFO
                //   IFLA_INFO_KIND "vrf"
                //   IFLA_INFO_DATA
                //     IFLA_VRF_TABLE 10
                int li = w.beginNested(IFLA_LINKINFO);
                w.put(IFLA_INFO_KIND, "vrf");
                int data = w.beginNested(IFLA_INFO_DATA);
                w.put(IFLA_VRF_TABLE, 10);
                w.endNested(data);
                w.endNested(li);
            }, "ip link add vrf-a type vrf table 10"));
        }
        JsonNode link = Oracle.ipJson(ns.name(), "-d", "link", "show", "vrf-a").get(0);
        assertEquals("vrf", link.path("linkinfo").path("info_kind").asText());
        assertEquals(10, link.path("linkinfo").path("info_data").path("table").asInt());
    }
}
