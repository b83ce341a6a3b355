package io.github.netlink4j.rtnl.internal;

import io.github.netlink4j.core.wire.AttrReader;
import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.MessageReader;
import io.github.netlink4j.core.wire.MessageWriter;
import io.github.netlink4j.core.wire.Nlmsg;
import io.github.netlink4j.core.wire.RawAttribute;
import io.github.netlink4j.rtnl.AddressFamily;
import io.github.netlink4j.rtnl.Nexthop;
import io.github.netlink4j.rtnl.RouteEncap;
import io.github.netlink4j.rtnl.RouteProtocol;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static io.github.netlink4j.rtnl.internal.RouteSchemas.*;

/**
 * struct nhmsg and the NHA_* attributes, both ways, in iproute2's order:
 * <pre>
 * nhmsg { family, scope, protocol, resvd; u32 flags }
 * NHA_ID, NHA_GROUP, NHA_GROUP_TYPE, NHA_BLACKHOLE, NHA_ENCAP (NLA_F_NESTED) + NHA_ENCAP_TYPE,
 * NHA_GATEWAY, NHA_OIF, NHA_FDB, unknown...
 * </pre>
 */
public final class NexthopCodec {
    private NexthopCodec() {
    }

    public static AttrSchema schemaFor(Nexthop n) {
        return n.encap().map(e -> NHA.withNested(NHA_ENCAP, e.schema())).orElse(NHA);
    }

    /**
     * A full nexthop (RTM_NEWNEXTHOP).
     * <pre>
     * nhmsg { family, scope 0, protocol, resvd; u32 flags }
     * NHA_ID
     * NHA_GROUP        struct nexthop_grp { u32 id; u8 weight - 1; u8 resvd1; u16 resvd2; } ...
     * NHA_GROUP_TYPE   u16
     * NHA_BLACKHOLE    flag
     * NHA_ENCAP        (NLA_F_NESTED) the encap's attributes
     * NHA_ENCAP_TYPE   u16
     * NHA_GATEWAY, NHA_OIF, NHA_FDB (flag), unknown...
     * </pre>
     */
    public static void encode(MessageWriter w, Nexthop n) {
        encode(w, n, ~0);
    }

    /**
     * An add or replace request: as {@link #encode(MessageWriter, Nexthop)} without the state flags
     * the kernel reports and refuses in requests (RTNH_F_DEAD, RTNH_F_LINKDOWN), so that a listed
     * nexthop can be sent back.
     */
    public static void encodeRequest(MessageWriter w, Nexthop n) {
        encode(w, n, ~RouteCodec.KERNEL_STATE_FLAGS);
    }

    private static void encode(MessageWriter w, Nexthop n, int keepFlags) {
        w.putU8(n.family().number()).putU8(0).putU8(n.protocol().number()).putU8(0).putU32(n.flags() & keepFlags);
        w.putU32Attr(NHA_ID, n.id());
        List<Nexthop.Member> group = n.group();
        if (!group.isEmpty()) {
            int s = w.beginAttribute(NHA_GROUP.type());
            for (int i = 0, size = group.size(); i < size; i++) {
                Nexthop.Member m = group.get(i);
                w.putU32(m.id()).putU8(m.weight() - 1).putU8(0).putU16(0);
            }
            w.endNested(s);
        }
        if (n.groupType().isPresent()) {
            RtCodecs.putU16(w, NHA_GROUP_TYPE, n.groupType().getAsInt());
        }
        if (n.blackhole()) {
            w.putFlag(NHA_BLACKHOLE);
        }
        if (n.encap().isPresent()) {
            RouteEncap e = n.encap().get();
            int s = w.beginNested(NHA_ENCAP);
            e.encode(w);
            w.endNested(s);
            RtCodecs.putU16(w, NHA_ENCAP_TYPE, e.encapType());
        }
        if (n.gateway().isPresent()) {
            w.put(NHA_GATEWAY, n.gateway().get());
        }
        if (n.oif().isPresent()) {
            w.putU32Attr(NHA_OIF, n.oif().getAsInt());
        }
        if (n.fdb()) {
            w.putFlag(NHA_FDB);
        }
        RtCodecs.putAll(w, n.unknown());
    }

    /** A delete or get by id: an empty nhmsg and NHA_ID. */
    public static void encodeId(MessageWriter w, int id) {
        w.putU8(0).putU8(0).putU8(0).putU8(0).putU32(0);
        w.putU32Attr(NHA_ID, id);
    }

    public static Nexthop decode(MessageReader m) {
        try {
            return decodeUnchecked(m);
        } catch (IllegalArgumentException e) {
            // a value the records refuse (a prefix of the wrong family, a weight out of range...)
            throw new io.github.netlink4j.core.MalformedMessageException(e.getMessage(), "", m.payloadOffset(),
                    io.github.netlink4j.core.wire.Hex.excerpt(m.buffer(), m.payloadOffset()));
        }
    }

    private static Nexthop decodeUnchecked(MessageReader m) {
        m.requirePayload(NHMSG_LEN, "struct nhmsg");
        ByteBuffer b = m.buffer();
        int p = m.payloadOffset();
        AddressFamily family = AddressFamily.of(b.get(p) & 0xff);
        RouteProtocol protocol = RouteProtocol.of(b.get(p + 2) & 0xff);
        int flags = b.getInt(p + 4);
        int id = 0;
        Optional<InetAddress> gateway = Optional.empty();
        OptionalInt oif = OptionalInt.empty();
        boolean blackhole = false;
        boolean fdb = false;
        List<Nexthop.Member> group = new ArrayList<>();
        OptionalInt groupType = OptionalInt.empty();
        int encapType = -1;
        int encapAt = -1;
        List<RawAttribute> unknown = new ArrayList<>();
        AttrReader r = m.attributes(NHMSG_LEN, NHA);
        while (r.next()) {
            switch (r.type()) {
                case 1 -> id = r.u32();                          // NHA_ID
                case 2 -> {                                      // NHA_GROUP
                    int pos = r.payloadOffset();
                    int end = pos + r.payloadLength();
                    if (r.payloadLength() % 8 != 0) {
                        throw r.malformed("NHA_GROUP of " + r.payloadLength() + " bytes is not a whole number of nexthop_grp", pos);
                    }
                    for (; pos < end; pos += 8) {
                        group.add(new Nexthop.Member(b.getInt(pos), (b.get(pos + 4) & 0xff) + 1));
                    }
                }
                case 3 -> groupType = OptionalInt.of(r.u16());   // NHA_GROUP_TYPE
                case 4 -> blackhole = r.get(NHA_BLACKHOLE);      // NHA_BLACKHOLE
                case 5 -> oif = OptionalInt.of(r.u32());         // NHA_OIF
                case 6 -> gateway = Optional.of(r.inet());       // NHA_GATEWAY
                case 7 -> encapType = r.u16();                   // NHA_ENCAP_TYPE
                case 8 -> encapAt = r.payloadOffset() - Nlmsg.NLA_HDRLEN; // NHA_ENCAP
                case 11 -> fdb = r.get(NHA_FDB);                 // NHA_FDB
                default -> unknown.add(r.raw());
            }
        }
        if (id == 0) {
            throw r.malformed("nexthop without NHA_ID", m.payloadOffset());
        }
        Optional<RouteEncap> encap = encapAt < 0 ? Optional.empty()
                : RouteCodec.decodeEncapOptional(b, encapAt, encapType, r);
        return new Nexthop(id, family, gateway, Optional.empty(), oif, blackhole, flags, group, groupType, fdb, encap,
                protocol, unknown);
    }
}
