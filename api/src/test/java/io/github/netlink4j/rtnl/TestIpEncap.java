package io.github.netlink4j.rtnl;

import io.github.netlink4j.core.wire.Attr;
import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.ByteString;
import io.github.netlink4j.core.wire.Codecs;
import io.github.netlink4j.core.wire.MessageWriter;

/**
 * A minimal {@code encap ip id N dst A [key]} for the api's own tests (the tunnel module has the
 * real one): LWTUNNEL_ENCAP_IP with LWTUNNEL_IP_ID (be64), LWTUNNEL_IP_DST and LWTUNNEL_IP_FLAGS
 * (be16, TUNNEL_KEY = 0x0004), from include/uapi/linux/lwtunnel.h. The destination is raw bytes so
 * that a test can send a malformed one.
 */
record TestIpEncap(long id, ByteString dst, boolean key) implements RouteEncap {
    static final Attr<Long> LWTUNNEL_IP_ID = Attr.of(1, "LWTUNNEL_IP_ID", Codecs.U64_BE);
    static final Attr<ByteString> LWTUNNEL_IP_DST = Attr.of(2, "LWTUNNEL_IP_DST", Codecs.BYTES);
    static final Attr<Integer> LWTUNNEL_IP_FLAGS = Attr.of(6, "LWTUNNEL_IP_FLAGS", Codecs.U16_BE);
    static final AttrSchema LWTUNNEL_IP = AttrSchema.of("lwtunnel_ip", "LWTUNNEL_IP_", LWTUNNEL_IP_ID, LWTUNNEL_IP_DST,
            LWTUNNEL_IP_FLAGS);

    /** {@code encap ip id ID dst A key}. */
    static TestIpEncap key(long id, String dst) {
        return new TestIpEncap(id, ByteString.of(Inet.parse(dst).getAddress()), true);
    }

    @Override
    public int encapType() {
        return 2;
    }

    @Override
    public void encode(MessageWriter w) {
        w.put(LWTUNNEL_IP_ID, id);
        w.put(LWTUNNEL_IP_DST, dst);
        if (key) {
            w.put(LWTUNNEL_IP_FLAGS, 0x0004);
        }
    }

    @Override
    public AttrSchema schema() {
        return LWTUNNEL_IP;
    }

    @Override
    public String toIpArgs() {
        String a = dst.size() == 4 ? Inet.format(Inet.of(dst.toByteArray())) : "<" + dst.size() + " bytes>";
        return "encap ip id " + Long.toUnsignedString(id) + " dst " + a + (key ? " key" : "");
    }
}
