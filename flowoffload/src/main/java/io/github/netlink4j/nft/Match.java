package io.github.netlink4j.nft;

import io.github.netlink4j.core.wire.ByteString;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Matches in nft's words, each producing exactly the expressions nft 1.0.6 writes for the phrase
 * (checked against reference bytes captured from nft). Registers: NFT_REG_1 as nft uses it.
 *
 * <pre>{@code
 * Rule.builder(table, "pre").match(Match.ipDaddr("203.0.113.10")).match(Match.tcpDport(80))
 *     .then(Stmt.dnat("10.0.0.1", 8080)).build();
 * }</pre>
 */
public final class Match {
    private Match() {
    }

    /** {@code ip saddr A} or {@code ip saddr A/N}. */
    public static Phrase ipSaddr(String addressOrPrefix) {
        return ipAddr(12, addressOrPrefix, 4, Phrase.Dependency.IPV4);
    }

    /** {@code ip daddr A} or {@code ip daddr A/N}. */
    public static Phrase ipDaddr(String addressOrPrefix) {
        return ipAddr(16, addressOrPrefix, 4, Phrase.Dependency.IPV4);
    }

    /** {@code ip6 saddr A[/N]}. */
    public static Phrase ip6Saddr(String addressOrPrefix) {
        return ipAddr(8, addressOrPrefix, 16, Phrase.Dependency.IPV6);
    }

    /** {@code ip6 daddr A[/N]}. */
    public static Phrase ip6Daddr(String addressOrPrefix) {
        return ipAddr(24, addressOrPrefix, 16, Phrase.Dependency.IPV6);
    }

    /** {@code ip daddr @SET}: the destination address is in named set {@code set}. */
    public static Phrase ipDaddrIn(String set) {
        return Phrase.needing(Phrase.Dependency.IPV4, new Payload(1, PayloadBase.NETWORK, 16, 4), new Lookup(set, 1));
    }

    /**
     * {@code ip daddr @SET} for a set this transaction knows by id too (nft sends the set's
     * NFTA_SET_ID along with its name).
     */
    public static Phrase ipDaddrIn(NftSet set) {
        return Phrase.needing(Phrase.Dependency.IPV4, new Payload(1, PayloadBase.NETWORK, 16, 4),
                new Lookup(set.name(), 1, set.id(), OptionalInt.empty(), OptionalInt.empty()));
    }

    /** {@code ip saddr @SET}. */
    public static Phrase ipSaddrIn(String set) {
        return Phrase.needing(Phrase.Dependency.IPV4, new Payload(1, PayloadBase.NETWORK, 12, 4), new Lookup(set, 1));
    }

