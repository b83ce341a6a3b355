package io.github.netlink4j.core;

import io.github.netlink4j.core.wire.Attr;
import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.Codecs;
import io.github.netlink4j.core.wire.MessageWriter;
import io.github.netlink4j.core.wire.Nlmsg;
import io.github.netlink4j.testkit.RefBytes;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway's seed route, built with nothing but the core attribute API, is what iproute2 sends:
 * {@code ip route replace 2.2.2.11 via 1.1.1.11 dev tun encap ip id 1000 dst 172.168.0.1 key}.
 */
class SeedRouteRefBytesTest {
    // include/uapi/linux/rtnetlink.h
    static final Attr<InetAddress> RTA_DST = Attr.of(1, "RTA_DST", Codecs.INET4);
    static final Attr<Integer> RTA_OIF = Attr.of(4, "RTA_OIF", Codecs.U32);
    static final Attr<InetAddress> RTA_GATEWAY = Attr.of(5, "RTA_GATEWAY", Codecs.INET4);
    static final Attr<Integer> RTA_ENCAP_TYPE = Attr.of(21, "RTA_ENCAP_TYPE", Codecs.U16);
    // include/uapi/linux/lwtunnel.h
    static final Attr<Long> LWTUNNEL_IP_ID = Attr.of(1, "LWTUNNEL_IP_ID", Codecs.U64_BE);
    static final Attr<InetAddress> LWTUNNEL_IP_DST = Attr.of(2, "LWTUNNEL_IP_DST", Codecs.INET4);
    static final Attr<Integer> LWTUNNEL_IP_FLAGS = Attr.of(6, "LWTUNNEL_IP_FLAGS", Codecs.U16_BE);
    static final AttrSchema LWTUNNEL_IP = AttrSchema.of("lwtunnel_ip", "LWTUNNEL_IP_", LWTUNNEL_IP_ID, LWTUNNEL_IP_DST,
            LWTUNNEL_IP_FLAGS);
    static final Attr<Void> RTA_ENCAP = Attr.nested(22, "RTA_ENCAP", () -> LWTUNNEL_IP);

    static byte[] seedRoute(int oif, int flagsValue) throws Exception {
        MessageWriter w = new MessageWriter();
        int m = w.beginMessage(24 /* RTM_NEWROUTE */,
                Nlmsg.NLM_F_REQUEST | Nlmsg.NLM_F_ACK | Nlmsg.NLM_F_CREATE | Nlmsg.NLM_F_REPLACE);
        // struct rtmsg: family AF_INET, dst_len 32, src_len 0, tos 0, table RT_TABLE_MAIN,
        // protocol RTPROT_BOOT, scope RT_SCOPE_UNIVERSE, type RTN_UNICAST; flags 0
        w.putU8(2).putU8(32).putU8(0).putU8(0).putU8(254).putU8(3).putU8(0).putU8(1).putU32(0);
        w.put(RTA_DST, InetAddress.getByName("2.2.2.11"));
        w.put(RTA_GATEWAY, InetAddress.getByName("1.1.1.11"));
        //  RTA_ENCAP (NLA_F_NESTED)
        //    LWTUNNEL_IP_ID     be64 1000
        //    LWTUNNEL_IP_DST    172.168.0.1
        //    LWTUNNEL_IP_FLAGS  be16 TUNNEL_KEY
        int e = w.beginNested(RTA_ENCAP);
        w.put(LWTUNNEL_IP_ID, 1000L);
        w.put(LWTUNNEL_IP_DST, InetAddress.getByName("172.168.0.1"));
        w.put(LWTUNNEL_IP_FLAGS, flagsValue);
        w.endNested(e);
        w.put(RTA_ENCAP_TYPE, 2 /* LWTUNNEL_ENCAP_IP */);
        w.put(RTA_OIF, oif);
        w.endMessage(m);
        return w.toByteArray();
    }

    @Test
    void matchesIproute2() throws Exception {
        RefBytes ref = RefBytes.load("seed-route-replace-encap-ip-key");
        assertTrue(ref.tool().startsWith("iproute2-"), ref.tool());
        RefBytes.assertSameMessage(ref.message(), seedRoute(ref.ifindex("tun"), 0x0004 /* TUNNEL_KEY */), 12, ref.command());
    }

    @Test
    void aDifferenceIsShownFourBytesALine() throws Exception {
        RefBytes ref = RefBytes.load("seed-route-replace-encap-ip-key");
        AssertionError e = assertThrows(AssertionError.class,
                () -> RefBytes.assertSameMessage(ref.message(), seedRoute(ref.ifindex("tun"), 0x0001), 12, "csum instead of key"));
        assertTrue(e.getMessage().contains("00 04 01 00  00 01 00 00  <<"), e.getMessage());
    }
}
