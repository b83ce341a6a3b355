package io.github.netlink4j.nft;

import io.github.netlink4j.core.MalformedMessageException;
import io.github.netlink4j.core.wire.ByteString;
import io.github.netlink4j.core.wire.MessageReader;
import io.github.netlink4j.core.wire.MessageWriter;
import io.github.netlink4j.nft.internal.Nf;
import io.github.netlink4j.nft.internal.NftRequest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Encode, decode, compare, for every registered expression codec, unknown expressions (kept raw),
 * rules, chains, sets and flowtables: values come back equal and re-encode to the same bytes;
 * arbitrary bytes decode or throw MalformedMessageException, nothing else.
 */
class NftCodecProperties {
    static byte[] message(int msg, int family, NftRequest.Body body) {
        NftRequest r = NftRequest.nft(msg, 0, family, body, "test", null);
        MessageWriter w = new MessageWriter(512);
        int m = w.beginMessage(r.type(), 0);
        r.encode(w);
        w.endMessage(m);
        return w.toByteArray();
    }

    static <T> T decode(byte[] bytes, Function<MessageReader, T> decoder) {
        ByteBuffer b = ByteBuffer.allocateDirect(bytes.length).order(ByteOrder.nativeOrder());
        b.put(bytes).flip();
        MessageReader r = new MessageReader(b);
        if (!r.next()) {
            throw new AssertionError("no message");
        }
        return decoder.apply(r);
    }

    static Arbitrary<Integer> reg() {
        return Arbitraries.integers().between(1, 23);
    }

