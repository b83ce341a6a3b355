package io.github.netlink4j.nft;

import java.util.Objects;

/**
 * The type of a set's keys: nft's datatype number (NFTA_SET_KEY_TYPE is opaque to the kernel; nft
 * reads it back to print elements), its name and its length in bytes. Open: any number may be used.
 *
 * @param bigEndian whether keys are in network byte order (written into the set's userdata as
 *                  NFTNL_UDATA_SET_KEYBYTEORDER, which nft needs to print elements)
 */
public record SetKeyType(int number, String keyword, int length, boolean bigEndian) {
    public static final SetKeyType IPV4_ADDR = new SetKeyType(7, "ipv4_addr", 4, true);
    public static final SetKeyType IPV6_ADDR = new SetKeyType(8, "ipv6_addr", 16, true);
    public static final SetKeyType INET_PROTO = new SetKeyType(12, "inet_proto", 1, false);
    public static final SetKeyType INET_SERVICE = new SetKeyType(13, "inet_service", 2, true);
    public static final SetKeyType MARK = new SetKeyType(19, "mark", 4, false);
    public static final SetKeyType IFNAME = new SetKeyType(41, "ifname", 16, false);

    public SetKeyType {
        Objects.requireNonNull(keyword, "keyword");
        if (length < 1 || length > 64) {
            throw new IllegalArgumentException("key length must be in 1..64, was " + length);
        }
    }

    public static SetKeyType of(int number, int length) {
        for (SetKeyType t : new SetKeyType[]{IPV4_ADDR, IPV6_ADDR, INET_PROTO, INET_SERVICE, MARK, IFNAME}) {
            if (t.number == number && t.length == length) {
                return t;
            }
        }
        return new SetKeyType(number, "type" + number, length, false);
    }

    @Override
    public String toString() {
        return keyword;
    }
}
