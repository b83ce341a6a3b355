package io.github.netlink4j.rtnl.internal;

import io.github.netlink4j.core.MalformedMessageException;
import io.github.netlink4j.core.wire.AttrReader;
import io.github.netlink4j.core.wire.Hex;
import io.github.netlink4j.core.wire.MessageReader;
import io.github.netlink4j.core.wire.MessageWriter;
import io.github.netlink4j.rtnl.Address;
import io.github.netlink4j.rtnl.AddressCacheInfo;
import io.github.netlink4j.rtnl.AddressFamily;
import io.github.netlink4j.rtnl.Inet;
import io.github.netlink4j.rtnl.AddressFlags;
import io.github.netlink4j.rtnl.AddressScope;
import io.github.netlink4j.core.wire.RawAttribute;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static io.github.netlink4j.rtnl.internal.IfaSchema.*;

/**
 * Encodes and decodes {@link Address}: struct ifaddrmsg and its IFA_* attributes, in the order
 * iproute2's ipaddr_modify adds them.
 *
 * <pre>
 * struct ifaddrmsg     family, prefixlen, flags (when they fit in 8 bits), scope, index
 * IFA_LOCAL            the address
 * IFA_ADDRESS          the peer (when there is one)
 * IFA_BROADCAST, IFA_ANYCAST, IFA_RT_PRIORITY, IFA_PROTO, IFA_LABEL
 * IFA_FLAGS            when the flags need more than 8 bits (header flags are then 0)
 * IFA_ADDRESS          the address again (when there is no peer)
 * IFA_CACHEINFO        lifetimes
 * ...unknown attributes
 * </pre>
 */
public final class AddrCodec {
    private AddrCodec() {
    }

    /** Writes {@code a} for RTM_NEWADDR (add, replace, and notifications). */
    public static void encode(MessageWriter w, Address a) {
        int flags = a.flags().bits();
        boolean wide = (flags & ~0xff) != 0;
        writeHeader(w, a, wide ? 0 : flags, a.scope().number());
        w.put(IFA_LOCAL, a.address());
        if (a.peer().isPresent()) {
            w.put(IFA_ADDRESS, a.peer().get());
        }
        if (a.broadcast().isPresent()) {
            w.put(IFA_BROADCAST, a.broadcast().get());
        }
        if (a.anycast().isPresent()) {
            w.put(IFA_ANYCAST, a.anycast().get());
        }
        if (a.metric().isPresent()) {
            w.putU32Attr(IFA_RT_PRIORITY, a.metric().getAsInt());
        }
        if (a.protocol().isPresent()) {
            RtCodecs.putU8(w, IFA_PROTO, a.protocol().getAsInt());
        }
        if (a.label().isPresent()) {
            w.put(IFA_LABEL, a.label().get());
        }
        if (wide) {
            w.putU32Attr(IFA_FLAGS, flags);
        }
        if (a.peer().isEmpty()) {
            w.put(IFA_ADDRESS, a.address());
        }
        if (a.cacheInfo().isPresent()) {
            w.put(IFA_CACHEINFO, a.cacheInfo().get());
        }
        RtCodecs.putAll(w, a.unknown());
    }

    /**
     * Writes {@code a} for RTM_DELADDR as ip sends {@code ip addr del}: the address, the peer and
     * the label identify it; flags only as far as they matter to deletion (mngtmpaddr); the scope
     * only when it is not the default ip would leave at 0.
     */
    public static void encodeDelete(MessageWriter w, Address a) {
        int flags = a.flags().bits() & AddressFlags.IFA_F_MANAGETEMPADDR;
        int scope = a.scope().equals(AddressScope.defaultFor(a.address())) ? 0 : a.scope().number();
        writeHeader(w, a, 0, scope);
        w.put(IFA_LOCAL, a.address());
        if (a.peer().isPresent()) {
            w.put(IFA_ADDRESS, a.peer().get());
        }
        if (a.label().isPresent()) {
            w.put(IFA_LABEL, a.label().get());
        }
        if (flags != 0) {
            w.putU32Attr(IFA_FLAGS, flags);
        }
        if (a.peer().isEmpty()) {
            w.put(IFA_ADDRESS, a.address());
        }
    }

