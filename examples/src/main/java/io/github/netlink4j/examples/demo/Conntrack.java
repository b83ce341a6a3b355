package io.github.netlink4j.examples.demo;

import io.github.netlink4j.core.NetNs;
import io.github.netlink4j.core.NetlinkChannel;
import io.github.netlink4j.core.NetlinkProtocol;
import io.github.netlink4j.core.NetlinkRequest;
import io.github.netlink4j.core.wire.AttrReader;
import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.MessageReader;
import io.github.netlink4j.core.wire.MessageWriter;
import io.github.netlink4j.core.wire.Nlmsg;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The conntrack table of a network namespace, read over ctnetlink (NETLINK_NETFILTER, subsystem
 * NFNL_SUBSYS_CTNETLINK) with the library's netlink-core: what {@code conntrack -L -f ipv4} prints,
 * reduced to what the demo needs (the tuples and the status bits).
 *
 * <pre>
 * struct nfgenmsg { __u8 nfgen_family; __u8 version; __be16 res_id; }   (include/uapi/linux/netfilter/nfnetlink.h)
 * CTA_TUPLE_ORIG / CTA_TUPLE_REPLY
 *   CTA_TUPLE_IP     CTA_IP_V4_SRC, CTA_IP_V4_DST
 *   CTA_TUPLE_PROTO  CTA_PROTO_NUM (u8), CTA_PROTO_SRC_PORT, CTA_PROTO_DST_PORT (be16), CTA_PROTO_ICMP_ID (be16)
 * CTA_STATUS         be32, enum ip_conntrack_status
 * </pre>
 */
final class Conntrack {
    // include/uapi/linux/netfilter/nfnetlink.h
    static final int NFNL_SUBSYS_CTNETLINK = 1;
    static final int NFNETLINK_V0 = 0;
    // include/uapi/linux/netfilter/nfnetlink_conntrack.h: enum cntl_msg_types
    static final int IPCTNL_MSG_CT_NEW = 0;
    static final int IPCTNL_MSG_CT_GET = 1;
    // enum ctattr_type
    static final int CTA_TUPLE_ORIG = 1;
    static final int CTA_TUPLE_REPLY = 2;
    static final int CTA_STATUS = 3;
    // enum ctattr_tuple
    static final int CTA_TUPLE_IP = 1;
    static final int CTA_TUPLE_PROTO = 2;
    // enum ctattr_ip
    static final int CTA_IP_V4_SRC = 1;
    static final int CTA_IP_V4_DST = 2;
    // enum ctattr_l4proto
    static final int CTA_PROTO_NUM = 1;
    static final int CTA_PROTO_SRC_PORT = 2;
    static final int CTA_PROTO_DST_PORT = 3;
    static final int CTA_PROTO_ICMP_ID = 4;
    // include/uapi/linux/netfilter/nf_conntrack_common.h: enum ip_conntrack_status
    /** IPS_SEEN_REPLY_BIT = 1. */
    static final int IPS_SEEN_REPLY = 1 << 1;
    /** IPS_ASSURED_BIT = 2. */
    static final int IPS_ASSURED = 1 << 2;
    /** IPS_SRC_NAT_BIT = 4. */
    static final int IPS_SRC_NAT = 1 << 4;
    /** IPS_DST_NAT_BIT = 5. */
    static final int IPS_DST_NAT = 1 << 5;
    /** IPS_OFFLOAD_BIT = 14: the flow is in a flowtable. */
    static final int IPS_OFFLOAD = 1 << 14;
    /** AF_INET. */
    static final int AF_INET = 2;
    static final int IPPROTO_ICMP = 1;
    static final int IPPROTO_TCP = 6;

    private Conntrack() {
    }

    /** One direction of a connection: addresses, protocol and ports (or the ICMP id as both ports). */
    record Tuple(InetAddress src, InetAddress dst, int proto, int srcPort, int dstPort) {
        @Override
        public String toString() {
            String p = switch (proto) {
                case IPPROTO_TCP -> "tcp";
                case IPPROTO_ICMP -> "icmp";
                case 17 -> "udp";
                default -> "proto " + proto;
            };
            if (proto == IPPROTO_ICMP) {
                return p + " " + src.getHostAddress() + " -> " + dst.getHostAddress() + " id " + srcPort;
            }
            return p + " " + src.getHostAddress() + ":" + srcPort + " -> " + dst.getHostAddress() + ":" + dstPort;
        }
    }

