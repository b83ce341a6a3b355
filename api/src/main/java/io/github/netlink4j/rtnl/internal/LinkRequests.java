package io.github.netlink4j.rtnl.internal;

import io.github.netlink4j.core.MalformedMessageException;
import io.github.netlink4j.core.NetlinkRequest;
import io.github.netlink4j.core.wire.AttrReader;
import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.MessageReader;
import io.github.netlink4j.core.wire.MessageWriter;
import io.github.netlink4j.core.wire.Nlmsg;
import io.github.netlink4j.rtnl.Link;
import io.github.netlink4j.rtnl.LinkChange;
import io.github.netlink4j.rtnl.LinkFilter;
import io.github.netlink4j.rtnl.LinkKind;
import io.github.netlink4j.rtnl.LinkRef;
import io.github.netlink4j.rtnl.LinkStats;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import static io.github.netlink4j.rtnl.internal.IflaSchema.*;

/**
 * The link requests, byte for byte as iproute2 6.1 sends them (apart from NLA_F_NESTED, which this
 * library sets on every nest). Names are resolved to indexes by the caller beforehand.
 */
public final class LinkRequests {
    private LinkRequests() {
    }

    /** The IFLA_EXT_MASK iproute2's name resolver sends: RTEXT_FILTER_VF | RTEXT_FILTER_SKIP_STATS. */
    public static final int EXT_MASK = Rtm.RTEXT_FILTER_VF | Rtm.RTEXT_FILTER_SKIP_STATS;

    private static AttrSchema schemaWith(java.util.Optional<LinkKind> kind) {
        return kind.map(k -> IflaSchema.withKindData(k.dataSchema())).orElse(IFLA);
    }

    /**
     * {@code ip link add}: RTM_NEWLINK with NLM_F_CREATE | NLM_F_EXCL.
     *
     * @param linkName   the name of the link's IFLA_LINK device, for toString (null: {@code ifN})
     * @param masterName the name of its IFLA_MASTER device, for toString
     */
    public static NetlinkRequest add(Link link, String linkName, String masterName) {
        Objects.requireNonNull(link, "link");
        return new NetlinkRequest() {
            @Override
            public int type() {
                return Rtm.RTM_NEWLINK;
            }

            @Override
            public int flags() {
                return Nlmsg.NLM_F_CREATE | Nlmsg.NLM_F_EXCL;
            }

            @Override
            public void encode(MessageWriter w) {
                LinkCodec.encode(w, link);
            }

            @Override
            public String operation() {
                return "RTM_NEWLINK";
            }

            @Override
            public int headerLength() {
                return Rtm.IFINFOMSG_LEN;
            }

            @Override
            public AttrSchema schema() {
                return schemaWith(link.kind());
            }

            @Override
            public String toString() {
                return "ip link add " + LinkCodec.addArgs(link, linkName, masterName);
            }
        };
    }