    private static void writeHeader(MessageWriter w, Address a, int flags, int scope) {
        w.putU8(a.family().number()).putU8(a.prefixLength()).putU8(flags).putU8(scope).putU32(a.ifindex());
    }

    /** Decodes the current RTM_NEWADDR / RTM_DELADDR message. */
    public static Address decode(MessageReader m) {
        m.requirePayload(Rtm.IFADDRMSG_LEN, "struct ifaddrmsg");
        ByteBuffer buf = m.buffer();
        int p = m.payloadOffset();
        int family = buf.get(p) & 0xff;
        int prefixLength = buf.get(p + 1) & 0xff;
        int headerFlags = buf.get(p + 2) & 0xff;
        int scope = buf.get(p + 3) & 0xff;
        int ifindex = buf.getInt(p + 4);
        if (family != AddressFamily.INET.number() && family != AddressFamily.INET6.number()) {
            throw new MalformedMessageException("ifa_family " + family + " is neither AF_INET nor AF_INET6",
                    "ifaddrmsg", p, Hex.excerpt(buf, p));
        }
        int len = family == AddressFamily.INET.number() ? 4 : 16;
        InetAddress local = null;
        InetAddress peerOrAddress = null;
        Integer wideFlags = null;
        String label = null;
        InetAddress broadcast = null;
        InetAddress anycast = null;
        AddressCacheInfo cacheInfo = null;
        Integer metric = null;
        Integer protocol = null;
        List<RawAttribute> unknown = new ArrayList<>();
        AttrReader r = m.attributes(Rtm.IFADDRMSG_LEN, IFA);
        while (r.next()) {
            int t = r.type();
            if (t == IFA_LOCAL.type() && local == null) {
                local = sized(r, r.get(IFA_LOCAL), len);
            } else if (t == IFA_ADDRESS.type() && peerOrAddress == null) {
                peerOrAddress = sized(r, r.get(IFA_ADDRESS), len);
            } else if (t == IFA_LABEL.type() && label == null) {
                label = r.get(IFA_LABEL);
            } else if (t == IFA_BROADCAST.type() && broadcast == null) {
                broadcast = sized(r, r.get(IFA_BROADCAST), len);
            } else if (t == IFA_ANYCAST.type() && anycast == null) {
                anycast = sized(r, r.get(IFA_ANYCAST), len);
            } else if (t == IFA_FLAGS.type() && wideFlags == null) {
                wideFlags = r.u32();
            } else if (t == IFA_RT_PRIORITY.type() && metric == null) {
                metric = r.u32();
            } else if (t == IFA_PROTO.type() && protocol == null) {
                protocol = r.get(IFA_PROTO);
            } else if (t == IFA_CACHEINFO.type() && cacheInfo == null) {
                cacheInfo = r.get(IFA_CACHEINFO);
            } else {
                unknown.add(r.raw());
            }
        }
        InetAddress address = local != null ? local : peerOrAddress;
        if (address == null) {
            throw new MalformedMessageException("address without IFA_LOCAL or IFA_ADDRESS", "ifaddrmsg", p,
                    Hex.excerpt(buf, p));
        }
        if (ifindex < 0) {
            throw new MalformedMessageException("negative ifa_index " + ifindex, "ifaddrmsg", p + 4,
                    Hex.excerpt(buf, p + 4));
        }
        InetAddress peer = local != null ? peerOrAddress : null;
        try {
            return new Address(ifindex, address, prefixLength, Optional.ofNullable(peer), AddressScope.of(scope),
                    AddressFlags.of(wideFlags != null ? wideFlags : headerFlags), Optional.ofNullable(label),
                    Optional.ofNullable(broadcast), Optional.ofNullable(anycast), Optional.ofNullable(cacheInfo),
                    metric == null ? OptionalInt.empty() : OptionalInt.of(metric),
                    protocol == null ? OptionalInt.empty() : OptionalInt.of(protocol), unknown);
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException(e.getMessage(), "ifaddrmsg", p, Hex.excerpt(buf, p));
        }
    }

