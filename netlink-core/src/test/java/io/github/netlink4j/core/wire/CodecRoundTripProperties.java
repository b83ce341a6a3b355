package io.github.netlink4j.core.wire;

import io.github.netlink4j.core.MalformedMessageException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every codec of the core vocabulary: encode then decode gives the value back, and arbitrary bytes
 * either decode or raise {@link MalformedMessageException} — never another exception, never a hang.
 */
class CodecRoundTripProperties {

    /** One generated (codec, value) pair. */
    record Case<T>(AttrCodec<T> codec, T value, String name) {
        @Override
        public String toString() {
            return name + "=" + value;
        }
    }

    @Provide
    Arbitrary<Case<?>> cases() {
        return Arbitraries.oneOf(List.of(
                Arbitraries.integers().between(0, 255).map(v -> new Case<>(Codecs.U8, v, "u8")),
                Arbitraries.integers().between(0, 65535).map(v -> new Case<>(Codecs.U16, v, "u16")),
                Arbitraries.integers().between(0, 65535).map(v -> new Case<>(Codecs.U16_BE, v, "be16")),
                Arbitraries.integers().map(v -> new Case<>(Codecs.U32, v, "u32")),
                Arbitraries.integers().map(v -> new Case<>(Codecs.U32_BE, v, "be32")),
                Arbitraries.integers().map(v -> new Case<>(Codecs.S32, v, "s32")),
                Arbitraries.longs().map(v -> new Case<>(Codecs.U64, v, "u64")),
                Arbitraries.longs().map(v -> new Case<>(Codecs.U64_BE, v, "be64")),
                Arbitraries.just(new Case<>(Codecs.FLAG, Boolean.TRUE, "flag")),
                Arbitraries.strings().excludeChars('\0').ofMaxLength(300).map(v -> new Case<>(Codecs.STRING, v, "string")),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(600).map(v -> new Case<>(Codecs.BYTES, ByteString.of(v), "bytes")),
                Arbitraries.bytes().array(byte[].class).ofSize(4).map(v -> new Case<>(Codecs.INET4, addr(v), "inet4")),
                Arbitraries.bytes().array(byte[].class).ofSize(16).map(v -> new Case<>(Codecs.INET6, addr(v), "inet6")),
                Arbitraries.oneOf(List.of(Arbitraries.bytes().array(byte[].class).ofSize(4),
                        Arbitraries.bytes().array(byte[].class).ofSize(16))).map(v -> new Case<>(Codecs.INET, addr(v), "inet"))));
    }

