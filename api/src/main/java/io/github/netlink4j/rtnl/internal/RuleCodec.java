package io.github.netlink4j.rtnl.internal;

import io.github.netlink4j.core.wire.AttrReader;
import io.github.netlink4j.core.wire.MessageReader;
import io.github.netlink4j.core.wire.MessageWriter;
import io.github.netlink4j.core.wire.RawAttribute;
import io.github.netlink4j.rtnl.AddressFamily;
import io.github.netlink4j.rtnl.InetPrefix;
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
 * struct fib_rule_hdr and the FRA_* attributes, both ways, in iproute2's order:
 * <pre>
 * fib_rule_hdr { family, dst_len, src_len, tos, table, res1, res2, action; u32 flags }
 * FRA_SRC, FRA_DST, FRA_FWMARK, FRA_FWMASK, FRA_IIFNAME, FRA_OIFNAME, FRA_TUN_ID, FRA_L3MDEV,
 * FRA_TABLE (ids above 255), FRA_GOTO, FRA_SUPPRESS_PREFIXLEN, FRA_PRIORITY, unknown...
 * </pre>
 */
public final class RuleCodec {
    private RuleCodec() {
    }

    public static void encode(MessageWriter w, Rule r) {
        w.putU8(r.family().number());
        w.putU8(r.to().map(InetPrefix::length).orElse(0));
        w.putU8(r.from().map(InetPrefix::length).orElse(0));
        w.putU8(r.tos());
        w.putU8(Integer.compareUnsigned(r.table(), 256) < 0 ? r.table() : 0);
        w.putU8(0).putU8(0);
        w.putU8(r.action().number());
        w.putU32(r.flags());
        r.from().ifPresent(p -> w.put(FRA_SRC, p.address()));
        r.to().ifPresent(p -> w.put(FRA_DST, p.address()));
        r.fwmark().ifPresent(m -> w.put(FRA_FWMARK, m));
        r.fwmask().ifPresent(m -> w.put(FRA_FWMASK, m));
        r.iif().ifPresent(i -> w.put(FRA_IIFNAME, i));
        r.oif().ifPresent(o -> w.put(FRA_OIFNAME, o));
        r.tunId().ifPresent(t -> w.put(FRA_TUN_ID, t));
        if (r.l3mdev()) {
            w.put(FRA_L3MDEV, 1);
        }
        if (Integer.compareUnsigned(r.table(), 256) >= 0) {
            w.put(FRA_TABLE, r.table());
        }
        r.gotoPriority().ifPresent(g -> w.put(FRA_GOTO, g));
        r.suppressPrefixLen().ifPresent(s -> w.put(FRA_SUPPRESS_PREFIXLEN, s));
        r.priority().ifPresent(p -> w.put(FRA_PRIORITY, p));
        for (RawAttribute a : r.unknown()) {
            a.writeTo(w);
        }
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
        OptionalInt gotoPrio = OptionalInt.empty();
        OptionalInt priority = OptionalInt.of(0); // the kernel omits FRA_PRIORITY when it is 0
        List<RawAttribute> unknown = new ArrayList<>();
        AttrReader r = m.attributes(FIB_RULE_HDR_LEN, FRA);
        while (r.next()) {
            switch (r.type()) {
                case 1 -> dst = r.inet();
                case 2 -> src = r.inet();
                case 3 -> iif = Optional.of(r.string());
                case 4 -> gotoPrio = OptionalInt.of(r.u32());
                case 6 -> priority = OptionalInt.of(r.u32());
                case 10 -> fwmark = OptionalInt.of(r.u32());
                case 12 -> tunId = OptionalLong.of(r.u64Be());
                case 14 -> {
                    int v = r.u32();
                    if (v != -1) {
                        suppress = OptionalInt.of(v);
                    }
                }
                case 15 -> table = r.u32();
                case 16 -> fwmask = OptionalInt.of(r.u32());
                case 17 -> oif = Optional.of(r.string());
                case 19 -> l3mdev = r.u8() != 0;
                default -> unknown.add(r.raw());
            }
        }
        Optional<InetPrefix> from = src == null ? Optional.empty() : Optional.of(new InetPrefix(src, srcLen));
        Optional<InetPrefix> to = dst == null ? Optional.empty() : Optional.of(new InetPrefix(dst, dstLen));
        if (fwmask.isPresent() && fwmask.getAsInt() == -1) {
            fwmask = OptionalInt.empty();
        }
        return new Rule(family, priority, table, action, from, to, tos, iif, oif, fwmark, fwmask, l3mdev, tunId, suppress,
                gotoPrio, flags, unknown);
    }
}