    static Arbitrary<ByteString> data() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(16).map(ByteString::of);
    }

    static Arbitrary<OptionalInt> optReg() {
        return reg().optional().map(o -> o.map(OptionalInt::of).orElse(OptionalInt.empty()));
    }

    static Arbitrary<OptionalInt> optInt(int max) {
        return Arbitraries.integers().between(1, max).optional().map(o -> o.map(OptionalInt::of).orElse(OptionalInt.empty()));
    }

    @Provide
    Arbitrary<Expr> exprs() {
        Arbitrary<Expr> payload = Combinators.combine(reg(), Arbitraries.integers().between(0, 3), Arbitraries.integers()
                .between(0, 255), Arbitraries.integers().between(1, 64)).as((r, b, o, l) -> new Payload(r, PayloadBase.of(b), o, l));
        Arbitrary<Expr> meta = Combinators.combine(Arbitraries.integers().between(0, 40), reg()).as((k, r) -> new Meta(MetaKey.of(k), r));
        Arbitrary<Expr> cmp = Combinators.combine(reg(), Arbitraries.integers().between(0, 5), data())
                .as((r, op, d) -> new Cmp(r, CmpOp.of(op), d));
        Arbitrary<Expr> bitwise = Combinators.combine(reg(), reg(), Arbitraries.integers().between(1, 16), Arbitraries.longs())
                .as((s, d, len, seed) -> {
                    java.util.Random rnd = new java.util.Random(seed);
                    byte[] m = new byte[len];
                    byte[] x = new byte[len];
                    rnd.nextBytes(m);
                    rnd.nextBytes(x);
                    return new Bitwise(s, d, len, ByteString.of(m), ByteString.of(x));
                });
        Arbitrary<Expr> range = Combinators.combine(reg(), Arbitraries.of(true, false), Arbitraries.integers().between(1, 16),
                Arbitraries.longs()).as((r, n, len, seed) -> {
                    java.util.Random rnd = new java.util.Random(seed);
                    byte[] a = new byte[len];
                    byte[] b = new byte[len];
                    rnd.nextBytes(a);
                    rnd.nextBytes(b);
                    return new Range(r, n, ByteString.of(a), ByteString.of(b));
                });
        Arbitrary<Expr> verdict = Arbitraries.oneOf(Arbitraries.of(Verdict.ACCEPT, Verdict.DROP, Verdict.RETURN, Verdict.CONTINUE,
                        Verdict.BREAK), Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20).map(Verdict::jump),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20).map(Verdict::goTo))
                .map(Immediate::verdict);
        Arbitrary<Expr> value = Combinators.combine(reg(), data()).as(Immediate::value);
        Arbitrary<Expr> ct = Combinators.combine(Arbitraries.integers().between(0, 30), reg(),
                Arbitraries.integers().between(0, 1).optional()).as((k, r, d) -> new Ct(CtKey.of(k), r,
                d.map(OptionalInt::of).orElse(OptionalInt.empty())));
        Arbitrary<Expr> nat = Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(Family.IP, Family.IP6),
                optReg(), optReg(), optReg(), optReg(), optInt(31))
                .as((d, f, a, b, c, e, fl) -> new Nat(d, f, a, b, c, e, fl));
        Arbitrary<Expr> masq = Combinators.combine(optInt(31), optReg(), optReg()).as(Masquerade::new);
        Arbitrary<Expr> redir = Combinators.combine(optReg(), optReg(), optInt(31)).as(Redirect::new);
        Arbitrary<Expr> flow = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(30).map(FlowOffload::new);
        Arbitrary<Expr> counter = Combinators.combine(Arbitraries.longs().greaterOrEqual(0), Arbitraries.longs().greaterOrEqual(0))
                .as((p, b) -> new Counter(OptionalLong.of(p), OptionalLong.of(b)));
        Arbitrary<Expr> lookup = Combinators.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20), reg(),
                optInt(1000), optReg(), optInt(1)).as(Lookup::new);
        Arbitrary<Expr> log = Combinators.combine(Arbitraries.strings().alpha().ofMaxLength(40).optional(),
                optInt(65535), Arbitraries.integers().between(0, 8).optional())
                .as((p, g, l) -> new Log(p, g, l.map(OptionalInt::of).orElse(OptionalInt.empty())));
        Arbitrary<Expr> limit = Combinators.combine(Arbitraries.longs().between(1, 1_000_000), Arbitraries.of(1L, 60L, 3600L),
                Arbitraries.integers().between(0, 100), Arbitraries.of(true, false), Arbitraries.of(true, false)).as(Limit::new);
        Arbitrary<Expr> reject = Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 255))
                .as(Reject::new);
        // an expression this library does not know: kept raw, attributes and all
        Arbitrary<Expr> raw = Combinators.combine(Arbitraries.strings().withCharRange('a', 'z').ofMinLength(3).ofMaxLength(10),
                Arbitraries.integers()).as((k, v) -> {
                    MessageWriter w = new MessageWriter(64);
                    w.putU32Attr(io.github.netlink4j.core.wire.Attr.of(1, "X", io.github.netlink4j.core.wire.Codecs.U32_BE), v);
                    return new RawExpr("zz" + k, ByteString.of(w.toByteArray()));
                });
        return Arbitraries.oneOf(payload, meta, cmp, bitwise, range, verdict, value, ct, nat, masq, redir, flow, counter,
                lookup, log, limit, reject, raw);
    }

    @Provide
    Arbitrary<Rule> rules() {
        return Combinators.combine(Arbitraries.of(Family.IP, Family.IP6, Family.INET, Family.NETDEV, Family.BRIDGE),
                        exprs().list().ofMaxSize(12), Arbitraries.strings().alpha().numeric().ofMaxLength(60).optional(),
                        Arbitraries.longs().between(1, Long.MAX_VALUE))
                .as((f, e, c, h) -> new Rule(f, "t", "c", e, c.map(Rule::commentUserdata), OptionalLong.of(h),
                        OptionalLong.empty(), List.of()));
    }

    @Property(tries = 2000)
    void rulesRoundTrip(@ForAll("rules") Rule rule) {
        byte[] wire = message(Nf.NFT_MSG_NEWRULE, rule.family().number(), w -> NftCodec.rule(w, rule, true, true, new int[0]));
        Rule back = decode(wire, NftCodec::decodeRule);
        assertEquals(rule, back);
        assertEquals(rule.comment(), back.comment());
        assertArrayEquals(wire, message(Nf.NFT_MSG_NEWRULE, back.family().number(),
                w -> NftCodec.rule(w, back, true, true, new int[0])));
        assertNotNull(back.toString());
    }

    @Provide
    Arbitrary<Chain> chains() {
        Arbitrary<Optional<BaseChain>> base = Combinators.combine(Arbitraries.of(ChainType.FILTER, ChainType.NAT, ChainType.ROUTE),
                Arbitraries.integers().between(0, 4), Arbitraries.integers(),
                Arbitraries.of(Verdict.ACCEPT, Verdict.DROP).optional()).as((t, h, p, pol) ->
                new BaseChain(t, Hook.of(Family.IP, h), p, pol, List.of())).optional();
        return Combinators.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(30), base)
                .as((n, b) -> new Chain(Family.IP, "t", n, b, OptionalLong.empty()));
    }

    @Property(tries = 500)
    void chainsRoundTrip(@ForAll("chains") Chain chain) {
        byte[] wire = message(Nf.NFT_MSG_NEWCHAIN, chain.family().number(), w -> NftCodec.chain(w, chain, true));
        assertEquals(chain, decode(wire, NftCodec::decodeChain));
    }

    @Property(tries = 300)
    void flowtablesRoundTrip(@ForAll("names") String name, @ForAll int priority, @ForAll("devices") List<String> devices) {
        Flowtable f = new Flowtable(Family.INET, "t", name, Hook.INGRESS, priority, devices, 2, OptionalLong.empty());
        byte[] wire = message(Nf.NFT_MSG_NEWFLOWTABLE, 1, w -> NftCodec.flowtable(w, f, true));
        assertEquals(f, decode(wire, NftCodec::decodeFlowtable));
    }

    @Property(tries = 300)
    void setsAndElementsRoundTrip(@ForAll("names") String name, @ForAll("devices") List<String> keys) {
        NftSet s = NftSet.named(Table.of(Family.IP, "t"), name, SetKeyType.IFNAME).withFlags(NftSet.INTERVAL);
        byte[] wire = message(Nf.NFT_MSG_NEWSET, 2, w -> NftCodec.set(w, s, 7, true));
        assertEquals(s, decode(wire, NftCodec::decodeSet));
        List<SetElement> els = keys.stream().map(k -> new SetElement(ByteString.of(java.util.Arrays.copyOf(
                k.getBytes(java.nio.charset.StandardCharsets.US_ASCII), 16)), k.length() % 2)).toList();
        byte[] ew = message(Nf.NFT_MSG_NEWSETELEM, 2, w -> NftCodec.elements(w, "t", name, OptionalInt.empty(), els));
        assertEquals(els, decode(ew, NftCodec::decodeElements));
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(40);
    }

    @Provide
    Arbitrary<List<String>> devices() {
        return Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(15).list().ofMinSize(1).ofMaxSize(4);
    }

    /** Arbitrary bytes after a valid header: a value, or MalformedMessageException, nothing else. */
    @Property(tries = 3000)
    void arbitraryBytesDecodeOrThrowMalformed(@ForAll("garbage") byte[] payload, @ForAll("decoders") int which) {
        byte[] wire = message(Nf.NFT_MSG_NEWRULE, 2, w -> w.putBytes(payload));
        try {
            Object v = switch (which) {
                case 0 -> decode(wire, NftCodec::decodeRule);
                case 1 -> decode(wire, NftCodec::decodeChain);
                case 2 -> decode(wire, NftCodec::decodeTable);
                case 3 -> decode(wire, NftCodec::decodeSet);
                case 4 -> decode(wire, NftCodec::decodeFlowtable);
                default -> decode(wire, NftCodec::decodeElements);
            };
            assertNotNull(v);
        } catch (MalformedMessageException expected) {
            // refused cleanly
        }
    }

    @Provide
    Arbitrary<Integer> decoders() {
        return Arbitraries.integers().between(0, 5);
    }

    @Provide
    Arbitrary<byte[]> garbage() {
        // half random, half mutated valid rules, so that decoding gets deep
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
        Arbitrary<byte[]> mutated = Combinators.combine(rules(), Arbitraries.integers().between(0, 10_000),
                Arbitraries.bytes()).as((r, pos, b) -> {
                    byte[] w = message(Nf.NFT_MSG_NEWRULE, 2, x -> NftCodec.rule(x, r, true, true, new int[0]));
                    byte[] body = java.util.Arrays.copyOfRange(w, 20, w.length);
                    if (body.length > 0) {
                        body[pos % body.length] = b;
                    }
                    return body;
                });
        return Arbitraries.oneOf(random, mutated);
    }
}
