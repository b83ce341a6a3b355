package io.github.netlink4j.rtnl.internal;

import io.github.netlink4j.core.MalformedMessageException;
import io.github.netlink4j.core.wire.AttrReader;
import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.ByteString;
import io.github.netlink4j.core.wire.Hex;
import io.github.netlink4j.core.wire.MessageReader;
import io.github.netlink4j.core.wire.MessageWriter;
import io.github.netlink4j.core.wire.Nlmsg;
import io.github.netlink4j.core.wire.RawAttribute;
import io.github.netlink4j.rtnl.AddressFamily;
import io.github.netlink4j.rtnl.Extensions;
import io.github.netlink4j.rtnl.Inet;
import io.github.netlink4j.rtnl.InetPrefix;
import io.github.netlink4j.rtnl.RawRouteEncap;
import io.github.netlink4j.rtnl.Route;
import io.github.netlink4j.rtnl.RouteEncap;
import io.github.netlink4j.rtnl.RouteEncapCodec;
import io.github.netlink4j.rtnl.RouteHop;
import io.github.netlink4j.rtnl.RouteMetrics;
import io.github.netlink4j.rtnl.RouteProtocol;
import io.github.netlink4j.rtnl.RouteScope;
import io.github.netlink4j.rtnl.RouteType;
import io.github.netlink4j.rtnl.RouteVerb;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

import static io.github.netlink4j.rtnl.internal.RouteSchemas.*;

/**
 * struct rtmsg and its attributes, both ways. Attribute order follows iproute2 for the same
 * command line, so requests match its bytes:
 *
 * <pre>
 * rtmsg
 * RTA_DST, RTA_SRC, RTA_GATEWAY | RTA_VIA, RTA_TABLE (ids above 255), RTA_PRIORITY, RTA_PREFSRC,
 * RTA_ENCAP (NLA_F_NESTED) + RTA_ENCAP_TYPE, RTA_NH_ID, RTA_MULTIPATH, RTA_OIF, RTA_METRICS, unknown...
 * </pre>
 */
public final class RouteCodec {
    private RouteCodec() {
    }

    /**
     * How a route is written: {@code NEW} for add/replace/append/change requests (absent fields take
     * iproute2's defaults; the state flags the kernel reports, RTNH_F_DEAD and RTNH_F_LINKDOWN, which
     * it refuses in requests, are left out), {@code DELETE} (absent fields match any), {@code AS_IS}
     * (as NEW, every flag kept: notifications, round trips).
     */
    public enum Verb { NEW, DELETE, AS_IS }

    /** rtm_flags / rtnh_flags the kernel sets and refuses to be given: RTNH_F_DEAD | RTNH_F_LINKDOWN. */
    static final int KERNEL_STATE_FLAGS = RTNH_F_DEAD | RTNH_F_LINKDOWN;

    /** The schema a request uses to name attributes, with RTA_ENCAP resolved to the encap's own. */
    public static AttrSchema schemaFor(Route r) {
        return r.encap().map(e -> RTA.withNested(RTA_ENCAP, e.schema())).orElse(RTA);
    }