    /**
     * {@code ip link set dev DEV ...}: RTM_NEWLINK with no modifier flags.
     *
     * <pre>
     * struct ifinfomsg      family 0, index = ifindex, flags/change from up/down...
     * IFLA_MTU, IFLA_ADDRESS, IFLA_BROADCAST, IFLA_TXQLEN, IFLA_MASTER, IFLA_NET_NS_FD|PID, IFLA_IFALIAS
     * IFLA_IFNAME           a new name (ip adds it after the parsed arguments)
     * IFLA_LINKINFO         IFLA_INFO_KIND, IFLA_INFO_DATA ({@code type KIND ...})
     * extra attributes
     * </pre>
     *
     * @param ifindex     the device's index (resolved from {@code change.device()})
     * @param masterIndex the master's index when {@code change.master()} is set (0 = nomaster)
     */
    public static NetlinkRequest set(LinkChange change, int ifindex, int masterIndex) {
        Objects.requireNonNull(change, "change");
        return new NetlinkRequest() {
            @Override
            public int type() {
                return Rtm.RTM_NEWLINK;
            }

            @Override
            public int flags() {
                return 0;
            }

            @Override
            public void encode(MessageWriter w) {
                LinkCodec.writeHeader(w, 0, 0, ifindex, change.flags().bits(), change.changeMask().bits());
                if (change.mtu().isPresent()) {
                    w.putU32Attr(IFLA_MTU, change.mtu().getAsInt());
                }
                if (change.address().isPresent()) {
                    w.put(IFLA_ADDRESS, change.address().get());
                }
                if (change.broadcast().isPresent()) {
                    w.put(IFLA_BROADCAST, change.broadcast().get());
                }
                if (change.txqlen().isPresent()) {
                    w.putU32Attr(IFLA_TXQLEN, change.txqlen().getAsInt());
                }
                if (change.master().isPresent()) {
                    w.putU32Attr(IFLA_MASTER, masterIndex);
                }
                if (change.netns().isPresent()) {
                    LinkCodec.writeNetns(w, change.netns().get());
                }
                if (change.alias().isPresent()) {
                    w.put(IFLA_IFALIAS, change.alias().get());
                }
                if (change.name().isPresent()) {
                    w.put(IFLA_IFNAME, change.name().get());
                }
                if (change.kind().isPresent()) {
                    int info = w.beginNested(IFLA_LINKINFO);
                    LinkCodec.writeKind(w, change.kind().get());
                    w.endNested(info);
                }
                RtCodecs.putAll(w, change.extra());
            }

            @Override
            public String operation() {
                return "RTM_NEWLINK";
            }

            @Override
            public int headerLength() {
                return Rtm.IFINFOMSG_LEN;
            }

            @Override
            public AttrSchema schema() {
                return schemaWith(change.kind());
            }

            @Override
            public String toString() {
                StringBuilder sb = new StringBuilder("ip link set dev ").append(change.device());
                LinkCodec.appendFlagWords(sb, change.flags(), change.changeMask());
                change.mtu().ifPresent(v -> sb.append(" mtu ").append(v));
                change.address().ifPresent(a -> sb.append(" address ").append(a));
                change.broadcast().ifPresent(a -> sb.append(" broadcast ").append(a));
                change.txqlen().ifPresent(v -> sb.append(" txqueuelen ").append(v));
                change.master().ifPresent(m -> sb.append(m instanceof LinkRef.ByIndex i && i.index() == 0
                        ? " nomaster" : " master " + m));
                change.netns().ifPresent(n -> sb.append(" netns ").append(n));
                change.name().ifPresent(n -> sb.append(" name ").append(n));
                change.alias().ifPresent(a -> sb.append(" alias ").append(LinkCodec.quote(a)));
                change.kind().ifPresent(k -> sb.append(' ').append(k.toIpArgs()));
                return sb.toString();
            }
        };
    }

    /** {@code ip link del dev DEV}: RTM_DELLINK with the device's index. */
    public static NetlinkRequest delete(LinkRef device, int ifindex) {
        return new NetlinkRequest() {
            @Override
            public int type() {
                return Rtm.RTM_DELLINK;
            }

            @Override
            public int flags() {
                return 0;
            }

            @Override
            public void encode(MessageWriter w) {
                LinkCodec.writeHeader(w, 0, 0, ifindex, 0, 0);
            }

            @Override
            public String operation() {
                return "RTM_DELLINK";
            }

            @Override
            public int headerLength() {
                return Rtm.IFINFOMSG_LEN;
            }

            @Override
            public AttrSchema schema() {
                return IFLA;
            }

            @Override
            public String toString() {
                return "ip link del dev " + device;
            }
        };
    }

    /**
     * The counters in an RTM_NEWLINK reply (IFLA_STATS64, which the kernel always reports:
     * RTEXT_FILTER_SKIP_STATS only leaves out the statistics of SR-IOV virtual functions), or null for
     * another message.
     *
     * @throws io.github.netlink4j.core.MalformedMessageException when the reply has no IFLA_STATS64 or a
     *                                                            shorter one than {@link LinkStats#MODELLED_BYTES}
     */
    public static LinkStats decodeStats(MessageReader m) {
        if (m.type() != Rtm.RTM_NEWLINK) {
            return null;
        }
        AttrReader r = m.attributes(Rtm.IFINFOMSG_LEN, IFLA);
        while (r.next()) {
            if (r.type() != IFLA_STATS64.type()) {
                continue;
            }
            if (r.payloadLength() < LinkStats.MODELLED_BYTES) {
                throw r.malformed("IFLA_STATS64 of " + r.payloadLength() + " bytes, expected at least "
                        + LinkStats.MODELLED_BYTES, r.payloadOffset());
            }
            ByteBuffer b = r.buffer();
            int o = r.payloadOffset();
            return new LinkStats(b.getLong(o), b.getLong(o + 8), b.getLong(o + 16), b.getLong(o + 24),
                    b.getLong(o + 32), b.getLong(o + 40), b.getLong(o + 48), b.getLong(o + 56),
                    b.getLong(o + 64), b.getLong(o + 72));
        }
        throw new MalformedMessageException("link reply without IFLA_STATS64", "ifinfomsg", m.payloadOffset(), "");
    }

