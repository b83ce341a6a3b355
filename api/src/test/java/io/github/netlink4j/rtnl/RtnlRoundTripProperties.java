package io.github.netlink4j.rtnl;

import io.github.netlink4j.core.MalformedMessageException;
import io.github.netlink4j.core.wire.MessageReader;
import io.github.netlink4j.core.wire.MessageWriter;
import io.github.netlink4j.rtnl.internal.AddrCodec;
import io.github.netlink4j.rtnl.internal.LinkCodec;
import io.github.netlink4j.rtnl.internal.NeighCodec;
import io.github.netlink4j.rtnl.internal.Rtm;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Encode, decode, compare: every Link, Address and Neighbour (kinds, raw kinds and unknown
 * attributes included) comes back equal, and its encoding is stable; arbitrary bytes decode to a
 * value or a MalformedMessageException, nothing else.
 */
class RtnlRoundTripProperties {

    static byte[] message(int type, Consumer<MessageWriter> body) {
        MessageWriter w = new MessageWriter(256);
        int m = w.beginMessage(type, 0);
        body.accept(w);
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

    @Property(tries = 1500)
    void linksRoundTrip(@ForAll("links") Link link) {
        byte[] wire = message(Rtm.RTM_NEWLINK, w -> LinkCodec.encode(w, link));
        Link back = decode(wire, LinkCodec::decode);
        assertEquals(link, back);
        assertArrayEquals(wire, message(Rtm.RTM_NEWLINK, w -> LinkCodec.encode(w, back)));
    }

    @Property(tries = 1500)
    void addressesRoundTrip(@ForAll("addresses") Address address) {
        byte[] wire = message(Rtm.RTM_NEWADDR, w -> AddrCodec.encode(w, address));
        Address back = decode(wire, AddrCodec::decode);
        assertEquals(address, back);
        assertArrayEquals(wire, message(Rtm.RTM_NEWADDR, w -> AddrCodec.encode(w, back)));
    }

    @Property(tries = 1500)
    void neighboursRoundTrip(@ForAll("neighbours") Neighbour neighbour) {
        byte[] wire = message(Rtm.RTM_NEWNEIGH, w -> NeighCodec.encode(w, neighbour));
        Neighbour back = decode(wire, NeighCodec::decode);
        assertEquals(neighbour, back);
        assertArrayEquals(wire, message(Rtm.RTM_NEWNEIGH, w -> NeighCodec.encode(w, back)));
    }

    /** An unknown kind's IFLA_INFO_DATA and unknown attributes come back byte for byte. */
    @Property(tries = 1000)
    void rawKindsAndUnknownAttributesAreReEmittedByteForByte(@ForAll("rawKindLinks") Link link) {
        byte[] wire = message(Rtm.RTM_NEWLINK, w -> LinkCodec.encode(w, link));
        Link back = decode(wire, LinkCodec::decode);
        RawLinkKind k = (RawLinkKind) back.kind().orElseThrow();
        assertEquals(link.kind().get(), k);
        assertEquals(link.unknown(), back.unknown());
        byte[] again = message(Rtm.RTM_NEWLINK, w -> LinkCodec.encode(w, back));
        assertArrayEquals(wire, again);
    }

    @Property(tries = 1000)
    void eventsOfEveryKindDecode(@ForAll("links") Link link, @ForAll("addresses") Address address,
                                 @ForAll("neighbours") Neighbour neighbour) {
        assertEquals(new RtEvent.LinkEvent(RtEvent.Action.DELETED, link),
                decode(message(Rtm.RTM_DELLINK, w -> LinkCodec.encode(w, link)), RtEvents::decode));
        assertEquals(new RtEvent.AddressEvent(RtEvent.Action.NEW, address),
                decode(message(Rtm.RTM_NEWADDR, w -> AddrCodec.encode(w, address)), RtEvents::decode));
        assertEquals(new RtEvent.NeighbourEvent(RtEvent.Action.DELETED, neighbour),
                decode(message(Rtm.RTM_DELNEIGH, w -> NeighCodec.encode(w, neighbour)), RtEvents::decode));
    }

    // --- arbitrary input ------------------------------------------------------------------------

    @Property(tries = 3000)
    void arbitraryPayloadsDecodeOrAreMalformed(@ForAll("cases") Tuple.Tuple2<Integer, byte[]> c) {
        int type = c.get1();
        byte[] payload = c.get2();
        byte[] wire = message(type, w -> w.putBytes(payload));
        String outcome;
        try {
            Object v = decode(wire, m -> switch (type) {
                case Rtm.RTM_NEWLINK -> LinkCodec.decode(m);
                case Rtm.RTM_NEWADDR -> AddrCodec.decode(m);
                default -> NeighCodec.decode(m);
            });
            assertNotNull(v);
            outcome = "decoded";
        } catch (MalformedMessageException expected) {
            outcome = "malformed";
        }
        Statistics.label("outcome").collect(outcome);
        Statistics.label("outcome").coverage(cov -> {
            cov.check("decoded").percentage(p -> p > 3);
            cov.check("malformed").percentage(p -> p > 20);
        });
        // the event decoder never throws: a bad message becomes RtEvent.Malformed
        assertNotNull(decode(wire, RtEvents::decode));
    }

    @Provide
    Arbitrary<Link> links() {
        return RtnlArbitraries.link();
    }

    @Provide
    Arbitrary<Link> rawKindLinks() {
        return Combinators.combine(RtnlArbitraries.link(), RtnlArbitraries.rawKind())
                .as((l, k) -> l.toBuilder().kind(k).build());
    }

    @Provide
    Arbitrary<Address> addresses() {
        return RtnlArbitraries.address();
    }

    @Provide
    Arbitrary<Neighbour> neighbours() {
        return RtnlArbitraries.neighbour();
    }

    /**
     * Per message type: random bytes, and random attribute trees — a family header (mostly with a
     * sane family and index) followed by attributes of known and unknown numbers, with payloads of
     * the sizes those attributes take (1, 2, 4, 16 bytes, a name) or random ones, nested where the
     * schemas nest (IFLA_LINKINFO > IFLA_INFO_DATA > VETH_INFO_PEER).
     */
    @Provide
    Arbitrary<Tuple.Tuple2<Integer, byte[]>> cases() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
        return Arbitraries.of(Rtm.RTM_NEWLINK, Rtm.RTM_NEWADDR, Rtm.RTM_NEWNEIGH).flatMap(type -> {
            int headerLength = type == Rtm.RTM_NEWLINK ? 16 : type == Rtm.RTM_NEWADDR ? 8 : 12;
            return Arbitraries.oneOf(random, structured(headerLength)).map(p -> Tuple.of(type, p));
        });
    }