    /**
     * Writes struct rtmsg and the attributes of {@code r}; {@code oif} (and each hop's) must be
     * resolved already. Nothing is allocated beyond what the addresses themselves copy.
     */
    public static void encode(MessageWriter w, Route r, Verb verb) {
        AddressFamily family = r.family();
        boolean del = verb == Verb.DELETE;
        // struct rtmsg { family, dst_len, src_len, tos, table, protocol, scope, type; u32 flags }
        w.putU8(family.number());
        w.putU8(r.dst().length());
        w.putU8(r.src().isPresent() ? r.src().get().length() : 0);
        w.putU8(r.tos());
        w.putU8(Integer.compareUnsigned(r.table(), 256) < 0 ? r.table() : RT_TABLE_UNSPEC);
        w.putU8(r.protocol().isPresent() ? r.protocol().get().number() : del ? 0 : RouteProtocol.BOOT.number());
        w.putU8(r.effectiveScope(del ? RouteVerb.DELETE : RouteVerb.ADD).number());
        w.putU8(r.type().isPresent() ? r.type().get().number() : del ? RouteType.UNSPEC.number() : RouteType.UNICAST.number());
        int keep = verb == Verb.NEW ? ~KERNEL_STATE_FLAGS : ~0;
        w.putU32(r.flags() & keep);
        if (r.dst().length() > 0) {
            w.put(RTA_DST, r.dst().address());
        }
        if (r.src().isPresent()) {
            w.put(RTA_SRC, r.src().get().address());
        }
        // with RTA_NH_ID the nexthop object says it all: the kernel refuses a gateway, device, paths
        // or encap beside it (decoded routes carry them as reported, net.ipv4.nexthop_compat_mode)
        boolean direct = r.nhid().isEmpty();
        if (direct && r.gateway().isPresent()) {
            putGateway(w, family, r.gateway().get());
        }
        if (Integer.compareUnsigned(r.table(), 256) >= 0) {
            w.putU32Attr(RTA_TABLE, r.table());
        }
        if (r.priority().isPresent()) {
            w.putU32Attr(RTA_PRIORITY, r.priority().getAsInt());
        }
        if (r.prefsrc().isPresent()) {
            w.put(RTA_PREFSRC, r.prefsrc().get());
        }
        if (direct && r.encap().isPresent()) {
            putEncap(w, r.encap().get());
        }
        if (r.nhid().isPresent()) {
            w.putU32Attr(RTA_NH_ID, r.nhid().getAsInt());
        }
        if (direct && !r.nexthops().isEmpty()) {
            putMultipath(w, family, r.nexthops(), keep);
        }
        if (direct && r.oif().isPresent()) {
            w.putU32Attr(RTA_OIF, r.oif().getAsInt());
        }
        if (!r.metrics().isEmpty()) {
            putMetrics(w, r.metrics());
        }
        RtCodecs.putAll(w, r.unknown());
    }

    /** RTA_GATEWAY, or RTA_VIA when the gateway is of the other family. */
    static void putGateway(MessageWriter w, AddressFamily family, InetAddress g) {
        AddressFamily gf = AddressFamily.of(g);
        if (gf.equals(family)) {
            w.put(RTA_GATEWAY, g);
        } else {
            // struct rtvia { __kernel_sa_family_t rtvia_family; __u8 rtvia_addr[0]; }
            int s = w.beginAttribute(RTA_VIA.type());
            w.putU16(gf.number());
            w.putAddress(g);
            w.endNested(s);
        }
    }

    /**
     * <pre>
     * RTA_ENCAP (NLA_F_NESTED)
     *   ...the encap's attributes
     * RTA_ENCAP_TYPE u16
     * </pre>
     */
    static void putEncap(MessageWriter w, RouteEncap e) {
        int s = w.beginNested(RTA_ENCAP);
        e.encode(w);
        w.endNested(s);
        RtCodecs.putU16(w, RTA_ENCAP_TYPE, e.encapType());
    }

    /**
     * RTA_METRICS carries RTAX_* u32 attributes. As iproute2 writes it, without NLA_F_NESTED:
     * <pre>
     * RTA_METRICS
     *   RTAX_MTU 1400 ... (ascending)
     *   other RTAX_* kept raw (RTAX_CC_ALGO)
     *   RTAX_LOCK bitmask (last)
     * </pre>
     */
    static void putMetrics(MessageWriter w, RouteMetrics m) {
        int s = w.beginAttribute(RTA_METRICS.type());
        for (Map.Entry<Integer, Integer> e : m.values().entrySet()) {
            w.putU16(8).putU16(e.getKey()).putU32(e.getValue());
        }
        RtCodecs.putAll(w, m.other());
        if (m.locked() != 0) {
            w.putU32Attr(RTAX_LOCK, m.locked());
        }
        w.endNested(s);
    }