    private static InetAddress sized(AttrReader r, InetAddress a, int len) {
        if (a.getAddress().length != len) {
            throw r.malformed(r.name() + " of " + a.getAddress().length + " bytes in a family of " + len + "-byte addresses",
                    r.payloadOffset());
        }
        return a;
    }

    /**
     * The ip words after {@code ip addr add}: {@code LOCAL/LEN | LOCAL peer PEER/LEN, broadcast,
     * anycast, dev, scope (when not ip's default), metric, proto, label, valid_lft/preferred_lft, flags}.
     */
    public static String args(Address a, String dev) {
        StringBuilder sb = new StringBuilder();
        if (a.peer().isPresent()) {
            sb.append(Inet.format(a.address())).append(" peer ").append(Inet.format(a.peer().get()))
                    .append('/').append(a.prefixLength());
        } else {
            sb.append(Inet.format(a.address())).append('/').append(a.prefixLength());
        }
        a.broadcast().ifPresent(x -> sb.append(" broadcast ").append(Inet.format(x)));
        a.anycast().ifPresent(x -> sb.append(" anycast ").append(Inet.format(x)));
        sb.append(" dev ").append(dev);
        if (!a.scope().equals(AddressScope.defaultFor(a.address()))) {
            sb.append(" scope ").append(a.scope());
        }
        a.metric().ifPresent(m -> sb.append(" metric ").append(Integer.toUnsignedString(m)));
        a.protocol().ifPresent(p -> sb.append(" proto ").append(p));
        a.label().ifPresent(l -> sb.append(" label ").append(l));
        a.cacheInfo().ifPresent(c -> sb.append(" valid_lft ").append(AddressCacheInfo.lifetime(c.valid()))
                .append(" preferred_lft ").append(AddressCacheInfo.lifetime(c.preferred())));
        appendFlagWords(sb, a.flags().bits());
        return sb.toString();
    }

    /** The words of {@code ip addr del}. */
    public static String deleteArgs(Address a, String dev) {
        StringBuilder sb = new StringBuilder();
        if (a.peer().isPresent()) {
            sb.append(Inet.format(a.address())).append(" peer ").append(Inet.format(a.peer().get()))
                    .append('/').append(a.prefixLength());
        } else {
            sb.append(Inet.format(a.address())).append('/').append(a.prefixLength());
        }
        sb.append(" dev ").append(dev);
        if (!a.scope().equals(AddressScope.defaultFor(a.address()))) {
            sb.append(" scope ").append(a.scope());
        }
        a.label().ifPresent(l -> sb.append(" label ").append(l));
        appendFlagWords(sb, a.flags().bits() & AddressFlags.IFA_F_MANAGETEMPADDR);
        return sb.toString();
    }

    private static void appendFlagWords(StringBuilder sb, int bits) {
        if ((bits & AddressFlags.IFA_F_HOMEADDRESS) != 0) {
            sb.append(" home");
        }
        if ((bits & AddressFlags.IFA_F_NODAD) != 0) {
            sb.append(" nodad");
        }
        if ((bits & AddressFlags.IFA_F_MANAGETEMPADDR) != 0) {
            sb.append(" mngtmpaddr");
        }
        if ((bits & AddressFlags.IFA_F_NOPREFIXROUTE) != 0) {
            sb.append(" noprefixroute");
        }
        if ((bits & AddressFlags.IFA_F_MCAUTOJOIN) != 0) {
            sb.append(" autojoin");
        }
    }
}
