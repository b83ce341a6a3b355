package io.github.netlink4j.rtnl.internal;

import io.github.netlink4j.core.NetlinkRequest;
import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.MessageWriter;
import io.github.netlink4j.core.wire.Nlmsg;
import io.github.netlink4j.rtnl.AddressFamily;
import io.github.netlink4j.rtnl.Neighbour;

import java.util.Objects;

/** The neighbour requests, byte for byte as iproute2 6.1 sends them. */
public final class NeighRequests {
    private NeighRequests() {
    }

    /**
     * {@code ip neigh add} (NLM_F_CREATE | NLM_F_EXCL) or {@code ip neigh replace} (NLM_F_CREATE |
     * NLM_F_REPLACE).
     *
     * @param dev the device as the operator names it (for toString)
     */
    public static NetlinkRequest add(Neighbour n, boolean replace, String dev) {
        Objects.requireNonNull(n, "neighbour");
        String devName = dev != null ? dev : "if" + n.ifindex();
        return new Base(Rtm.RTM_NEWNEIGH, Nlmsg.NLM_F_CREATE | (replace ? Nlmsg.NLM_F_REPLACE : Nlmsg.NLM_F_EXCL)) {
            @Override
            public void encode(MessageWriter w) {
                NeighCodec.encode(w, n);
            }

            @Override
            public String toString() {
                return (replace ? "ip neigh replace " : "ip neigh add ") + NeighCodec.args(n, devName);
            }
        };
    }

    /** {@code ip neigh del [proxy] DST dev DEV}. */
    public static NetlinkRequest delete(Neighbour n, String dev) {
        Objects.requireNonNull(n, "neighbour");
        String devName = dev != null ? dev : "if" + n.ifindex();
        return new Base(Rtm.RTM_DELNEIGH, 0) {
            @Override
            public void encode(MessageWriter w) {
                NeighCodec.encodeDelete(w, n);
            }

            @Override
            public String toString() {
                return "ip neigh del " + NeighCodec.deleteArgs(n, devName);
            }
        };
    }

    /**
     * {@code ip [-4|-6] neigh show [dev DEV]}: an RTM_GETNEIGH dump; the device goes in NDA_IFINDEX
     * (the strict kernel refuses an index in the header).
     *
     * @param ifindex 0 for every device
     */
    public static NetlinkRequest dump(AddressFamily family, int ifindex, String dev) {
        return new Base(Rtm.RTM_GETNEIGH, Nlmsg.NLM_F_DUMP) {
            @Override
            public void encode(MessageWriter w) {
                w.putU8(family.number()).putU8(0).putU16(0).putU32(0).putU16(0).putU8(0).putU8(0);
                if (ifindex != 0) {
                    w.putU32Attr(NdaSchema.NDA_IFINDEX, ifindex);
                }
            }

            @Override
            public String toString() {
                String f = family.equals(AddressFamily.INET) ? " -4" : family.equals(AddressFamily.INET6) ? " -6" : "";
                return "ip" + f + " neigh show" + (ifindex != 0 ? " dev " + (dev != null ? dev : "if" + ifindex) : "");
            }
        };
    }

    private abstract static class Base implements NetlinkRequest {
        private final int type;
        private final int flags;

        Base(int type, int flags) {
            this.type = type;
            this.flags = flags;
        }

        @Override
        public int type() {
            return type;
        }

        @Override
        public int flags() {
            return flags;
        }

        @Override
        public String operation() {
            return Rtm.name(type);
        }

        @Override
        public int headerLength() {
            return Rtm.NDMSG_LEN;
        }

        @Override
        public AttrSchema schema() {
            return NdaSchema.NDA;
        }
    }
}