    /**
     * RTA_MULTIPATH holds structs, not attributes (no NLA_F_NESTED):
     * <pre>
     * RTA_MULTIPATH
     *   struct rtnexthop { u16 rtnh_len; u8 rtnh_flags; u8 rtnh_hops (weight - 1); s32 rtnh_ifindex; }
     *     RTA_GATEWAY | RTA_VIA
     *     RTA_ENCAP (NLA_F_NESTED)
     *     RTA_ENCAP_TYPE
     *   struct rtnexthop ...
     * </pre>
     */
    static void putMultipath(MessageWriter w, AddressFamily family, List<RouteHop> hops, int keepFlags) {
        int s = w.beginAttribute(RTA_MULTIPATH.type());
        for (int i = 0, n = hops.size(); i < n; i++) {
            RouteHop h = hops.get(i);
            int start = w.position();
            w.putU16(0).putU8(h.flags() & keepFlags).putU8(h.weight() - 1).putU32(h.oif().isPresent() ? h.oif().getAsInt() : 0);
            if (h.gateway().isPresent()) {
                putGateway(w, family, h.gateway().get());
            }
            if (h.encap().isPresent()) {
                putEncap(w, h.encap().get());
            }
            RtCodecs.putAll(w, h.unknown());
            w.buffer().putShort(start, (short) (w.position() - start));
        }
        w.endNested(s);
    }

    // --- decoding --------------------------------------------------------------------------------

    /** Decodes an RTM_NEWROUTE / RTM_DELROUTE message. */
    public static Route decode(MessageReader m) {
        try {
            return decodeUnchecked(m);
        } catch (IllegalArgumentException e) {
            // a value the records refuse (a prefix of the wrong family, a weight out of range...)
            throw new io.github.netlink4j.core.MalformedMessageException(e.getMessage(), "", m.payloadOffset(),
                    io.github.netlink4j.core.wire.Hex.excerpt(m.buffer(), m.payloadOffset()));
        }
    }

    private static Route decodeUnchecked(MessageReader m) {
        m.requirePayload(RTMSG_LEN, "struct rtmsg");
        ByteBuffer b = m.buffer();
        int p = m.payloadOffset();
        AddressFamily family = AddressFamily.of(b.get(p) & 0xff);
        if (!family.equals(AddressFamily.INET) && !family.equals(AddressFamily.INET6)) {
            throw new MalformedMessageException("route family " + family.number() + " is neither AF_INET nor AF_INET6",
                    "rtmsg", p, Hex.excerpt(b, p));
        }
        int dstLen = b.get(p + 1) & 0xff;
        int srcLen = b.get(p + 2) & 0xff;
        int tos = b.get(p + 3) & 0xff;
        int table = b.get(p + 4) & 0xff;
        Optional<RouteProtocol> protocol = protocolOf(b.get(p + 5) & 0xff);
        Optional<RouteScope> scope = scopeOf(b.get(p + 6) & 0xff);
        Optional<RouteType> type = typeOf(b.get(p + 7) & 0xff);
        int flags = b.getInt(p + 8);
        int max = family.equals(AddressFamily.INET) ? 32 : 128;
        if (dstLen > max || srcLen > max) {
            throw new MalformedMessageException("prefix length " + Math.max(dstLen, srcLen) + " above " + max,
                    "rtmsg", p + 1, Hex.excerpt(b, p + 1));
        }
        InetAddress dst = null;
        InetAddress src = null;
        Optional<InetAddress> gateway = Optional.empty();
        OptionalInt oif = OptionalInt.empty();
        Optional<InetAddress> prefsrc = Optional.empty();
        OptionalInt priority = OptionalInt.empty();
        RouteMetrics metrics = RouteMetrics.NONE;
        List<RouteHop> hops = List.of();
        OptionalInt nhid = OptionalInt.empty();
        int encapType = -1;
        int encapAt = -1;
        List<RawAttribute> unknown = null; // most routes have none: made on the first
        AttrReader r = m.attributes(RTMSG_LEN, RTA);
        while (r.next()) {
            switch (r.type()) {
                case 1 -> dst = addr(r, family);                    // RTA_DST
                case 2 -> src = addr(r, family);                    // RTA_SRC
                case 4 -> oif = smallInt(r.u32());                  // RTA_OIF
                case 5 -> gateway = Optional.of(addr(r, family));   // RTA_GATEWAY
                case 6 -> priority = smallInt(r.u32());             // RTA_PRIORITY
                case 7 -> prefsrc = Optional.of(addr(r, family));   // RTA_PREFSRC
                case 8 -> metrics = decodeMetrics(r.nested(RTAX));  // RTA_METRICS
                case 9 -> hops = decodeMultipath(r, family);        // RTA_MULTIPATH
                case 15 -> table = r.u32();                         // RTA_TABLE
                case 18 -> gateway = Optional.of(via(r));           // RTA_VIA
                case 21 -> encapType = r.u16();                     // RTA_ENCAP_TYPE
                case 22 -> encapAt = r.payloadOffset() - Nlmsg.NLA_HDRLEN; // RTA_ENCAP
                case 30 -> nhid = smallInt(r.u32());                // RTA_NH_ID
                default -> {
                    if (unknown == null) {
                        unknown = new ArrayList<>();
                    }
                    unknown.add(r.raw());
                }
            }
        }
        Optional<RouteEncap> encap = encapAt < 0 ? Optional.empty()
                : decodeEncapOptional(b, encapAt, encapType, r);
        InetPrefix dstPrefix = new InetPrefix(dst != null ? dst : zero(family), dstLen);
        Optional<InetPrefix> srcPrefix = src == null && srcLen == 0 ? Optional.empty()
                : Optional.of(new InetPrefix(src != null ? src : zero(family), srcLen));
        return new Route(dstPrefix, srcPrefix, tos, table, protocol, scope, type,
                flags, gateway, Optional.empty(), oif, prefsrc, priority, metrics, hops, nhid, encap,
                unknown == null ? List.of() : unknown);
    }

