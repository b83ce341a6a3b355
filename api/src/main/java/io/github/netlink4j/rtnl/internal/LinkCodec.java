package io.github.netlink4j.rtnl.internal;

import io.github.netlink4j.core.MalformedMessageException;
import io.github.netlink4j.core.wire.AttrReader;
import io.github.netlink4j.core.wire.Hex;
import io.github.netlink4j.core.wire.MessageReader;
import io.github.netlink4j.core.wire.MessageWriter;
import io.github.netlink4j.core.wire.RawAttribute;
import io.github.netlink4j.rtnl.AddressFamily;
import io.github.netlink4j.rtnl.Extensions;
import io.github.netlink4j.rtnl.Link;
import io.github.netlink4j.rtnl.LinkFlags;
import io.github.netlink4j.rtnl.LinkKind;
import io.github.netlink4j.rtnl.LinkKindCodec;
import io.github.netlink4j.rtnl.LinkSlaveInfo;
import io.github.netlink4j.rtnl.NetnsTarget;
import io.github.netlink4j.rtnl.OperState;
import io.github.netlink4j.rtnl.RawLinkKind;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.github.netlink4j.rtnl.internal.IflaSchema.*;

/**
 * Encodes and decodes {@link Link}: a struct ifinfomsg and its IFLA_* attributes.
 *
 * <pre>
 * struct ifinfomsg                  family, type, index, flags, change
 * IFLA_MTU .. IFLA_IFALIAS          in the order ip's iplink_parse adds them (argument order of
 *                                   {@link #addArgs})
 * IFLA_LINK                         ip adds it after the parsed arguments
 * IFLA_IFNAME
 * IFLA_LINKINFO
 *   IFLA_INFO_KIND                  "veth" (no NUL, as iproute2 writes it)
 *   IFLA_INFO_DATA                  the kind's attributes ({@link LinkKind#encodeData})
 *   IFLA_INFO_SLAVE_KIND / _DATA
 *   ...unknown children
 * ...unknown attributes
 * </pre>
 */
public final class LinkCodec {
    private LinkCodec() {
    }

    /** IFALIASZ (include/uapi/linux/if.h) less the NUL. */
    public static final int MAX_ALIAS_BYTES = 255;

    /** Checks an alias: at most 255 bytes, no NUL. */
    public static String checkAlias(String alias) {
        if (alias.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("alias must not contain NUL, was \"" + alias.replace("\0", "\\0") + "\"");
        }
        int n = alias.getBytes(StandardCharsets.UTF_8).length;
        if (n > MAX_ALIAS_BYTES) {
            throw new IllegalArgumentException("alias must be at most " + MAX_ALIAS_BYTES + " bytes, was " + n + " bytes");
        }
        return alias;
    }

    // --- encoding -------------------------------------------------------------------------------

    /** Writes struct ifinfomsg. */
    public static void writeHeader(MessageWriter w, int family, int type, int index, int flags, int change) {
        w.putU8(family).putU8(0).putU16(type).putU32(index).putU32(flags).putU32(change);
    }

    /** Writes the whole body of {@code l}: ifinfomsg, then the attributes (see the class comment). */
    public static void encode(MessageWriter w, Link l) {
        writeHeader(w, l.family().number(), l.hardwareType(), l.index(), l.flags().bits(), l.changeMask().bits());
        if (l.mtu().isPresent()) {
            w.putU32Attr(IFLA_MTU, l.mtu().getAsInt());
        }
        if (l.address().isPresent()) {
            w.put(IFLA_ADDRESS, l.address().get());
        }
        if (l.broadcast().isPresent()) {
            w.put(IFLA_BROADCAST, l.broadcast().get());
        }
        if (l.txqlen().isPresent()) {
            w.putU32Attr(IFLA_TXQLEN, l.txqlen().getAsInt());
        }
        if (l.operState().isPresent()) {
            RtCodecs.putU8(w, IFLA_OPERSTATE, l.operState().get().number());
        }
        if (l.master().isPresent()) {
            w.putU32Attr(IFLA_MASTER, l.master().getAsInt());
        }
        if (l.netns().isPresent()) {
            writeNetns(w, l.netns().get());
        }
        if (l.linkNetnsId().isPresent()) {
            w.putU32Attr(IFLA_LINK_NETNSID, l.linkNetnsId().getAsInt());
        }
        if (l.alias().isPresent()) {
            w.put(IFLA_IFALIAS, l.alias().get());
        }
        if (l.link().isPresent()) {
            w.putU32Attr(IFLA_LINK, l.link().getAsInt());
        }
        w.put(IFLA_IFNAME, l.name());
        if (l.kind().isPresent() || l.slave().isPresent() || !l.unknownLinkInfo().isEmpty()) {
            int info = w.beginNested(IFLA_LINKINFO);
            if (l.kind().isPresent()) {
                writeKind(w, l.kind().get());
            }
            if (l.slave().isPresent()) {
                LinkSlaveInfo s = l.slave().get();
                w.put(IFLA_INFO_SLAVE_KIND, s.kind());
                if (s.data().isPresent()) {
                    int d = w.beginNested(IFLA_INFO_SLAVE_DATA);
                    RtCodecs.putAll(w, s.data().get());
                    w.endNested(d);
                }
            }
            RtCodecs.putAll(w, l.unknownLinkInfo());
            w.endNested(info);
        }
        RtCodecs.putAll(w, l.unknown());
    }

