package io.github.netlink4j.rtnl;

import io.github.netlink4j.core.wire.MessageWriter;
import io.github.netlink4j.core.wire.RawAttribute;

import java.util.List;

/**
 * An encap type this library has no codec for, kept as received; re-encodes byte for byte.
 *
 * @param encapType  RTA_ENCAP_TYPE
 * @param attributes the attributes inside RTA_ENCAP
 */
public record RawRouteEncap(int encapType, List<RawAttribute> attributes) implements RouteEncap {
    public RawRouteEncap {
        if (encapType < 0 || encapType > 0xffff) {
            throw new IllegalArgumentException("encap type must be in 0..65535, was " + encapType);
        }
        attributes = List.copyOf(attributes);
    }

    @Override
    public void encode(MessageWriter w) {
        for (int i = 0, n = attributes.size(); i < n; i++) {
            attributes.get(i).writeTo(w);
        }
    }

    @Override
    public String toIpArgs() {
        return "encap type" + encapType;
    }
}
