package io.github.netlink4j.rtnl.internal;

import io.github.netlink4j.core.wire.AttrReader;
import io.github.netlink4j.core.wire.MessageReader;
import io.github.netlink4j.core.wire.MessageWriter;
import io.github.netlink4j.core.wire.RawAttribute;
import io.github.netlink4j.rtnl.AddressFamily;
import io.github.netlink4j.rtnl.InetPrefix;
import io.github.netlink4j.rtnl.RouteProtocol;
import io.github.netlink4j.rtnl.Rule;
import io.github.netlink4j.rtnl.RuleAction;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static io.github.netlink4j.rtnl.internal.RouteSchemas.*;

/**
 * struct fib_rule_hdr and the FRA_* attributes, both ways, in the order of iproute2's words
 * ({@code ip rule add not from A to B tos T fwmark M/K iif I oif O tun_id N l3mdev lookup T goto G
 * suppress_prefixlength L suppress_ifgroup G pref P proto X}):
 * <pre>
 * fib_rule_hdr { family, dst_len, src_len, tos, table, res1, res2, action; u32 flags }
 * FRA_SRC, FRA_DST, FRA_FWMARK, FRA_FWMASK, FRA_IIFNAME, FRA_OIFNAME, FRA_TUN_ID, FRA_L3MDEV,
 * FRA_TABLE (ids above 255), FRA_GOTO, FRA_SUPPRESS_PREFIXLEN, FRA_SUPPRESS_IFGROUP, FRA_PRIORITY,
 * FRA_PROTOCOL, unknown...
 * </pre>
 */
public final class RuleCodec {
    private RuleCodec() {
    }

    /**
     * Writes {@code r} for RTM_NEWRULE ({@code add}) or RTM_DELRULE. An add fills in iproute2's
     * defaults (ip/iprule.c): action FR_ACT_TO_TBL when none is given, and table main when the rule
     * has no table, no action of its own and no l3mdev. A delete writes only what is given.
     */
    public static void encode(MessageWriter w, Rule r, boolean add) {
        boolean noAction = r.action().equals(RuleAction.UNSPEC);
        int table = r.table();
        if (add && noAction && table == 0 && !r.l3mdev()) {
            table = RT_TABLE_MAIN;
        }
        int action = add && noAction ? FR_ACT_TO_TBL : r.action().number();
        encode(w, r, table, action);
    }

    /** Writes {@code r} as it is (notifications, round trips). */
    public static void encode(MessageWriter w, Rule r) {
        encode(w, r, r.table(), r.action().number());
    }

    private static void encode(MessageWriter w, Rule r, int table, int action) {
        w.putU8(r.family().number());
        w.putU8(r.to().isPresent() ? r.to().get().length() : 0);
        w.putU8(r.from().isPresent() ? r.from().get().length() : 0);
        w.putU8(r.tos());
        w.putU8(Integer.compareUnsigned(table, 256) < 0 ? table : RT_TABLE_UNSPEC);
        w.putU8(0).putU8(0);
        w.putU8(action);
        w.putU32(r.flags());
        if (r.from().isPresent()) {
            w.put(FRA_SRC, r.from().get().address());
        }
        if (r.to().isPresent()) {
            w.put(FRA_DST, r.to().get().address());
        }
        if (r.fwmark().isPresent()) {
            w.putU32Attr(FRA_FWMARK, r.fwmark().getAsInt());
        }
        if (r.fwmask().isPresent()) {
            w.putU32Attr(FRA_FWMASK, r.fwmask().getAsInt());
        }
        if (r.iif().isPresent()) {
            w.put(FRA_IIFNAME, r.iif().get());
        }
        if (r.oif().isPresent()) {
            w.put(FRA_OIFNAME, r.oif().get());
        }
        if (r.tunId().isPresent()) {
            int s = w.beginAttribute(FRA_TUN_ID.type());
            w.putU64Be(r.tunId().getAsLong());
            w.endNested(s);
        }
        if (r.l3mdev()) {
            RtCodecs.putU8(w, FRA_L3MDEV, 1);
        }
        if (Integer.compareUnsigned(table, 256) >= 0) {
            w.putU32Attr(FRA_TABLE, table);
        }
        if (r.gotoPriority().isPresent()) {
            w.putU32Attr(FRA_GOTO, r.gotoPriority().getAsInt());
        }
        if (r.suppressPrefixLen().isPresent()) {
            w.putU32Attr(FRA_SUPPRESS_PREFIXLEN, r.suppressPrefixLen().getAsInt());
        }
        if (r.suppressIfgroup().isPresent()) {
            w.putU32Attr(FRA_SUPPRESS_IFGROUP, r.suppressIfgroup().getAsInt());
        }
        if (r.priority().isPresent()) {
            w.putU32Attr(FRA_PRIORITY, r.priority().getAsInt());
        }
        if (r.protocol().isPresent()) {
            RtCodecs.putU8(w, FRA_PROTOCOL, r.protocol().get().number());
        }
        RtCodecs.putAll(w, r.unknown());
    }