    /** IFLA_INFO_KIND and, when the kind has data, IFLA_INFO_DATA. */
    public static void writeKind(MessageWriter w, LinkKind k) {
        w.put(IFLA_INFO_KIND, k.kind());
        if (k.hasData()) {
            int d = w.beginNested(IFLA_INFO_DATA);
            k.encodeData(w);
            w.endNested(d);
        }
    }

    /** IFLA_NET_NS_FD or IFLA_NET_NS_PID. */
    public static void writeNetns(MessageWriter w, NetnsTarget n) {
        if (n instanceof NetnsTarget.Fd fd) {
            w.putU32Attr(IFLA_NET_NS_FD, fd.ns().fd());
        } else if (n instanceof NetnsTarget.Pid pid) {
            w.putU32Attr(IFLA_NET_NS_PID, pid.pid());
        }
    }

    // --- decoding -------------------------------------------------------------------------------

    /** Decodes the current message (RTM_NEWLINK / RTM_DELLINK). */
    public static Link decode(MessageReader m) {
        m.requirePayload(Rtm.IFINFOMSG_LEN, "struct ifinfomsg");
        return decode(m.buffer(), m.payloadOffset(), m.end());
    }

    /**
     * Decodes a struct ifinfomsg at {@code start} and the attributes after it up to {@code end}
     * (a message body, or the payload of VETH_INFO_PEER).
     *
     * @throws MalformedMessageException when the bytes do not hold a link
     */
    public static Link decode(ByteBuffer buf, int start, int end) {
        if (end - start < Rtm.IFINFOMSG_LEN) {
            throw new MalformedMessageException("struct ifinfomsg needs 16 bytes, have " + (end - start), "ifinfomsg",
                    start, Hex.excerpt(buf, Math.min(start, buf.limit() - 1)));
        }
        int family = buf.get(start) & 0xff;
        int type = buf.getShort(start + 2) & 0xffff;
        int index = buf.getInt(start + 4);
        int flags = buf.getInt(start + 8);
        int change = buf.getInt(start + 12);
        if (index < 0) {
            throw new MalformedMessageException("negative ifi_index " + index, "ifinfomsg", start + 4,
                    Hex.excerpt(buf, start + 4));
        }
        // The builder needs the name first.
        String name = null;
        AttrReader r = new AttrReader(buf, start + Rtm.IFINFOMSG_LEN, end, IFLA);
        while (r.next()) {
            if (r.type() == IFLA_IFNAME.type() && name == null) {
                name = r.get(IFLA_IFNAME);
            }
        }
        if (name == null) {
            throw new MalformedMessageException("link without IFLA_IFNAME", "ifinfomsg", start,
                    Hex.excerpt(buf, start));
        }
        Link.Builder b;
        try {
            b = Link.builder(name);
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException("IFLA_IFNAME: " + e.getMessage(), "IFLA_IFNAME", start,
                    Hex.excerpt(buf, start));
        }
        b.family(AddressFamily.of(family)).index(index).hardwareType(type)
                .flags(LinkFlags.of(flags)).changeMask(LinkFlags.of(change));
        r = new AttrReader(buf, start + Rtm.IFINFOMSG_LEN, end, IFLA);
        boolean seenName = false;
        while (r.next()) {
            int t = r.type();
            try {
                if (t == IFLA_IFNAME.type()) {
                    if (seenName) {
                        b.addUnknown(r.raw());
                    }
                    seenName = true;
                } else if (t == IFLA_MTU.type()) {
                    b.mtu(positive(r, r.u32()));
                } else if (t == IFLA_ADDRESS.type()) {
                    b.address(r.get(IFLA_ADDRESS));
                } else if (t == IFLA_BROADCAST.type()) {
                    b.broadcast(r.get(IFLA_BROADCAST));
                } else if (t == IFLA_TXQLEN.type()) {
                    b.txqlen(nonNegative(r, r.u32()));
                } else if (t == IFLA_OPERSTATE.type()) {
                    b.operState(OperState.of(r.get(IFLA_OPERSTATE)));
                } else if (t == IFLA_MASTER.type()) {
                    b.master(nonNegative(r, r.u32()));
                } else if (t == IFLA_LINK.type()) {
                    b.link(nonNegative(r, r.u32()));
                } else if (t == IFLA_LINK_NETNSID.type()) {
                    b.linkNetnsId(r.get(IFLA_LINK_NETNSID));
                } else if (t == IFLA_IFALIAS.type()) {
                    b.alias(r.get(IFLA_IFALIAS));
                } else if (t == IFLA_LINKINFO.type()) {
                    decodeLinkInfo(r, b);
                } else {
                    b.addUnknown(r.raw());
                }
            } catch (IllegalArgumentException e) {
                throw r.malformed(e.getMessage(), r.payloadOffset());
            }
        }
        return b.build();
    }