    private static InetAddress addr(byte[] b) {
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @Property(tries = 10_000)
    <T> void everyCodecRoundTrips(@ForAll("cases") Case<T> c) {
        Attr<T> attr = Attr.of(7, "TEST_ATTR", c.codec());
        MessageWriter w = new MessageWriter(64);
        w.putU8(0xAA).align();
        w.put(attr, c.value());
        ByteBuffer b = w.slice(0).order(ByteOrder.nativeOrder());
        assertEquals(0, w.position() % 4);

        AttrReader r = new AttrReader(b, 4, b.limit(), AttrSchema.of("test", "TEST_", attr));
        assertTrue(r.next());
        assertEquals(7, r.type());
        assertEquals("TEST_ATTR", r.name());
        assertEquals(c.value(), r.get(attr));
        assertFalse(r.next());
        // and the raw form re-encodes byte for byte
        MessageWriter again = new MessageWriter(64);
        again.putU8(0xAA).align();
        AttrReader r2 = new AttrReader(b, 4, b.limit(), AttrSchema.OPAQUE);
        r2.next();
        r2.raw().writeTo(again);
        assertArrayEquals(w.toByteArray(), again.toByteArray());
    }

    /** A generated attribute tree: leaves are raw payloads, inner nodes are nested attributes. */
    record Node(int type, byte[] payload, List<Node> children) {
        void write(MessageWriter w) {
            if (children == null) {
                w.putRaw(type, ByteString.of(payload));
            } else {
                int s = w.beginNested(type);
                for (Node c : children) {
                    c.write(w);
                }
                w.endNested(s);
            }
        }
    }

    @Provide
    Arbitrary<List<Node>> trees() {
        return tree(3).list().ofMaxSize(5);
    }

    private Arbitrary<Node> tree(int depth) {
        Arbitrary<Node> leaf = Combinators.combine(Arbitraries.integers().between(0, 0x3fff),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(40)).as((t, p) -> new Node(t, p, null));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<Node> inner = Combinators.combine(Arbitraries.integers().between(0, 0x3fff),
                tree(depth - 1).list().ofMaxSize(4)).as((t, cs) -> new Node(t, null, cs));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, leaf), net.jqwik.api.Tuple.of(1, inner));
    }

    @Property(tries = 2_000)
    void nestedTreesRoundTripThroughRawAttributes(@ForAll("trees") List<Node> nodes) {
        MessageWriter w = new MessageWriter(64);
        for (Node n : nodes) {
            n.write(w);
        }
        ByteBuffer b = w.slice(0);
        List<Node> back = readTree(new AttrReader(b, 0, b.limit(), AttrSchema.OPAQUE), nodes);
        MessageWriter w2 = new MessageWriter(64);
        for (Node n : back) {
            n.write(w2);
        }
        assertArrayEquals(w.toByteArray(), w2.toByteArray());
    }

    /** Reads by the shape of {@code expected} (schema-driven), checking NLA_F_NESTED was set. */
    private static List<Node> readTree(AttrReader r, List<Node> expected) {
        List<Node> out = new ArrayList<>();
        for (Node e : expected) {
            assertTrue(r.next());
            assertEquals(e.type(), r.type());
            if (e.children() == null) {
                out.add(new Node(r.type(), r.bytes().toByteArray(), null));
            } else {
                assertNotEquals(0, r.rawType() & Nlmsg.NLA_F_NESTED);
                out.add(new Node(r.type(), null, readTree(r.nested(AttrSchema.OPAQUE), e.children())));
            }
        }
        assertFalse(r.next());
        return out;
    }

    private static final Attr<Integer> A_U32 = Attr.of(1, "X_U32", Codecs.U32);
    private static final Attr<String> A_STR = Attr.of(2, "X_STR", Codecs.STRING);
    private static final Attr<InetAddress> A_ADDR = Attr.of(3, "X_ADDR", Codecs.INET);
    private static final Attr<Long> A_BE64 = Attr.of(4, "X_BE64", Codecs.U64_BE);
    private static final Attr<Boolean> A_FLAG = Attr.of(5, "X_FLAG", Codecs.FLAG);
    private static final Attr<Integer> A_U8 = Attr.of(6, "X_U8", Codecs.U8);
    private static final Attr<Integer> A_BE16 = Attr.of(7, "X_BE16", Codecs.U16_BE);
    private static final AttrSchema INNER = AttrSchema.of("inner", "X_",
            A_U32, A_STR, A_ADDR, A_BE64, A_FLAG, A_U8, A_BE16,
            Attr.nested(8, "X_NEST", CodecRoundTripProperties::inner));

    private static AttrSchema inner() {
        return INNER;
    }

    /** Decodes everything in a datagram the way a family decoder would. */
    private static void decodeAll(ByteBuffer b) {
        MessageReader m = new MessageReader(b);
        while (m.next()) {
            m.type();
            m.flags();
            walk(m.attributes(4, INNER));
        }
    }

    private static void walk(AttrReader r) {
        while (r.next()) {
            Attr<?> a = INNER.attr(r.type());
            if (a == null) {
                r.raw();
            } else if (a.isNested()) {
                walk(r.nested());
            } else {
                r.get(a);
            }
        }
    }

    @Property(tries = 10_000)
    void arbitraryBytesDecodeOrFailCleanly(@ForAll @Size(max = 512) byte[] bytes) {
        ByteBuffer b = ByteBuffer.allocateDirect(bytes.length).order(ByteOrder.nativeOrder());
        b.put(bytes).flip();
        try {
            decodeAll(b);
        } catch (MalformedMessageException expected) {
            assertTrue(expected.getMessage().contains("offset"), expected.getMessage());
        }
    }

    @Provide
    Arbitrary<byte[]> plausibleMessages() {
        // Valid framing with random attribute contents, then a few random byte flips: reaches deep.
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(200).flatMap(body ->
                Arbitraries.integers().between(0, 4).list().ofMaxSize(3).map(flips -> {
                    int len = 16 + 4 + body.length;
                    ByteBuffer b = ByteBuffer.allocate(Nlmsg.align(len)).order(ByteOrder.nativeOrder());
                    b.putInt(len).putShort((short) 20).putShort((short) 0).putInt(1).putInt(0).putInt(0).put(body);
                    byte[] a = b.array();
                    for (int f : flips) {
                        int at = (f * 7919 + body.length) % a.length;
                        a[at] ^= (byte) (0x55 + f);
                    }
                    return a;
                }));
    }

    @Property(tries = 10_000)
    void corruptedMessagesDecodeOrFailCleanly(@ForAll("plausibleMessages") byte[] bytes) {
        arbitraryBytesDecodeOrFailCleanly(bytes);
    }
}