    /** The ifindex in an RTM_NEWLINK reply (struct ifinfomsg.ifi_index), or null for another message. */
    public static Integer decodeIndex(MessageReader m) {
        if (m.type() != Rtm.RTM_NEWLINK) {
            return null;
        }
        m.requirePayload(Rtm.IFINFOMSG_LEN, "struct ifinfomsg");
        return m.buffer().getInt(m.payloadOffset() + 4);
    }

    /**
     * {@code ip link show dev DEV}: RTM_GETLINK for one device, as iproute2's name resolver asks:
     * IFLA_EXT_MASK, then IFLA_IFNAME (IFLA_ALT_IFNAME for a name over 15 bytes), or the index in the
     * header.
     */
    public static NetlinkRequest get(LinkRef device) {
        return new NetlinkRequest() {
            @Override
            public int type() {
                return Rtm.RTM_GETLINK;
            }

            @Override
            public int flags() {
                return 0;
            }

            @Override
            public void encode(MessageWriter w) {
                if (device instanceof LinkRef.ByIndex i) {
                    LinkCodec.writeHeader(w, 0, 0, i.index(), 0, 0);
                    w.putU32Attr(IFLA_EXT_MASK, EXT_MASK);
                } else {
                    String name = ((LinkRef.ByName) device).name();
                    LinkCodec.writeHeader(w, 0, 0, 0, 0, 0);
                    w.putU32Attr(IFLA_EXT_MASK, EXT_MASK);
                    boolean alt = name.getBytes(StandardCharsets.UTF_8).length > Link.MAX_NAME_BYTES;
                    w.put(alt ? IFLA_ALT_IFNAME : IFLA_IFNAME, name);
                }
            }

            @Override
            public String operation() {
                return "RTM_GETLINK";
            }

            @Override
            public int headerLength() {
                return Rtm.IFINFOMSG_LEN;
            }

            @Override
            public AttrSchema schema() {
                return IFLA;
            }

            @Override
            public String toString() {
                return "ip link show dev " + device;
            }
        };
    }

    /**
     * {@code ip link show [type KIND] [master DEV]}: an RTM_GETLINK dump, family AF_PACKET as ip sends
     * it, statistics skipped, kernel-side filters IFLA_MASTER and IFLA_LINKINFO > IFLA_INFO_KIND.
     *
     * @param masterIndex the resolved master when the filter has one
     */
    public static NetlinkRequest dump(LinkFilter filter, int masterIndex) {
        return new NetlinkRequest() {
            @Override
            public int type() {
                return Rtm.RTM_GETLINK;
            }

            @Override
            public int flags() {
                return Nlmsg.NLM_F_DUMP;
            }

            @Override
            public void encode(MessageWriter w) {
                LinkCodec.writeHeader(w, Rtm.AF_PACKET, 0, 0, 0, 0);
                w.putU32Attr(IFLA_EXT_MASK, EXT_MASK);
                if (filter.master().isPresent()) {
                    w.putU32Attr(IFLA_MASTER, masterIndex);
                }
                filter.kind().ifPresent(k -> {
                    int info = w.beginNested(IFLA_LINKINFO);
                    w.put(IFLA_INFO_KIND, k);
                    w.endNested(info);
                });
            }

            @Override
            public String operation() {
                return "RTM_GETLINK";
            }

            @Override
            public int headerLength() {
                return Rtm.IFINFOMSG_LEN;
            }

            @Override
            public AttrSchema schema() {
                return IFLA;
            }

            @Override
            public String toString() {
                StringBuilder sb = new StringBuilder("ip link show");
                filter.kind().ifPresent(k -> sb.append(" type ").append(k));
                filter.master().ifPresent(m -> sb.append(" master ").append(m));
                return sb.toString();
            }
        };
    }
}
