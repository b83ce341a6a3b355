package io.github.netlink4j.core.wire;

/**
 * Netlink message framing constants, from include/uapi/linux/netlink.h.
 */
public final class Nlmsg {
    private Nlmsg() {
    }

    /** sizeof(struct nlmsghdr): u32 len, u16 type, u16 flags, u32 seq, u32 pid. */
    public static final int HDRLEN = 16;
    /** #define NLMSG_HDRLEN ((int) NLMSG_ALIGN(sizeof(struct nlmsghdr))) */
    public static final int NLMSG_HDRLEN = HDRLEN;
    /** #define NLA_HDRLEN ((int) NLA_ALIGN(sizeof(struct nlattr))): u16 len, u16 type. */
    public static final int NLA_HDRLEN = 4;

    // Flags values (netlink.h).
    public static final int NLM_F_REQUEST = 0x01;
    public static final int NLM_F_MULTI = 0x02;
    public static final int NLM_F_ACK = 0x04;
    public static final int NLM_F_ECHO = 0x08;
    public static final int NLM_F_DUMP_INTR = 0x10;
    public static final int NLM_F_DUMP_FILTERED = 0x20;
    // Modifiers to GET request.
    public static final int NLM_F_ROOT = 0x100;
    public static final int NLM_F_MATCH = 0x200;
    public static final int NLM_F_ATOMIC = 0x400;
    public static final int NLM_F_DUMP = NLM_F_ROOT | NLM_F_MATCH;
    // Modifiers to NEW request.
    public static final int NLM_F_REPLACE = 0x100;
    public static final int NLM_F_EXCL = 0x200;
    public static final int NLM_F_CREATE = 0x400;
    public static final int NLM_F_APPEND = 0x800;
    // Modifiers to DELETE request.
    public static final int NLM_F_NONREC = 0x100;
    public static final int NLM_F_BULK = 0x200;
    // Flags for ACK message.
    public static final int NLM_F_CAPPED = 0x100;
    public static final int NLM_F_ACK_TLVS = 0x200;

    // Reserved control messages (type < NLMSG_MIN_TYPE = 0x10).
    public static final int NLMSG_NOOP = 0x1;
    public static final int NLMSG_ERROR = 0x2;
    public static final int NLMSG_DONE = 0x3;
    public static final int NLMSG_OVERRUN = 0x4;
    public static final int NLMSG_MIN_TYPE = 0x10;

    // Attribute type bits (struct nlattr nla_type).
    public static final int NLA_F_NESTED = 1 << 15;
    public static final int NLA_F_NET_BYTEORDER = 1 << 14;
    /** #define NLA_TYPE_MASK ~(NLA_F_NESTED | NLA_F_NET_BYTEORDER) — an int, as in C. */
    public static final int NLA_TYPE_MASK = ~(NLA_F_NESTED | NLA_F_NET_BYTEORDER);
    /** The largest attribute type number: the 14 bits NLA_TYPE_MASK leaves. */
    public static final int NLA_TYPE_MAX = 0x3fff;

    // enum nlmsgerr_attrs
    public static final int NLMSGERR_ATTR_MSG = 1;
    public static final int NLMSGERR_ATTR_OFFS = 2;
    public static final int NLMSGERR_ATTR_COOKIE = 3;
    public static final int NLMSGERR_ATTR_POLICY = 4;
    public static final int NLMSGERR_ATTR_MISS_TYPE = 5;
    public static final int NLMSGERR_ATTR_MISS_NEST = 6;

    /** {@code #define NLMSG_ALIGN(len) ( ((len)+NLMSG_ALIGNTO-1) & ~(NLMSG_ALIGNTO-1) )}, NLMSG_ALIGNTO 4. */
    public static int align(int len) {
        return (len + 3) & ~3;
    }

    /** A readable rendering of nlmsg_flags for a request, e.g. {@code REQUEST|ACK|CREATE|EXCL}. */
    public static String flagsToString(int flags, boolean isNew) {
        StringBuilder sb = new StringBuilder();
        append(sb, flags, NLM_F_REQUEST, "REQUEST");
        append(sb, flags, NLM_F_MULTI, "MULTI");
        append(sb, flags, NLM_F_ACK, "ACK");
        append(sb, flags, NLM_F_ECHO, "ECHO");
        append(sb, flags, NLM_F_DUMP_INTR, "DUMP_INTR");
        if (isNew) {
            append(sb, flags, NLM_F_REPLACE, "REPLACE");
            append(sb, flags, NLM_F_EXCL, "EXCL");
            append(sb, flags, NLM_F_CREATE, "CREATE");
            append(sb, flags, NLM_F_APPEND, "APPEND");
        } else {
            append(sb, flags, NLM_F_ROOT, "ROOT");
            append(sb, flags, NLM_F_MATCH, "MATCH");
            append(sb, flags, NLM_F_ATOMIC, "ATOMIC");
        }
        return sb.length() == 0 ? "0" : sb.toString();
    }

    private static void append(StringBuilder sb, int flags, int bit, String name) {
        if ((flags & bit) != 0) {
            if (sb.length() > 0) {
                sb.append('|');
            }
            sb.append(name);
        }
    }
}
