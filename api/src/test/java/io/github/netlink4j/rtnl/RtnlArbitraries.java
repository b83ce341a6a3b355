package io.github.netlink4j.rtnl;

import io.github.netlink4j.core.wire.ByteString;
import io.github.netlink4j.core.wire.RawAttribute;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** Generators of the records of links, addresses and neighbours, unknown attributes included. */
final class RtnlArbitraries {
    private RtnlArbitraries() {
    }

    static <T> Arbitrary<Optional<T>> opt(Arbitrary<T> a) {
        return a.optional(0.5);
    }

    static Arbitrary<OptionalInt> optInt(Arbitrary<Integer> a) {
        return a.optional(0.5).map(o -> o.map(OptionalInt::of).orElse(OptionalInt.empty()));
    }

    static Arbitrary<Integer> anyInt() {
        return Arbitraries.integers().between(Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    static Arbitrary<Integer> nonNegative() {
        return Arbitraries.integers().between(0, Integer.MAX_VALUE);
    }

    static Arbitrary<ByteString> bytes(int max) {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(max).map(ByteString::of);
    }

    /** Attributes whose number (flag bits aside) is not in {@code modeled}, with any payload. */
    static Arbitrary<RawAttribute> raw(Set<Integer> modeled) {
        Arbitrary<Integer> number = Arbitraries.integers().between(0, 0x3fff).filter(t -> !modeled.contains(t));
        Arbitrary<Integer> bits = Arbitraries.of(0, 0x8000, 0x4000);
        return Combinators.combine(number, bits, bytes(40)).as((n, b, p) -> new RawAttribute(n | b, p));
    }

    static Arbitrary<List<RawAttribute>> raws(Set<Integer> modeled) {
        return raw(modeled).list().ofMaxSize(3);
    }

    static Arbitrary<InetAddress> inet4() {
        return Arbitraries.bytes().array(byte[].class).ofSize(4).map(Inet::of);
    }

    static Arbitrary<InetAddress> inet6() {
        // avoid IPv4-mapped addresses, which InetAddress turns into Inet4Address
        return Arbitraries.bytes().array(byte[].class).ofSize(16).filter(b -> b[10] != (byte) 0xff || b[11] != (byte) 0xff
                || !allZero(b, 10)).map(Inet::of);
    }

    private static boolean allZero(byte[] b, int n) {
        for (int i = 0; i < n; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    static Arbitrary<MacAddress> mac() {
        return bytes(MacAddress.MAX_ADDR_LEN).map(MacAddress::new);
    }

    static Arbitrary<String> linkName() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789_-.@").ofMinLength(1).ofMaxLength(15)
                .filter(s -> !s.equals(".") && !s.equals(".."));
    }

    static Arbitrary<String> ascii(int min, int max) {
        return Arbitraries.strings().ascii().ofMinLength(min).ofMaxLength(max).filter(s -> s.indexOf('\0') < 0);
    }

    // --- links ----------------------------------------------------------------------------------

    /** IFLA_* numbers LinkCodec decodes into fields. */
    static final Set<Integer> LINK_MODELED = Set.of(1, 2, 3, 4, 5, 10, 13, 16, 18, 20, 37);
    /** IFLA_INFO_* numbers LinkCodec decodes into fields. */
    static final Set<Integer> LINKINFO_MODELED = Set.of(1, 2, 4, 5);

    static Arbitrary<Link> link() {
        return link(true);
    }

    static Arbitrary<Link> link(boolean withKind) {
        Arbitrary<Link.Builder> base = Combinators.combine(linkName(),
                Arbitraries.of(AddressFamily.UNSPEC, AddressFamily.BRIDGE, AddressFamily.of(99)), nonNegative(),
                Arbitraries.integers().between(0, 0xffff), anyInt(), anyInt())
                .as((name, family, index, type, flags, change) -> Link.builder(name).family(family).index(index)
                        .hardwareType(type).flags(LinkFlags.of(flags)).changeMask(LinkFlags.of(change)));
        Arbitrary<Link.Builder> withSome = Combinators.combine(base,
                opt(Arbitraries.integers().between(0, 255).map(OperState::of)),
                optInt(Arbitraries.integers().between(1, Integer.MAX_VALUE)), opt(mac()), opt(mac()))
                .as((b, oper, mtu, addr, brd) -> {
                    oper.ifPresent(b::operState);
                    mtu.ifPresent(b::mtu);
                    addr.ifPresent(b::address);
                    brd.ifPresent(b::broadcast);
                    return b;
                });
        Arbitrary<Link.Builder> withAttrs = Combinators.combine(withSome,
                optInt(nonNegative()), optInt(nonNegative()), optInt(nonNegative()), optInt(anyInt()))
                .as((b, txq, master, lnk, nsid) -> {
                    txq.ifPresent(b::txqlen);
                    master.ifPresent(b::master);
                    lnk.ifPresent(b::link);
                    nsid.ifPresent(b::linkNetnsId);
                    return b;
                });
        Arbitrary<Optional<LinkKind>> kind = withKind ? opt(kind()) : Arbitraries.just(Optional.empty());
        Arbitrary<Optional<LinkKind>> kindOrNot = withKind ? kind : Arbitraries.just(Optional.empty());
        return Combinators.combine(withAttrs, opt(ascii(0, 255)), kindOrNot,
                withKind ? opt(slave()) : Arbitraries.just(Optional.<LinkSlaveInfo>empty()),
                withKind ? raws(LINKINFO_MODELED) : Arbitraries.just(List.<RawAttribute>of()),
                raws(LINK_MODELED))
                .as((b, alias, k, slave, infoUnknown, unknown) -> {
                    alias.ifPresent(b::alias);
                    k.ifPresent(b::kind);
                    slave.ifPresent(b::slave);
                    infoUnknown.forEach(b::addUnknownLinkInfo);
                    unknown.forEach(b::addUnknown);
                    return b.build();
                });
    }

    static Arbitrary<LinkSlaveInfo> slave() {
        return Combinators.combine(ascii(0, 16), opt(raws(Set.of())))
                .as(LinkSlaveInfo::new);
    }

    static Arbitrary<LinkKind> kind() {
        return Arbitraries.oneOf(veth(), bridge(), macvlan(), dummy(), rawKind());
    }

    static Arbitrary<LinkKind> veth() {
        return Combinators.combine(opt(link(false)), raws(Set.of(1))).as(Veth::new);
    }

    static Arbitrary<LinkKind> bridge() {
        Arbitrary<OptionalInt> u32 = optInt(anyInt());
        return Combinators.combine(u32, u32, u32, u32, u32, optInt(Arbitraries.integers().between(0, 0xffff)),
                optInt(Arbitraries.integers().between(0, 0xff)), raws(Set.of(1, 2, 3, 4, 5, 6, 7)))
                .as(Bridge::new);
    }

    static Arbitrary<LinkKind> macvlan() {
        return Combinators.combine(opt(anyInt().map(MacvlanMode::of)), optInt(Arbitraries.integers().between(0, 0xffff)),
                raws(Set.of(1, 2))).as(Macvlan::new);
    }

    static Arbitrary<LinkKind> dummy() {
        return raws(Set.of()).map(Dummy::new);
    }

    /** A kind no codec knows. */
    static Arbitrary<LinkKind> rawKind() {
        return Combinators.combine(Arbitraries.strings().withChars("abcxyz_").ofMinLength(0).ofMaxLength(12)
                        .map(s -> "x" + s), opt(raws(Set.of())))
                .as(RawLinkKind::new);
    }

    // --- addresses ------------------------------------------------------------------------------

    /** IFA_* numbers AddrCodec decodes into fields. */
    static final Set<Integer> ADDR_MODELED = Set.of(1, 2, 3, 4, 5, 6, 8, 9, 11);

    static Arbitrary<Address> address() {
        return Arbitraries.oneOf(address(inet4(), 32), address(inet6(), 128));
    }

    static Arbitrary<Address> address(Arbitrary<InetAddress> addr, int maxLen) {
        Arbitrary<Address.Builder> base = Combinators.combine(addr, Arbitraries.integers().between(0, maxLen),
                nonNegative(), opt(addr), Arbitraries.integers().between(0, 255), anyInt())
                .as((a, len, idx, peer, scope, flags) -> {
                    Address.Builder b = Address.builder(new InetPrefix(a, len), idx).scope(AddressScope.of(scope))
                            .flags(AddressFlags.of(flags));
                    peer.ifPresent(b::peer);
                    return b;
                });
        Arbitrary<Long> u32 = Arbitraries.longs().between(0, 0xFFFFFFFFL);
        Arbitrary<AddressCacheInfo> ci = Combinators.combine(u32, u32, u32, u32).as(AddressCacheInfo::new);
        return Combinators.combine(base, opt(Arbitraries.strings().withChars("abcdef0123:").ofMinLength(1).ofMaxLength(15)),
                        opt(addr), opt(addr), opt(ci), optInt(anyInt()), optInt(Arbitraries.integers().between(0, 255)),
                        raws(ADDR_MODELED))
                .as((b, label, brd, any, cache, metric, proto, unknown) -> {
                    brd.ifPresent(b::broadcast);
                    any.ifPresent(b::anycast);
                    cache.ifPresent(b::cacheInfo);
                    metric.ifPresent(b::metric);
                    proto.ifPresent(b::protocol);
                    unknown.forEach(b::addUnknown);
                    Address a = b.build();
                    // a label through the record (the builder refuses one on IPv6; decoders accept it)
                    return new Address(a.ifindex(), a.address(), a.prefixLength(), a.peer(), a.scope(), a.flags(),
                            label, a.broadcast(), a.anycast(), a.cacheInfo(), a.metric(), a.protocol(), a.unknown());
                });
    }

    // --- neighbours -----------------------------------------------------------------------------

    /** NDA_* numbers NeighCodec decodes into fields. */
    static final Set<Integer> NEIGH_MODELED = Set.of(1, 2, 3, 4, 5, 9, 12);

    static Arbitrary<Neighbour> neighbour() {
        Arbitrary<Neighbour.Builder> ip = Arbitraries.oneOf(inet4(), inet6()).flatMap(dst ->
                nonNegative().map(idx -> Neighbour.builder(dst, idx)));
        Arbitrary<Long> u32 = Arbitraries.longs().between(0, 0xFFFFFFFFL);
        Arbitrary<NeighbourCacheInfo> ci = Combinators.combine(u32, u32, u32, u32).as(NeighbourCacheInfo::new);
        Arbitrary<Neighbour> ipNeighbour = Combinators.combine(ip, opt(mac()),
                        Arbitraries.integers().between(0, 0xffff), Arbitraries.integers().between(0, 0xff),
                        Arbitraries.integers().between(0, 0xff), opt(ci), optInt(anyInt()),
                        optInt(Arbitraries.integers().between(0, 0xffff)))
                .as((b, ll, state, flags, type, cache, probes, vlan) -> {
                    ll.ifPresent(b::lladdr);
                    b.state(NeighbourState.of(state)).flags(NeighbourFlags.of(flags)).type(type);
                    cache.ifPresent(b::cacheInfo);
                    probes.ifPresent(b::probes);
                    vlan.ifPresent(b::vlan);
                    return b;
                })
                .flatMap(b -> Combinators.combine(optInt(anyInt()), optInt(Arbitraries.integers().between(0, 255)),
                        raws(NEIGH_MODELED)).as((master, proto, unknown) -> {
                            master.ifPresent(b::master);
                            proto.ifPresent(b::protocol);
                            unknown.forEach(b::addUnknown);
                            return b.build();
                        }));
        // bridge FDB entries: family AF_BRIDGE, maybe no destination
        Arbitrary<Neighbour> fdb = Combinators.combine(nonNegative(), opt(Arbitraries.oneOf(inet4(), inet6())), mac(),
                        optInt(Arbitraries.integers().between(0, 0xffff)), optInt(nonNegative()), raws(NEIGH_MODELED))
                .as((idx, dst, ll, vlan, master, unknown) -> new Neighbour(AddressFamily.BRIDGE, idx, dst, Optional.of(ll),
                        NeighbourState.PERMANENT, NeighbourFlags.of(NeighbourFlags.NTF_MASTER), 0, Optional.empty(),
                        OptionalInt.empty(), vlan, master, OptionalInt.empty(), unknown));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, ipNeighbour), net.jqwik.api.Tuple.of(1, fdb));
    }
}