    static Arbitrary<byte[]> structured(int headerLength) {
        Arbitrary<byte[]> header = Combinators.combine(Arbitraries.bytes().array(byte[].class).ofSize(headerLength),
                Arbitraries.of(0, 2, 7, 10), Arbitraries.integers().between(0, 9)).as((h, family, mode) -> {
                    if (mode > 0) {
                        h[0] = (byte) (int) family;
                        h[headerLength == 8 ? 1 : 4 + 3] &= 0x7f; // prefix length / top byte of the index
                        if (headerLength != 8) {
                            h[7] = 0;
                        } else {
                            h[1] = (byte) ((h[1] & 0xff) % 129);
                            h[7] = 0;
                        }
                    }
                    return h;
                });
        return Combinators.combine(header, attrs(3)).as((h, a) -> concat(h, a));
    }

    static Arbitrary<byte[]> payload() {
        return Arbitraries.oneOf(Arbitraries.bytes().array(byte[].class).ofMaxSize(20),
                Arbitraries.bytes().array(byte[].class).ofSize(1), Arbitraries.bytes().array(byte[].class).ofSize(2),
                Arbitraries.bytes().array(byte[].class).ofSize(4), Arbitraries.bytes().array(byte[].class).ofSize(16),
                Arbitraries.of("veth0", "br0", "veth", "bridge", "macvlan", "dummy", "x")
                        .map(n -> (n + "\0").getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }

    static Arbitrary<byte[]> attrs(int depth) {
        Arbitrary<byte[]> leaf = Combinators.combine(Arbitraries.integers().between(0, 40), payload())
                .as(RtnlRoundTripProperties::attr);
        Arbitrary<byte[]> one = depth == 0 ? leaf : Arbitraries.oneOf(leaf, leaf, leaf,
                Combinators.combine(Arbitraries.of(1, 2, 18), attrs(depth - 1)).as(RtnlRoundTripProperties::attr),
                Combinators.combine(Arbitraries.of(1, 2, 3), attrs(depth - 1))
                        .as((t, inner) -> attr(t, concat(new byte[16], inner))));
        return one.list().ofMaxSize(6).map(list -> {
            byte[] out = new byte[0];
            for (byte[] b : list) {
                out = concat(out, b);
            }
            return out;
        });
    }

    static byte[] attr(int type, byte[] payload) {
        int len = 4 + payload.length;
        byte[] out = new byte[(len + 3) & ~3];
        ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.nativeOrder());
        b.putShort((short) len).putShort((short) type).put(payload);
        return out;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
