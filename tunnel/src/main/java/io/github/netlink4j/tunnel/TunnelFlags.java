package io.github.netlink4j.tunnel;

import java.util.ArrayList;
import java.util.List;

/**
 * The tunnel flags of an lwtunnel encap (LWTUNNEL_IP_FLAGS / LWTUNNEL_IP6_FLAGS, big-endian u16 on
 * the wire): TUNNEL_CSUM 0x01, TUNNEL_KEY 0x04, TUNNEL_SEQ 0x08 (include/net/ip_tunnels.h, the
 * __be16 flags of struct ip_tunnel_key as iproute2 sends them). An open set: other bits are kept.
 *
 * @param bits the u16 value
 */
public record TunnelFlags(int bits) {
    /** TUNNEL_CSUM: the outer packet carries a GRE checksum. */
    public static final int CSUM = 0x01;
    /** TUNNEL_KEY: the outer packet carries the key (the encap's id). */
    public static final int KEY = 0x04;
    /** TUNNEL_SEQ: the outer packet carries a sequence number. */
    public static final int SEQ = 0x08;
    public static final TunnelFlags NONE = new TunnelFlags(0);

    public TunnelFlags {
        if (bits < 0 || bits > 0xffff) {
            throw new IllegalArgumentException("tunnel flags must be in 0..65535, was " + bits);
        }
    }

    public boolean has(int flag) {
        return (bits & flag) == flag;
    }

    public TunnelFlags with(int flag) {
        return new TunnelFlags(bits | flag);
    }

    /** ip's words: {@code csum seq key}, then any other bits as a number. */
    public String toIpArgs() {
        List<String> words = new ArrayList<>();
        if (has(CSUM)) {
            words.add("csum");
        }
        if (has(SEQ)) {
            words.add("seq");
        }
        if (has(KEY)) {
            words.add("key");
        }
        int other = bits & ~(CSUM | SEQ | KEY);
        if (other != 0) {
            words.add("flags 0x" + Integer.toHexString(other));
        }
        return String.join(" ", words);
    }

    @Override
    public String toString() {
        return toIpArgs();
    }
}
