package io.github.netlink4j.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reference bytes captured from the real ip and nft by {@code scripts/capture-refbytes}: the
 * command, the tool and kernel versions, the setup, the interface indexes, and the messages sent
 * (nlmsg_seq and nlmsg_pid zeroed).
 */
public record RefBytes(String name, String command, String tool, String kernel, String setup,
                       Map<String, Integer> ifindex, List<byte[]> messages) {

    /** Loads {@code refbytes/NAME.txt} from the test resources. */
    public static RefBytes load(String name) {
        String path = "/refbytes/" + name + ".txt";
        try (InputStream in = RefBytes.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new AssertionError("no fixture " + path + " (regenerate with scripts/capture-refbytes)");
            }
            return parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RefBytes parse(String name, String text) {
        String command = "", tool = "", kernel = "", setup = "";
        Map<String, Integer> ifindex = new LinkedHashMap<>();
        List<byte[]> messages = new ArrayList<>();
        java.io.ByteArrayOutputStream cur = null;
        for (String line : text.split("\n")) {
            if (line.startsWith("# message ")) {
                if (cur != null) {
                    messages.add(cur.toByteArray());
                }
                cur = new java.io.ByteArrayOutputStream();
            } else if (line.startsWith("# command: ")) {
                command = line.substring(11);
            } else if (line.startsWith("# tool: ")) {
                tool = line.substring(8);
            } else if (line.startsWith("# kernel: ")) {
                kernel = line.substring(10);
            } else if (line.startsWith("# setup: ")) {
                setup = line.substring(9);
            } else if (line.startsWith("# ifindex:")) {
                for (String kv : line.substring(10).trim().split("\\s+")) {
                    if (!kv.isEmpty()) {
                        String[] p = kv.split("=");
                        ifindex.put(p[0], Integer.parseInt(p[1]));
                    }
                }
            } else if (!line.isBlank() && !line.startsWith("#")) {
                if (cur == null) {
                    throw new IllegalArgumentException(name + ": bytes before the first '# message' line");
                }
                String hex = line.trim();
                for (int i = 0; i < hex.length(); i += 2) {
                    cur.write(Integer.parseInt(hex.substring(i, i + 2), 16));
                }
            }
        }
        if (cur != null) {
            messages.add(cur.toByteArray());
        }
        return new RefBytes(name, command, tool, kernel, setup, Map.copyOf(ifindex), List.copyOf(messages));
    }

    /** The only message; fails when the fixture holds several. */
    public byte[] message() {
        if (messages.size() != 1) {
            throw new AssertionError(name + " holds " + messages.size() + " messages");
        }
        return messages.get(0);
    }

    /** The interface index the fixture's setup gave {@code device}. */
    public int ifindex(String device) {
        Integer i = ifindex.get(device);
        if (i == null) {
            throw new AssertionError(name + ": no device " + device + " in " + ifindex);
        }
        return i;
    }

    /**
     * Asserts {@code actual} is {@code expected} byte for byte, except nlmsg_seq / nlmsg_pid,
     * attribute padding (bytes between nla_len and its 4-byte alignment, which the tools leave
     * uninitialised) and the NLA_F_NESTED bit (the library sets it on every nested attribute it
     * writes; iproute2 on some only — the kernel accepts both). On a mismatch the failure shows both side by side, 4 bytes a line, with the
     * offset and a marker on the lines that differ.
     *
     * @param headerLength the family header's length after the nlmsghdr (12 for rtmsg, 4 for nfgenmsg)
     */
    public static void assertSameMessage(byte[] expected, byte[] actual, int headerLength, String what) {
        boolean[] ignore = new boolean[Math.max(expected.length, actual.length)];
        for (int i = 8; i < 16 && i < ignore.length; i++) {
            ignore[i] = true;
        }
        markPadding(expected, 16 + headerLength, expected.length, ignore, headerLength == 12);
        byte[] mask = new byte[expected.length];
        java.util.Arrays.fill(mask, (byte) 0xff);
        markNestedBit(expected, 16 + headerLength, expected.length, mask);
        boolean same = expected.length == actual.length;
        for (int i = 0; same && i < expected.length; i++) {
            same = ignore[i] || (expected[i] & mask[i]) == (actual[i] & mask[i]);
        }
        if (!same) {
            throw new AssertionError(what + ": bytes differ (expected " + expected.length + " bytes, got "
                    + actual.length + ")\n" + sideBySide(expected, actual, ignore));
        }
    }

    /**
     * Marks attribute padding in {@code b[from, to)}, recursing into nested attributes. In a route
     * message ({@code rtmsg}), RTA_MULTIPATH (9) holds struct rtnexthop entries (8 bytes, then
     * attributes) rather than attributes.
     */
    static void markPadding(byte[] b, int from, int to, boolean[] ignore, boolean rtmsg) {
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.nativeOrder());
        int pos = from;
        while (pos + 4 <= to) {
            int len = buf.getShort(pos) & 0xffff;
            int type = buf.getShort(pos + 2) & 0xffff;
            if (len < 4 || pos + len > to) {
                return;
            }
            for (int i = pos + len; i < Math.min(to, pos + ((len + 3) & ~3)); i++) {
                ignore[i] = true;
            }
            boolean nestedFlag = (type & 0x8000) != 0;
            if (rtmsg && (type & 0x3fff) == 9) {
                int hop = pos + 4;
                while (hop + 8 <= pos + len) {
                    int hopLen = buf.getShort(hop) & 0xffff;
                    if (hopLen < 8 || hop + hopLen > pos + len) {
                        break;
                    }
                    markPadding(b, hop + 8, hop + hopLen, ignore, false);
                    hop += (hopLen + 3) & ~3;
                }
            } else if (nestedFlag || parsesAsAttributes(buf, pos + 4, pos + len)) {
                markPadding(b, pos + 4, pos + len, ignore, false);
            }
            pos += (len + 3) & ~3;
        }
    }

    /** Clears NLA_F_NESTED (bit 15 of nla_type, host order) from the comparison mask, recursively. */
    static void markNestedBit(byte[] b, int from, int to, byte[] mask) {
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.nativeOrder());
        int pos = from;
        while (pos + 4 <= to) {
            int len = buf.getShort(pos) & 0xffff;
            int type = buf.getShort(pos + 2) & 0xffff;
            if (len < 4 || pos + len > to) {
                return;
            }
            int hi = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? pos + 3 : pos + 2;
            mask[hi] = (byte) (mask[hi] & 0x7f);
            if ((type & 0x8000) != 0 || parsesAsAttributes(buf, pos + 4, pos + len)) {
                markNestedBit(b, pos + 4, pos + len, mask);
            }
            pos += (len + 3) & ~3;
        }
    }

    private static boolean parsesAsAttributes(ByteBuffer buf, int from, int to) {
        if (to - from < 4) {
            return false;
        }
        int pos = from;
        while (pos < to) {
            if (pos + 4 > to) {
                return false;
            }
            int len = buf.getShort(pos) & 0xffff;
            if (len < 4 || pos + len > to) {
                return false;
            }
            pos += (len + 3) & ~3;
        }
        return pos == ((to + 3) & ~3) || pos == to;
    }

    /** Both byte arrays, 4 bytes a line, with offsets; {@code <<} marks lines that differ. */
    public static String sideBySide(byte[] expected, byte[] actual, boolean[] ignore) {
        StringBuilder sb = new StringBuilder(String.format("%6s  %-11s  %-11s%n", "offset", "expected", "actual"));
        int n = Math.max(expected.length, actual.length);
        for (int i = 0; i < n; i += 4) {
            boolean differs = false;
            StringBuilder e = new StringBuilder();
            StringBuilder a = new StringBuilder();
            for (int j = i; j < i + 4; j++) {
                e.append(j < expected.length ? String.format("%02x", expected[j]) : "  ");
                a.append(j < actual.length ? String.format("%02x", actual[j]) : "  ");
                if (j < i + 3) {
                    e.append(' ');
                    a.append(' ');
                }
                boolean ign = j < ignore.length && ignore[j];
                if (!ign && (j >= expected.length || j >= actual.length || expected[j] != actual[j])) {
                    differs = true;
                }
            }
            sb.append(String.format("%6d  %s  %s%s%n", i, e, a, differs ? "  <<" : ""));
        }
        return sb.toString();
    }
}