    // Every route of a dump carries protocol, scope and type: their Optionals are made once per
    // number (the values are immutable, so a racing first use at worst makes two equal ones).
    @SuppressWarnings("unchecked")
    private static final Optional<RouteProtocol>[] PROTOCOLS = new Optional[256];
    @SuppressWarnings("unchecked")
    private static final Optional<RouteScope>[] SCOPES = new Optional[256];
    @SuppressWarnings("unchecked")
    private static final Optional<RouteType>[] TYPES = new Optional[256];

    /** OptionalInts of 0..4095, made once each: device indexes, metrics and nexthop ids of a dump. */
    private static final OptionalInt[] SMALL_INTS = new OptionalInt[4096];

    /** {@code OptionalInt.of(n)}, shared for small values (the values are immutable). */
    static OptionalInt smallInt(int n) {
        if (n < 0 || n >= SMALL_INTS.length) {
            return OptionalInt.of(n);
        }
        OptionalInt o = SMALL_INTS[n];
        if (o == null) {
            o = OptionalInt.of(n);
            SMALL_INTS[n] = o;
        }
        return o;
    }

    static Optional<RouteProtocol> protocolOf(int n) {
        Optional<RouteProtocol> o = PROTOCOLS[n];
        if (o == null) {
            o = Optional.of(RouteProtocol.of(n));
            PROTOCOLS[n] = o;
        }
        return o;
    }

    static Optional<RouteScope> scopeOf(int n) {
        Optional<RouteScope> o = SCOPES[n];
        if (o == null) {
            o = Optional.of(RouteScope.of(n));
            SCOPES[n] = o;
        }
        return o;
    }

    static Optional<RouteType> typeOf(int n) {
        Optional<RouteType> o = TYPES[n];
        if (o == null) {
            o = Optional.of(RouteType.of(n));
            TYPES[n] = o;
        }
        return o;
    }

    static InetAddress zero(AddressFamily f) {
        return Inet.of(new byte[f.equals(AddressFamily.INET) ? 4 : 16]);
    }

    static InetAddress addr(AttrReader r, AddressFamily family) {
        InetAddress a = r.inet();
        if (!AddressFamily.of(a).equals(family)) {
            throw r.malformed("address of " + AddressFamily.of(a) + " in a route of family " + family, r.payloadOffset());
        }
        return a;
    }

    static InetAddress via(AttrReader r) {
        ByteBuffer b = r.buffer();
        int p = r.payloadOffset();
        int len = r.payloadLength();
        if (len != 6 && len != 18) {
            throw r.malformed("struct rtvia of " + len + " bytes, expected 6 or 18", p);
        }
        byte[] a = new byte[len - 2];
        b.get(p + 2, a);
        return Inet.of(a);
    }

