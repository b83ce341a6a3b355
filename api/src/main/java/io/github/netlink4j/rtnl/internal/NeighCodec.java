package io.github.netlink4j.rtnl.internal;

import io.github.netlink4j.core.MalformedMessageException;
import io.github.netlink4j.core.wire.AttrReader;
import io.github.netlink4j.core.wire.Hex;
import io.github.netlink4j.core.wire.MessageReader;
import io.github.netlink4j.core.wire.MessageWriter;
import io.github.netlink4j.core.wire.RawAttribute;
import io.github.netlink4j.rtnl.AddressFamily;
import io.github.netlink4j.rtnl.Inet;
import io.github.netlink4j.rtnl.MacAddress;
import io.github.netlink4j.rtnl.Neighbour;
import io.github.netlink4j.rtnl.NeighbourCacheInfo;
import io.github.netlink4j.rtnl.NeighbourFlags;
import io.github.netlink4j.rtnl.NeighbourState;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static io.github.netlink4j.rtnl.internal.NdaSchema.*;

/**
 * Encodes and decodes {@link Neighbour}: struct ndmsg and its NDA_* attributes, in the order
 * iproute2's ipneigh_modify adds them.
 *
 * <pre>
 * struct ndmsg      family, ifindex, state, flags, type
 * NDA_PROTOCOL      ({@code protocol P}: ip adds it while parsing)
 * NDA_DST
 * NDA_LLADDR
 * NDA_CACHEINFO, NDA_PROBES, NDA_VLAN, NDA_MASTER   (reported by the kernel)
 * ...unknown attributes
 * </pre>
 */
public final class NeighCodec {
    private NeighCodec() {
    }

    private static void writeHeader(MessageWriter w, int family, int ifindex, int state, int flags, int type) {
        w.putU8(family).putU8(0).putU16(0).putU32(ifindex).putU16(state).putU8(flags).putU8(type);
    }

    /** Writes {@code n} for RTM_NEWNEIGH. */
    public static void encode(MessageWriter w, Neighbour n) {
        writeHeader(w, n.family().number(), n.ifindex(), n.state().bits(), n.flags().bits(), n.type());
        if (n.protocol().isPresent()) {
            RtCodecs.putU8(w, NDA_PROTOCOL, n.protocol().getAsInt());
        }
        if (n.destination().isPresent()) {
            w.put(NDA_DST, n.destination().get());
        }
        if (n.lladdr().isPresent()) {
            w.put(NDA_LLADDR, n.lladdr().get());
        }
        if (n.cacheInfo().isPresent()) {
            w.put(NDA_CACHEINFO, n.cacheInfo().get());
        }
        if (n.probes().isPresent()) {
            w.putU32Attr(NDA_PROBES, n.probes().getAsInt());
        }
        if (n.vlan().isPresent()) {
            RtCodecs.putU16(w, NDA_VLAN, n.vlan().getAsInt());
        }
        if (n.master().isPresent()) {
            w.putU32Attr(NDA_MASTER, n.master().getAsInt());
        }
        RtCodecs.putAll(w, n.unknown());
    }

    /**
     * Writes {@code n} for RTM_DELNEIGH as {@code ip neigh del [proxy] DST dev DEV} sends it: state
     * NUD_PERMANENT (ip's default), NTF_PROXY kept, the destination only.
     */
    public static void encodeDelete(MessageWriter w, Neighbour n) {
        writeHeader(w, n.family().number(), n.ifindex(), NeighbourState.NUD_PERMANENT,
                n.flags().bits() & NeighbourFlags.NTF_PROXY, 0);
        if (n.destination().isPresent()) {
            w.put(NDA_DST, n.destination().get());
        }
    }

