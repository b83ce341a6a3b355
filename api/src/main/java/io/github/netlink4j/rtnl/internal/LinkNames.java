package io.github.netlink4j.rtnl.internal;

import io.github.netlink4j.core.Errno;
import io.github.netlink4j.core.KernelException;
import io.github.netlink4j.core.NetlinkChannel;
import io.github.netlink4j.core.NetlinkRequest;
import io.github.netlink4j.core.wire.Attr;
import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.Codecs;
import io.github.netlink4j.core.wire.MessageWriter;

import java.util.HashMap;
import java.util.Map;

/**
 * Device name to ifindex, through the kernel: RTM_GETLINK with IFLA_IFNAME, as iproute2 resolves
 * {@code dev NAME} (include/uapi/linux/if_link.h). A resolver caches for its own lifetime only:
 * make one per batch of requests.
 */
public final class LinkNames {
    static final Attr<String> IFLA_IFNAME = Attr.of(3, "IFLA_IFNAME", Codecs.STRING);
    static final Attr<Integer> IFLA_EXT_MASK = Attr.of(29, "IFLA_EXT_MASK", Codecs.U32);
    static final AttrSchema IFLA = AttrSchema.of("ifinfomsg", "IFLA_", IFLA_IFNAME, IFLA_EXT_MASK);
    /** RTEXT_FILTER_VF | RTEXT_FILTER_SKIP_STATS. */
    static final int EXT_MASK = 1 | 1 << 3;

    private final NetlinkChannel channel;
    private final Map<String, Integer> cache = new HashMap<>();

    public LinkNames(NetlinkChannel channel) {
        this.channel = channel;
    }

    /**
     * The index of device {@code name}.
     *
     * @throws IllegalArgumentException when there is no such device
     */
    public int indexOf(String name) {
        Integer cached = cache.get(name);
        if (cached != null) {
            return cached;
        }
        NetlinkRequest req = new NetlinkRequest() {
            @Override
            public int type() {
                return RouteSchemas.RTM_GETLINK;
            }

            @Override
            public int flags() {
                return 0;
            }

            @Override
            public void encode(MessageWriter w) {
                // struct ifinfomsg { u8 family; u8 pad; u16 type; s32 index; u32 flags; u32 change; }
                w.putU8(0).putU8(0).putU16(0).putU32(0).putU32(0).putU32(0);
                w.put(IFLA_EXT_MASK, EXT_MASK);
                w.put(IFLA_IFNAME, name);
            }

            @Override
            public String operation() {
                return "RTM_GETLINK";
            }

            @Override
            public int headerLength() {
                return 16;
            }

            @Override
            public AttrSchema schema() {
                return IFLA;
            }

            @Override
            public String toString() {
                return "ip link show dev " + name;
            }
        };
        int index;
        try {
            index = channel.query(req, m -> m.buffer().getInt(m.payloadOffset() + 4));
        } catch (KernelException e) {
            if (e.errno().equals(Errno.ENODEV)) {
                throw new IllegalArgumentException("no device named \"" + name + "\" (" + channel.socket() + ")");
            }
            throw e;
        }
        cache.put(name, index);
        return index;
    }
}