    /** RTAX_LOCK and the u32 metrics; anything else (RTAX_CC_ALGO's string, odd sizes) is kept raw. */
    static RouteMetrics decodeMetrics(AttrReader r) {
        TreeMap<Integer, Integer> values = new TreeMap<>();
        int locked = 0;
        List<RawAttribute> other = new ArrayList<>();
        while (r.next()) {
            if (r.type() == 1 && r.payloadLength() == 4) {
                locked = r.u32();
            } else if (r.type() >= 2 && r.payloadLength() == 4 && !values.containsKey(r.type())) {
                values.put(r.type(), r.u32());
            } else {
                other.add(r.raw());
            }
        }
        return new RouteMetrics(values, locked, other);
    }

    /**
     * The encap of an RTA_ENCAP (or NHA_ENCAP) attribute at {@code attrAt}, of RTA_ENCAP_TYPE
     * {@code type}, decoded by its registered codec (else raw), as the Optional a route or nexthop
     * holds; shared with recent decodes of the same bytes ({@link RecentEncaps}).
     */
    static Optional<RouteEncap> decodeEncapOptional(ByteBuffer b, int attrAt, int type, AttrReader context) {
        int len = b.getShort(attrAt) & 0xffff;
        if (type < 0) {
            throw context.malformed("RTA_ENCAP without RTA_ENCAP_TYPE", attrAt);
        }
        RouteEncapCodec codec = Extensions.routeEncap(type).orElse(null);
        int from = attrAt + Nlmsg.NLA_HDRLEN;
        int to = attrAt + len;
        RecentEncaps recent = len >= Nlmsg.NLA_HDRLEN ? RECENT_ENCAPS.get() : null;
        int slot = recent != null ? recent.slot(b, from, to, type) : 0;
        Optional<RouteEncap> known = recent != null ? recent.find(slot, b, from, to, type, codec) : null;
        if (known != null) {
            return known;
        }
        AttrReader inner = new AttrReader(b, from, attrAt + len, codec != null ? codec.schema() : AttrSchema.OPAQUE);
        RouteEncap e;
        if (codec != null) {
            e = codec.decode(inner);
        } else {
            List<RawAttribute> raw = new ArrayList<>();
            while (inner.next()) {
                raw.add(inner.raw());
            }
            e = new RawRouteEncap(type, raw);
        }
        Optional<RouteEncap> o = Optional.of(e);
        if (recent != null) {
            recent.keep(slot, b, from, to, type, codec, o);
        }
        return o;
    }

    /**
     * The route encaps this thread decoded last, by a hash of their type and bytes. Routes through
     * the same nexthop object, or to the same tunnel endpoint, repeat the same encap thousands of
     * times in a dump; encaps are immutable values ({@link RouteEncap}), so routes may share them,
     * and a repeat costs a hash and a comparison of its bytes instead of a dozen objects. The codec
     * that decoded a value is part of the key, so registering another codec takes effect at once.
     */
    private static final ThreadLocal<RecentEncaps> RECENT_ENCAPS = ThreadLocal.withInitial(RecentEncaps::new);

    static final class RecentEncaps {
        private static final int SLOTS = 8192;
        /** Encaps longer than this are decoded every time (real ones are 20..100 bytes). */
        private static final int MAX_BYTES = 256;
        private final byte[][] bytes = new byte[SLOTS][];
        private final int[] types = new int[SLOTS];
        private final RouteEncapCodec[] codecs = new RouteEncapCodec[SLOTS];
        @SuppressWarnings("unchecked")
        private final Optional<RouteEncap>[] values = new Optional[SLOTS];

        int slot(ByteBuffer b, int from, int to, int type) {
            // MurmurHash3's mixing (x86_32): every bit of every word reaches the slot's bits
            int h = type * 0x9E3779B9 + (to - from);
            int i = from;
            for (; i + 4 <= to; i += 4) {
                h = Integer.rotateLeft(h ^ Integer.rotateLeft(b.getInt(i) * 0xcc9e2d51, 15) * 0x1b873593, 13) * 5 + 0xe6546b64;
            }
            for (; i < to; i++) {
                h = Integer.rotateLeft(h ^ (b.get(i) & 0xff) * 0xcc9e2d51, 13) * 5 + 0xe6546b64;
            }
            h ^= h >>> 16;
            h *= 0x85ebca6b;
            h ^= h >>> 13;
            h *= 0xc2b2ae35;
            h ^= h >>> 16;
            return h & (SLOTS - 1);
        }