    private static Phrase ipAddr(int offset, String addressOrPrefix, int size, Phrase.Dependency dep) {
        int slash = addressOrPrefix.indexOf('/');
        byte[] addr = addressBytes(slash < 0 ? addressOrPrefix : addressOrPrefix.substring(0, slash));
        if (addr.length != size) {
            throw new IllegalArgumentException("'" + addressOrPrefix + "' is not an IPv" + (size == 4 ? 4 : 6) + " address");
        }
        int bits = size * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(addressOrPrefix.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 1 || prefix > bits) {
                throw new IllegalArgumentException("prefix length in '" + addressOrPrefix + "' must be in 1.." + bits);
            }
        }
        // nft loads only the prefix's bytes when it ends on a byte boundary, else the whole address
        // masked by a bitwise
        boolean aligned = prefix % 8 == 0;
        int len = aligned ? prefix / 8 : size;
        byte[] value = java.util.Arrays.copyOf(addr, len);
        List<Expr> e = new ArrayList<>(3);
        e.add(new Payload(1, PayloadBase.NETWORK, offset, len));
        if (!aligned) {
            byte[] mask = new byte[len];
            for (int i = 0; i < prefix; i++) {
                mask[i / 8] |= (byte) (0x80 >>> (i % 8));
            }
            for (int i = 0; i < len; i++) {
                value[i] &= mask[i];
            }
            e.add(Bitwise.and(1, ByteString.of(mask)));
        }
        e.add(Cmp.eq(1, ByteString.of(value)));
        return new Phrase(e, Optional.of(dep), Optional.empty(), Optional.empty());
    }

    /** {@code tcp dport P}. */
    public static Phrase tcpDport(int port) {
        return port(Phrase.Dependency.TCP, 2, port);
    }

    /** {@code tcp sport P}. */
    public static Phrase tcpSport(int port) {
        return port(Phrase.Dependency.TCP, 0, port);
    }

    /** {@code udp dport P}. */
    public static Phrase udpDport(int port) {
        return port(Phrase.Dependency.UDP, 2, port);
    }

    /** {@code udp sport P}. */
    public static Phrase udpSport(int port) {
        return port(Phrase.Dependency.UDP, 0, port);
    }

    /** {@code tcp dport { P1, P2, ... }}: an anonymous set, created with the rule. */
    public static Phrase tcpDport(int... ports) {
        return portSet(Phrase.Dependency.TCP, 2, ports);
    }

    /** {@code udp dport { P1, P2, ... }}. */
    public static Phrase udpDport(int... ports) {
        return portSet(Phrase.Dependency.UDP, 2, ports);
    }

    private static Phrase port(Phrase.Dependency dep, int offset, int port) {
        return Phrase.needing(dep, new Payload(1, PayloadBase.TRANSPORT, offset, 2), Cmp.eq(1, be16(checkPort(port))));
    }

    private static Phrase portSet(Phrase.Dependency dep, int offset, int... ports) {
        if (ports.length == 1) {
            return port(dep, offset, ports[0]);
        }
        if (ports.length == 0) {
            throw new IllegalArgumentException("a port set needs at least one port");
        }
        List<SetElement> elements = new ArrayList<>(ports.length);
        for (int p : ports) {
            elements.add(SetElement.of(be16(checkPort(p))));
        }
        // NFTNL_UDATA_SET_KEY_TYPEOF { NFTNL_UDATA_SET_TYPEOF_EXPR: payload (7),
        //   NFTNL_UDATA_SET_TYPEOF_DATA { desc: tcp 8 / udp 6, field: sport 1 / dport 2 } }, as nft writes
        int desc = dep.equals(Phrase.Dependency.TCP) ? 8 : 6;
        int field = offset == 0 ? 1 : 2;
        java.nio.ByteBuffer t = java.nio.ByteBuffer.allocate(22).order(java.nio.ByteOrder.nativeOrder());
        t.put((byte) 3).put((byte) 20);
        t.put((byte) 0).put((byte) 4).putInt(7);
        t.put((byte) 1).put((byte) 12);
        t.put((byte) 0).put((byte) 4).putInt(desc);
        t.put((byte) 1).put((byte) 4).putInt(field);
        NftSet set = new NftSet(Family.INET, "placeholder", "__set%d", SetKeyType.INET_SERVICE,
                NftSet.ANONYMOUS | NftSet.CONSTANT, OptionalInt.empty(), OptionalInt.of(ports.length),
                Optional.of(NftSet.keyByteOrder(SetKeyType.INET_SERVICE, ByteString.of(t.array()))), OptionalLong.empty());
        return new Phrase(List.of(new Payload(1, PayloadBase.TRANSPORT, offset, 2),
                new Lookup("__set%d", 1, OptionalInt.of(0), OptionalInt.empty(), OptionalInt.empty())),
                Optional.of(dep), Optional.empty(), Optional.of(new Rule.AnonymousSet(set, elements)));
    }

    /** {@code meta l4proto P} (6 tcp, 17 udp, 1 icmp...): also the dependency of later tcp/udp matches. */
    public static Phrase l4proto(int proto) {
        if (proto < 0 || proto > 255) {
            throw new IllegalArgumentException("l4proto must be in 0..255, was " + proto);
        }
        Phrase.Dependency d = new Phrase.Dependency(MetaKey.L4PROTO, proto);
        return new Phrase(d.exprs(), Optional.empty(), Optional.of(d), Optional.empty());
    }

    /** {@code meta nfproto ipv4} / {@code ipv6}: also the dependency of later ip / ip6 matches. */
    public static Phrase nfproto(Family family) {
        if (!family.equals(Family.IP) && !family.equals(Family.IP6)) {
            throw new IllegalArgumentException("nfproto must be ip or ip6, was " + family);
        }
        Phrase.Dependency d = family.equals(Family.IP) ? Phrase.Dependency.IPV4 : Phrase.Dependency.IPV6;
        return new Phrase(d.exprs(), Optional.empty(), Optional.of(d), Optional.empty());
    }

    /** {@code iifname "NAME"}. */
    public static Phrase iifname(String name) {
        return ifname(MetaKey.IIFNAME, name);
    }

    /** {@code oifname "NAME"}. */
    public static Phrase oifname(String name) {
        return ifname(MetaKey.OIFNAME, name);
    }

    private static Phrase ifname(MetaKey key, String name) {
        Flowtable.checkDevice(name);
        byte[] b = new byte[16]; // IFNAMSIZ, zero padded, as nft compares it
        byte[] s = name.getBytes(StandardCharsets.UTF_8);
        if (s.length > 15) {
            throw new IllegalArgumentException("interface name must be at most 15 bytes, was '" + name + "'");
        }
        System.arraycopy(s, 0, b, 0, s.length);
        return Phrase.of(new Meta(key, 1), Cmp.eq(1, ByteString.of(b)));
    }

    /** {@code meta mark 0xM}. */
    public static Phrase metaMark(int mark) {
        return Phrase.of(new Meta(MetaKey.MARK, 1), Cmp.eq(1, hostU32(mark)));
    }

    /** {@code ct state S1,S2,...}: any of the states. */
    public static Phrase ctState(CtState... states) {
        if (states.length == 0) {
            throw new IllegalArgumentException("ct state needs at least one state");
        }
        int mask = 0;
        for (CtState s : states) {
            mask |= s.bit();
        }
        return Phrase.of(new Ct(CtKey.STATE, 1), Bitwise.and(1, hostU32(mask)), new Cmp(1, CmpOp.NEQ, hostU32(0)));
    }

    /** {@code ct status S}: any of the IPS_* bits of {@code mask} (include/uapi/linux/netfilter/nf_conntrack_common.h). */
    public static Phrase ctStatus(int mask) {
        return Phrase.of(new Ct(CtKey.STATUS, 1), Bitwise.and(1, hostU32(mask)), new Cmp(1, CmpOp.NEQ, hostU32(0)));
    }

    /** {@code ct mark 0xM}. */
    public static Phrase ctMark(int mark) {
        return Phrase.of(new Ct(CtKey.MARK, 1), Cmp.eq(1, hostU32(mark)));
    }

    /** {@code ct direction original} (0) / {@code reply} (1). */
    public static Phrase ctDirection(int direction) {
        if (direction != 0 && direction != 1) {
            throw new IllegalArgumentException("ct direction must be 0 (original) or 1 (reply), was " + direction);
        }
        return Phrase.of(new Ct(CtKey.DIRECTION, 1), Cmp.eq(1, ByteString.of((byte) direction)));
    }

    // --- values ---

    static ByteString hostU32(int v) {
        byte[] b = new byte[4];
        java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.nativeOrder()).putInt(v);
        return ByteString.of(b);
    }

    static ByteString be16(int v) {
        return ByteString.of((byte) (v >>> 8), (byte) v);
    }

    static int checkPort(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in 0..65535, was " + port);
        }
        return port;
    }

    /** The bytes of a literal IPv4 or IPv6 address (no name lookups). */
    static byte[] addressBytes(String literal) {
        if (literal == null || literal.isEmpty() || !(literal.indexOf(':') >= 0 || literal.matches("[0-9.]+"))) {
            throw new IllegalArgumentException("'" + literal + "' is not an IPv4 or IPv6 address literal");
        }
        if (literal.indexOf(':') < 0 && !literal.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            throw new IllegalArgumentException("'" + literal + "' is not an IPv4 address (a.b.c.d)");
        }
        try {
            InetAddress a = InetAddress.getByName(literal);
            if (literal.indexOf(':') >= 0 && a instanceof Inet4Address) {
                byte[] b = new byte[16];
                b[10] = (byte) 0xff;
                b[11] = (byte) 0xff;
                System.arraycopy(a.getAddress(), 0, b, 12, 4);
                return b;
            }
            return a.getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + literal + "' is not an IP address", e);
        }
    }
}