    private static int positive(AttrReader r, int v) {
        if (v < 1) {
            throw r.malformed(r.name() + " " + Integer.toUnsignedString(v) + " is not a valid value (1..2^31-1)",
                    r.payloadOffset());
        }
        return v;
    }

    private static int nonNegative(AttrReader r, int v) {
        if (v < 0) {
            throw r.malformed(r.name() + " " + Integer.toUnsignedString(v) + " is out of range (0..2^31-1)",
                    r.payloadOffset());
        }
        return v;
    }

    //   IFLA_LINKINFO
    //     IFLA_INFO_KIND         string
    //     IFLA_INFO_DATA         by kind, through Extensions
    //     IFLA_INFO_XSTATS       kept raw (unknownLinkInfo)
    //     IFLA_INFO_SLAVE_KIND   string
    //     IFLA_INFO_SLAVE_DATA   kept raw
    private static void decodeLinkInfo(AttrReader outer, Link.Builder b) {
        String kind = null;
        String slaveKind = null;
        boolean hasData = false;
        List<RawAttribute> slaveData = null;
        AttrReader r = outer.nested(LINKINFO);
        while (r.next()) {
            int t = r.type();
            if (t == IFLA_INFO_KIND.type()) {
                kind = r.get(IFLA_INFO_KIND);
            } else if (t == IFLA_INFO_DATA.type()) {
                hasData = true;
            } else if (t == IFLA_INFO_SLAVE_KIND.type()) {
                slaveKind = r.get(IFLA_INFO_SLAVE_KIND);
            } else if (t == IFLA_INFO_SLAVE_DATA.type()) {
                slaveData = rawList(r.nested());
            } else {
                b.addUnknownLinkInfo(r.raw());
            }
        }
        if (slaveKind != null) {
            b.slave(new LinkSlaveInfo(slaveKind, Optional.ofNullable(slaveData)));
        } else if (slaveData != null) {
            throw outer.malformed("IFLA_INFO_SLAVE_DATA without IFLA_INFO_SLAVE_KIND", outer.payloadOffset());
        }
        if (kind == null) {
            if (hasData) {
                throw outer.malformed("IFLA_INFO_DATA without IFLA_INFO_KIND", outer.payloadOffset());
            }
            return;
        }
        Optional<LinkKindCodec> codec = Extensions.linkKind(kind);
        AttrReader data = null;
        if (hasData) {
            r = outer.nested(LINKINFO);
            while (r.next()) {
                if (r.type() == IFLA_INFO_DATA.type()) {
                    data = r.nested(codec.map(LinkKindCodec::dataSchema)
                            .orElse(io.github.netlink4j.core.wire.AttrSchema.OPAQUE));
                }
            }
        }
        LinkKind k;
        if (codec.isPresent()) {
            try {
                k = codec.get().decode(data);
            } catch (MalformedMessageException e) {
                throw e;
            } catch (RuntimeException e) {
                throw outer.malformed("IFLA_INFO_DATA of kind " + kind + ": " + e.getMessage(), outer.payloadOffset());
            }
        } else {
            k = new RawLinkKind(kind, data == null ? Optional.empty() : Optional.of(rawList(data)));
        }
        b.kind(k);
    }