        /** The encap of these bytes if this thread kept it: in its slot or the other of its pair (2-way). */
        Optional<RouteEncap> find(int slot, ByteBuffer b, int from, int to, int type, RouteEncapCodec codec) {
            Optional<RouteEncap> e = at(slot, b, from, to, type, codec);
            return e != null ? e : at(slot ^ 1, b, from, to, type, codec);
        }

        private Optional<RouteEncap> at(int slot, ByteBuffer b, int from, int to, int type, RouteEncapCodec codec) {
            byte[] k = bytes[slot];
            if (k == null || k.length != to - from || types[slot] != type || codecs[slot] != codec) {
                return null;
            }
            for (int i = 0; i < k.length; i++) {
                if (k[i] != b.get(from + i)) {
                    return null;
                }
            }
            return values[slot];
        }

        /**
         * Keeps a decoded encap in a free slot of its pair; when both are taken, in its own slot,
         * what was there moving to the other (which loses what it held).
         */
        void keep(int slot, ByteBuffer b, int from, int to, int type, RouteEncapCodec codec, Optional<RouteEncap> e) {
            if (to - from > MAX_BYTES) {
                return;
            }
            int other = slot ^ 1;
            byte[] spare = null;
            if (bytes[slot] != null && bytes[other] == null) {
                slot = other;
            } else if (bytes[slot] != null) {
                spare = bytes[other];
                bytes[other] = bytes[slot];
                types[other] = types[slot];
                codecs[other] = codecs[slot];
                values[other] = values[slot];
            }
            byte[] k = spare != null && spare.length == to - from ? spare : new byte[to - from];
            b.get(from, k);
            bytes[slot] = k;
            types[slot] = type;
            codecs[slot] = codec;
            values[slot] = e;
        }
    }

    static List<RouteHop> decodeMultipath(AttrReader r, AddressFamily family) {
        ByteBuffer b = r.buffer();
        int pos = r.payloadOffset();
        int end = pos + r.payloadLength();
        List<RouteHop> hops = new ArrayList<>();
        while (pos + RTNEXTHOP_LEN <= end) {
            int len = b.getShort(pos) & 0xffff;
            if (len < RTNEXTHOP_LEN || pos + len > end) {
                throw r.malformed("rtnexthop length " + len + " outside " + RTNEXTHOP_LEN + ".." + (end - pos), pos);
            }
            int flags = b.get(pos + 2) & 0xff;
            int weight = (b.get(pos + 3) & 0xff) + 1;
            int ifindex = b.getInt(pos + 4);
            Optional<InetAddress> gw = Optional.empty();
            int encapType = -1;
            int encapAt = -1;
            List<RawAttribute> unknown = new ArrayList<>();
            AttrReader a = new AttrReader(b, pos + RTNEXTHOP_LEN, pos + len, RTA);
            while (a.next()) {
                switch (a.type()) {
                    case 5 -> gw = Optional.of(addr(a, family));
                    case 18 -> gw = Optional.of(via(a));
                    case 21 -> encapType = a.u16();
                    case 22 -> encapAt = a.payloadOffset() - Nlmsg.NLA_HDRLEN;
                    default -> unknown.add(a.raw());
                }
            }
            Optional<RouteEncap> encap = encapAt < 0 ? Optional.empty()
                    : decodeEncapOptional(b, encapAt, encapType, a);
            hops.add(new RouteHop(gw, Optional.empty(), ifindex == 0 ? OptionalInt.empty() : OptionalInt.of(ifindex),
                    weight, flags, encap, unknown));
            pos += Nlmsg.align(len);
        }
        if (pos < end) {
            throw r.malformed((end - pos) + " bytes left after the last rtnexthop", pos);
        }
        return hops;
    }
}
