package io.github.netlink4j.nft;

import io.github.netlink4j.core.wire.ByteString;

import java.util.Objects;

/**
 * One element of a set: its key bytes and flags ({@link #INTERVAL_END}, NFT_SET_ELEM_INTERVAL_END:
 * in an interval set, the element that ends the interval its predecessor starts, exclusive).
 */
public record SetElement(ByteString key, int flags) {
    public static final int INTERVAL_END = 0x1;

    public SetElement {
        Objects.requireNonNull(key, "key");
        Wire.checkData("set element key", key);
    }

    public static SetElement of(ByteString key) {
        return new SetElement(key, 0);
    }

    /** An IPv4 or IPv6 address. */
    public static SetElement address(String address) {
        return of(ByteString.of(Match.addressBytes(address)));
    }

    /** A port (inet_service, big-endian). */
    public static SetElement port(int port) {
        return of(Match.be16(Match.checkPort(port)));
    }

    @Override
    public String toString() {
        return key.hex() + ((flags & INTERVAL_END) != 0 ? " (interval end)" : "");
    }
}