    /** Every attribute of a nested reader, raw. */
    public static List<RawAttribute> rawList(AttrReader r) {
        List<RawAttribute> out = new ArrayList<>();
        while (r.next()) {
            out.add(r.raw());
        }
        return out;
    }

    // --- ip arguments ---------------------------------------------------------------------------

    /**
     * The ip arguments that create {@code l}: {@code NAME [link L] [index N] [up] [mtu M] [address A]
     * [broadcast B] [txqueuelen Q] [state S] [master M] [netns N] [link-netnsid N] [alias A] [type ...]}.
     *
     * @param linkName   the name of {@link Link#link()} when known (else {@code ifN})
     * @param masterName the name of {@link Link#master()} when known
     */
    public static String addArgs(Link l, String linkName, String masterName) {
        StringBuilder sb = new StringBuilder(l.name());
        if (l.link().isPresent()) {
            sb.append(" link ").append(linkName != null ? linkName : "if" + l.link().getAsInt());
        }
        if (l.index() != 0) {
            sb.append(" index ").append(l.index());
        }
        appendFlagWords(sb, l.flags(), l.changeMask());
        appendAttrs(sb, l, masterName);
        l.kind().ifPresent(k -> sb.append(' ').append(k.toIpArgs()));
        return sb.toString();
    }

    private static void appendAttrs(StringBuilder sb, Link l, String masterName) {
        l.mtu().ifPresent(v -> sb.append(" mtu ").append(v));
        l.address().ifPresent(a -> sb.append(" address ").append(a));
        l.broadcast().ifPresent(a -> sb.append(" broadcast ").append(a));
        l.txqlen().ifPresent(v -> sb.append(" txqueuelen ").append(v));
        l.operState().ifPresent(s -> sb.append(" state ").append(s));
        l.master().ifPresent(m -> sb.append(m == 0 ? " nomaster"
                : " master " + (masterName != null ? masterName : "if" + m)));
        l.netns().ifPresent(n -> sb.append(" netns ").append(n));
        l.linkNetnsId().ifPresent(v -> sb.append(" link-netnsid ").append(v));
        l.alias().ifPresent(a -> sb.append(" alias ").append(quote(a)));
    }

    /** ip's words for the IFF_* bits in {@code change}: up/down, arp on/off, promisc on/off... */
    public static void appendFlagWords(StringBuilder sb, LinkFlags flags, LinkFlags change) {
        int c = change.bits();
        if ((c & LinkFlags.IFF_UP) != 0) {
            sb.append(flags.has(LinkFlags.IFF_UP) ? " up" : " down");
        }
        onOff(sb, c, flags, LinkFlags.IFF_MULTICAST, "multicast", false);
        onOff(sb, c, flags, LinkFlags.IFF_ALLMULTI, "allmulticast", false);
        onOff(sb, c, flags, LinkFlags.IFF_PROMISC, "promisc", false);
        onOff(sb, c, flags, LinkFlags.IFF_NOTRAILERS, "trailers", true);
        onOff(sb, c, flags, LinkFlags.IFF_NOARP, "arp", true);
        onOff(sb, c, flags, LinkFlags.IFF_DYNAMIC, "dynamic", false);
    }

    private static void onOff(StringBuilder sb, int change, LinkFlags flags, int bit, String word, boolean inverted) {
        if ((change & bit) != 0) {
            boolean set = flags.has(bit);
            sb.append(' ').append(word).append(set != inverted ? " on" : " off");
        }
    }

    /** A word as a shell would need it: quoted when it has spaces or quotes. */
    public static String quote(String s) {
        if (!s.isEmpty() && s.chars().noneMatch(ch -> Character.isWhitespace(ch) || ch == '"' || ch == '\''
                || ch == '\\' || ch == '$' || ch == '`')) {
            return s;
        }
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