    /** Decodes the current RTM_NEWNEIGH / RTM_DELNEIGH / RTM_GETNEIGH message. */
    public static Neighbour decode(MessageReader m) {
        m.requirePayload(Rtm.NDMSG_LEN, "struct ndmsg");
        ByteBuffer buf = m.buffer();
        int p = m.payloadOffset();
        int family = buf.get(p) & 0xff;
        int ifindex = buf.getInt(p + 4);
        int state = buf.getShort(p + 8) & 0xffff;
        int flags = buf.get(p + 10) & 0xff;
        int type = buf.get(p + 11) & 0xff;
        if (ifindex < 0) {
            throw new MalformedMessageException("negative ndm_ifindex " + ifindex, "ndmsg", p + 4, Hex.excerpt(buf, p + 4));
        }
        InetAddress dst = null;
        MacAddress lladdr = null;
        NeighbourCacheInfo cacheInfo = null;
        Integer probes = null;
        Integer vlan = null;
        Integer master = null;
        Integer protocol = null;
        List<RawAttribute> unknown = new ArrayList<>();
        AttrReader r = m.attributes(Rtm.NDMSG_LEN, NDA);
        while (r.next()) {
            int t = r.type();
            if (t == NDA_DST.type() && dst == null
                    && (isIp(family) || r.payloadLength() == 4 || r.payloadLength() == 16)) {
                dst = r.get(NDA_DST);
                int len = family == AddressFamily.INET.number() ? 4 : 16;
                if (isIp(family) && dst.getAddress().length != len) {
                    throw r.malformed("NDA_DST of " + dst.getAddress().length + " bytes in family " + family,
                            r.payloadOffset());
                }
            } else if (t == NDA_LLADDR.type() && lladdr == null) {
                lladdr = r.get(NDA_LLADDR);
            } else if (t == NDA_CACHEINFO.type() && cacheInfo == null) {
                cacheInfo = r.get(NDA_CACHEINFO);
            } else if (t == NDA_PROBES.type() && probes == null) {
                probes = r.u32();
            } else if (t == NDA_VLAN.type() && vlan == null) {
                vlan = r.get(NDA_VLAN);
            } else if (t == NDA_MASTER.type() && master == null) {
                master = r.u32();
            } else if (t == NDA_PROTOCOL.type() && protocol == null) {
                protocol = r.get(NDA_PROTOCOL);
            } else {
                unknown.add(r.raw());
            }
        }
        try {
            return new Neighbour(AddressFamily.of(family), ifindex, Optional.ofNullable(dst), Optional.ofNullable(lladdr),
                    NeighbourState.of(state), NeighbourFlags.of(flags), type, Optional.ofNullable(cacheInfo),
                    opt(probes), opt(vlan), opt(master), opt(protocol), unknown);
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException(e.getMessage(), "ndmsg", p, Hex.excerpt(buf, p));
        }
    }

    /** In the IP families NDA_DST must match the family; elsewhere (bridge FDB) an address of 4 or 16 bytes is read, anything else kept raw. */
    private static boolean isIp(int family) {
        return family == AddressFamily.INET.number() || family == AddressFamily.INET6.number();
    }

    private static OptionalInt opt(Integer v) {
        return v == null ? OptionalInt.empty() : OptionalInt.of(v);
    }

    /**
     * The ip words after {@code ip neigh add}: {@code [proxy] DST [lladdr LL] dev DEV [nud STATE]
     * [router] [extern_learn] [protocol P]} ({@code nud} only when not ip's default, permanent).
     */
    public static String args(Neighbour n, String dev) {
        StringBuilder sb = new StringBuilder();
        if (n.isProxy()) {
            sb.append("proxy ");
        }
        sb.append(n.destination().map(Inet::format).orElse("?"));
        n.lladdr().ifPresent(l -> sb.append(" lladdr ").append(l));
        sb.append(" dev ").append(dev);
        if (!n.state().equals(NeighbourState.PERMANENT)) {
            sb.append(" nud ").append(n.state());
        }
        if (n.flags().has(NeighbourFlags.NTF_ROUTER)) {
            sb.append(" router");
        }
        if (n.flags().has(NeighbourFlags.NTF_EXT_LEARNED)) {
            sb.append(" extern_learn");
        }
        n.protocol().ifPresent(p -> sb.append(" protocol ").append(p));
        return sb.toString();
    }

    /** The words of {@code ip neigh del}. */
    public static String deleteArgs(Neighbour n, String dev) {
        return (n.isProxy() ? "proxy " : "") + n.destination().map(Inet::format).orElse("?")
                + " dev " + dev;
    }
}