    /** A conntrack entry. */
    record Entry(Tuple original, Tuple reply, int status) {
        boolean offloaded() {
            return (status & IPS_OFFLOAD) != 0;
        }

        /** The status bits as conntrack -L names them. */
        String flags() {
            StringBuilder sb = new StringBuilder();
            if ((status & IPS_OFFLOAD) != 0) {
                sb.append("[OFFLOAD] ");
            }
            if ((status & IPS_ASSURED) != 0) {
                sb.append("[ASSURED] ");
            }
            if ((status & IPS_SEEN_REPLY) == 0) {
                sb.append("[UNREPLIED] ");
            }
            if ((status & IPS_DST_NAT) != 0) {
                sb.append("dnat ");
            }
            if ((status & IPS_SRC_NAT) != 0) {
                sb.append("snat ");
            }
            return sb.toString().trim();
        }

        @Override
        public String toString() {
            return original + " (reply " + reply + ") " + flags();
        }
    }

    /** The IPv4 entries of {@code ns}'s conntrack table ({@code conntrack -L -f ipv4}). */
    static List<Entry> list(NetNs ns) {
        try (NetlinkChannel ch = NetlinkChannel.open(NetlinkProtocol.NETFILTER, ns)) {
            return ch.dumpAll(DUMP, Conntrack::decode);
        }
    }

    private static final NetlinkRequest DUMP = new NetlinkRequest() {
        @Override
        public int type() {
            return NFNL_SUBSYS_CTNETLINK << 8 | IPCTNL_MSG_CT_GET;
        }

        @Override
        public int flags() {
            return Nlmsg.NLM_F_DUMP;
        }

        @Override
        public void encode(MessageWriter w) {
            w.putU8(AF_INET).putU8(NFNETLINK_V0).putU16Be(0);
        }

        @Override
        public String operation() {
            return "IPCTNL_MSG_CT_GET";
        }

        @Override
        public int headerLength() {
            return 4;
        }

        @Override
        public String toString() {
            return "conntrack -L -f ipv4";
        }
    };

    private static Entry decode(MessageReader m) {
        if (m.type() != (NFNL_SUBSYS_CTNETLINK << 8 | IPCTNL_MSG_CT_NEW)) {
            return null; // a dump answers with IPCTNL_MSG_CT_NEW messages
        }
        Tuple orig = null;
        Tuple reply = null;
        int status = 0;
        AttrReader a = m.attributes(4, AttrSchema.OPAQUE);
        while (a.next()) {
            switch (a.type()) {
                case CTA_TUPLE_ORIG -> orig = tuple(a.nested());
                case CTA_TUPLE_REPLY -> reply = tuple(a.nested());
                case CTA_STATUS -> status = a.u32Be();
                default -> {
                }
            }
        }
        return orig == null || reply == null ? null : new Entry(orig, reply, status);
    }

    private static Tuple tuple(AttrReader t) {
        InetAddress src = null;
        InetAddress dst = null;
        int proto = 0;
        int sport = 0;
        int dport = 0;
        while (t.next()) {
            if (t.type() == CTA_TUPLE_IP) {
                AttrReader ip = t.nested();
                while (ip.next()) {
                    if (ip.type() == CTA_IP_V4_SRC) {
                        src = v4(ip);
                    } else if (ip.type() == CTA_IP_V4_DST) {
                        dst = v4(ip);
                    }
                }
            } else if (t.type() == CTA_TUPLE_PROTO) {
                AttrReader p = t.nested();
                while (p.next()) {
                    switch (p.type()) {
                        case CTA_PROTO_NUM -> proto = p.u8();
                        case CTA_PROTO_SRC_PORT -> sport = p.u16Be();
                        case CTA_PROTO_DST_PORT -> dport = p.u16Be();
                        case CTA_PROTO_ICMP_ID -> {
                            sport = p.u16Be();
                            dport = sport;
                        }
                        default -> {
                        }
                    }
                }
            }
        }
        if (src == null || dst == null) {
            return null;
        }
        return new Tuple(src, dst, proto, sport, dport);
    }

    private static InetAddress v4(AttrReader r) {
        byte[] b = new byte[4];
        if (r.payloadLength() != 4) {
            throw new IllegalStateException("CTA_IP_V4 address of " + r.payloadLength() + " bytes");
        }
        r.buffer().get(r.payloadOffset(), b);
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
