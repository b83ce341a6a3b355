package io.github.netlink4j.core.wire;

import java.nio.ByteBuffer;

/** Hex renderings of message bytes for errors and trace logs. */
public final class Hex {
    private Hex() {
    }

    /** Up to 8 bytes before and 16 bytes from {@code offset}, with {@code |} at the offset. */
    public static String excerpt(ByteBuffer buf, int offset) {
        int from = Math.max(0, offset - 8);
        int to = Math.min(buf.limit(), offset + 16);
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (i == offset) {
                sb.append('|');
            } else if (i > from) {
                sb.append(' ');
            }
            sb.append(Character.forDigit((buf.get(i) >> 4) & 0xf, 16))
                    .append(Character.forDigit(buf.get(i) & 0xf, 16));
        }
        return sb.toString();
    }

    /** The bytes [from, to) of {@code buf}, 4 bytes a line, each line prefixed by its offset. */
    public static String dump(ByteBuffer buf, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i += 4) {
            sb.append(String.format("%04x:", i - from));
            for (int j = i; j < Math.min(i + 4, to); j++) {
                sb.append(' ').append(Character.forDigit((buf.get(j) >> 4) & 0xf, 16))
                        .append(Character.forDigit(buf.get(j) & 0xf, 16));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
