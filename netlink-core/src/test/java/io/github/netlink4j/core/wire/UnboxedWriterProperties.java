package io.github.netlink4j.core.wire;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The unboxed writers ({@link MessageWriter#putInt}, {@link MessageWriter#putLong},
 * {@link MessageWriter#putAddress}) write exactly the bytes of the generic
 * {@link MessageWriter#put(Attr, Object)} through the attribute's codec, and refuse what it refuses.
 */
class UnboxedWriterProperties {
    private static final List<AttrCodec<Integer>> INT_CODECS =
            List.of(Codecs.U8, Codecs.U16, Codecs.U16_BE, Codecs.U32, Codecs.U32_BE, Codecs.S32);

    private static byte[] generic(Attr<?> a, Object v) {
        @SuppressWarnings("unchecked")
        Attr<Object> attr = (Attr<Object>) a;
        return new MessageWriter().put(attr, v).toByteArray();
    }

    @Property
    void putIntMatchesPut(@ForAll int value, @ForAll @IntRange(min = 0, max = 5) int codec, @ForAll @IntRange(min = 1, max = 200) int type) {
        Attr<Integer> a = Attr.of(type, "T", INT_CODECS.get(codec));
        byte[] expected;
        try {
            expected = generic(a, value);
        } catch (IllegalArgumentException e) {
            assertThrows(IllegalArgumentException.class, () -> new MessageWriter().putInt(a, value));
            return;
        }
        assertArrayEquals(expected, new MessageWriter().putInt(a, value).toByteArray());
    }

    @Property
    void putIntInRange(@ForAll @IntRange(min = 0, max = 255) int value, @ForAll @IntRange(min = 0, max = 5) int codec) {
        Attr<Integer> a = Attr.of(3, "T", INT_CODECS.get(codec));
        assertArrayEquals(generic(a, value), new MessageWriter().putInt(a, value).toByteArray());
    }

    @Property
    void putLongMatchesPut(@ForAll long value, @ForAll boolean bigEndian) {
        Attr<Long> a = Attr.of(1, "T", bigEndian ? Codecs.U64_BE : Codecs.U64);
        assertArrayEquals(generic(a, value), new MessageWriter().putLong(a, value).toByteArray());
    }

    @Property
    void putAddressMatchesGetAddress(@ForAll @Size(min = 4, max = 4) byte[] v4, @ForAll @Size(min = 16, max = 16) byte[] v6)
            throws UnknownHostException {
        for (byte[] b : new byte[][]{v4, v6}) {
            InetAddress a = InetAddress.getByAddress(b);
            assertArrayEquals(a.getAddress(), new MessageWriter().putAddress(a).toByteArray());
            Attr<InetAddress> attr = Attr.of(2, "T", Codecs.INET);
            byte[] w = new MessageWriter().put(attr, a).toByteArray();
            assertEquals(4 + a.getAddress().length, w.length);
        }
    }
}
