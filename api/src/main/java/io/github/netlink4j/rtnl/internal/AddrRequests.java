package io.github.netlink4j.rtnl.internal;

import io.github.netlink4j.core.NetlinkRequest;
import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.MessageWriter;
import io.github.netlink4j.core.wire.Nlmsg;
import io.github.netlink4j.rtnl.Address;
import io.github.netlink4j.rtnl.AddressFamily;

import java.util.Objects;

/** The address requests, byte for byte as iproute2 6.1 sends them. */
public final class AddrRequests {
    private AddrRequests() {
    }

    /**
     * {@code ip addr add} (NLM_F_CREATE | NLM_F_EXCL) or {@code ip addr replace} (NLM_F_CREATE |
     * NLM_F_REPLACE).
     *
     * @param dev the device as the operator names it (for toString), e.g. {@code veth0} or {@code if7}
     */
    public static NetlinkRequest add(Address a, boolean replace, String dev) {
        Objects.requireNonNull(a, "address");
        String devName = dev != null ? dev : "if" + a.ifindex();
        return new Base(Rtm.RTM_NEWADDR, Nlmsg.NLM_F_CREATE | (replace ? Nlmsg.NLM_F_REPLACE : Nlmsg.NLM_F_EXCL)) {
            @Override
            public void encode(MessageWriter w) {
                AddrCodec.encode(w, a);
            }

            @Override
            public String toString() {
                return (replace ? "ip addr replace " : "ip addr add ") + AddrCodec.args(a, devName);
            }
        };
    }

    /** {@code ip addr del}. */
    public static NetlinkRequest delete(Address a, String dev) {
        Objects.requireNonNull(a, "address");
        String devName = dev != null ? dev : "if" + a.ifindex();
        return new Base(Rtm.RTM_DELADDR, 0) {
            @Override
            public void encode(MessageWriter w) {
                AddrCodec.encodeDelete(w, a);
            }

            @Override
            public String toString() {
                return "ip addr del " + AddrCodec.deleteArgs(a, devName);
            }
        };
    }

    /**
     * {@code ip [-4|-6] addr show [dev DEV]}: an RTM_GETADDR dump with the family and the device index
     * in the header (the kernel filters by index under NETLINK_GET_STRICT_CHK).
     *
     * @param ifindex 0 for every device
     * @param dev     the device as named, for toString
     */
    public static NetlinkRequest dump(AddressFamily family, int ifindex, String dev) {
        return new Base(Rtm.RTM_GETADDR, Nlmsg.NLM_F_DUMP) {
            @Override
            public void encode(MessageWriter w) {
                w.putU8(family.number()).putU8(0).putU8(0).putU8(0).putU32(ifindex);
            }

            @Override
            public String toString() {
                String f = family.equals(AddressFamily.INET) ? " -4" : family.equals(AddressFamily.INET6) ? " -6" : "";
                return "ip" + f + " addr show" + (ifindex != 0 ? " dev " + (dev != null ? dev : "if" + ifindex) : "");
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
            return Rtm.IFADDRMSG_LEN;
        }

        @Override
        public AttrSchema schema() {
            return IfaSchema.IFA;
        }
    }
}