    public static Rule decode(MessageReader m) {
        try {
            return decodeUnchecked(m);
        } catch (IllegalArgumentException e) {
            // a value the records refuse (a prefix of the wrong family, a weight out of range...)
            throw new io.github.netlink4j.core.MalformedMessageException(e.getMessage(), "", m.payloadOffset(),
                    io.github.netlink4j.core.wire.Hex.excerpt(m.buffer(), m.payloadOffset()));
        }
    }

    private static Rule decodeUnchecked(MessageReader m) {
        m.requirePayload(FIB_RULE_HDR_LEN, "struct fib_rule_hdr");
        ByteBuffer b = m.buffer();
        int p = m.payloadOffset();
        AddressFamily family = AddressFamily.of(b.get(p) & 0xff);
        int dstLen = b.get(p + 1) & 0xff;
        int srcLen = b.get(p + 2) & 0xff;
        int tos = b.get(p + 3) & 0xff;
        int table = b.get(p + 4) & 0xff;
        RuleAction action = RuleAction.of(b.get(p + 7) & 0xff);
        int flags = b.getInt(p + 8);
        InetAddress src = null;
        InetAddress dst = null;
        Optional<String> iif = Optional.empty();
        Optional<String> oif = Optional.empty();
        OptionalInt fwmark = OptionalInt.empty();
        OptionalInt fwmask = OptionalInt.empty();
        boolean l3mdev = false;
        OptionalLong tunId = OptionalLong.empty();
        OptionalInt suppress = OptionalInt.empty();
        OptionalInt suppressIfgroup = OptionalInt.empty();
        OptionalInt gotoPrio = OptionalInt.empty();
        Optional<RouteProtocol> protocol = Optional.empty();
        OptionalInt priority = OptionalInt.of(0); // the kernel omits FRA_PRIORITY when it is 0
        List<RawAttribute> unknown = new ArrayList<>();
        AttrReader r = m.attributes(FIB_RULE_HDR_LEN, FRA);
        while (r.next()) {
            switch (r.type()) {
                case 1 -> dst = RouteCodec.addr(r, family);           // FRA_DST
                case 2 -> src = RouteCodec.addr(r, family);           // FRA_SRC
                case 3 -> iif = Optional.of(r.string());              // FRA_IIFNAME
                case 4 -> gotoPrio = OptionalInt.of(r.u32());         // FRA_GOTO
                case 6 -> priority = OptionalInt.of(r.u32());         // FRA_PRIORITY
                case 10 -> fwmark = OptionalInt.of(r.u32());          // FRA_FWMARK
                case 12 -> tunId = OptionalLong.of(r.u64Be());        // FRA_TUN_ID
                case 13 -> {                                          // FRA_SUPPRESS_IFGROUP
                    int v = r.u32();
                    if (v != -1) {
                        suppressIfgroup = OptionalInt.of(v);
                    }
                }
                case 14 -> {                                          // FRA_SUPPRESS_PREFIXLEN
                    int v = r.u32();
                    if (v != -1) {
                        suppress = OptionalInt.of(v);
                    }
                }
                case 15 -> table = r.u32();                           // FRA_TABLE
                case 16 -> fwmask = OptionalInt.of(r.u32());          // FRA_FWMASK
                case 17 -> oif = Optional.of(r.string());             // FRA_OIFNAME
                case 19 -> l3mdev = r.u8() != 0;                      // FRA_L3MDEV
                case 21 -> protocol = Optional.of(RouteProtocol.of(r.u8())); // FRA_PROTOCOL
                default -> unknown.add(r.raw());
            }
        }
        Optional<InetPrefix> from = src == null ? Optional.empty() : Optional.of(new InetPrefix(src, srcLen));
        Optional<InetPrefix> to = dst == null ? Optional.empty() : Optional.of(new InetPrefix(dst, dstLen));
        if (fwmask.isPresent() && fwmask.getAsInt() == -1) {
            fwmask = OptionalInt.empty();
        }
        return new Rule(family, priority, table, action, from, to, tos, iif, oif, fwmark, fwmask, l3mdev, tunId, suppress,
                suppressIfgroup, gotoPrio, protocol, flags, unknown);
    }
}
