package io.github.netlink4j.core.wire;

import java.util.Arrays;
import java.util.Objects;

/**
 * The attributes that may appear at one level of a message (the {@code RTA_*} of a route, the
 * {@code LWTUNNEL_IP_*} inside RTA_ENCAP...), looked up by type. Used to name attributes in errors,
 * to map an extended-ACK offset back to an attribute path, and to decode by schema rather than by
 * the NLA_F_NESTED bit (which the kernel omits in dumps).
 */
public final class AttrSchema {
    /** A schema that knows no attribute: what it contains is named by number. */
    public static final AttrSchema OPAQUE = new AttrSchema("attr", "ATTR_", new Attr<?>[0]);

    private final String family;
    private final String prefix;
    private final Attr<?>[] byType;

    private AttrSchema(String family, String prefix, Attr<?>[] byType) {
        this.family = family;
        this.prefix = prefix;
        this.byType = byType;
    }

    /**
     * @param family short description used in messages, e.g. {@code "rtattr"}
     * @param prefix prefix of the kernel names, used to name unknown types ({@code RTA_} -> {@code RTA_99})
     * @param attrs  the attributes, unique by type
     */
    public static AttrSchema of(String family, String prefix, Attr<?>... attrs) {
        int max = 0;
        for (Attr<?> a : attrs) {
            max = Math.max(max, a.type());
        }
        Attr<?>[] table = new Attr<?>[max + 1];
        for (Attr<?> a : attrs) {
            if (table[a.type()] != null) {
                throw new IllegalArgumentException(family + ": type " + a.type() + " declared twice: "
                        + table[a.type()].name() + " and " + a.name());
            }
            table[a.type()] = a;
        }
        return new AttrSchema(family, prefix, table);
    }

    /** The attribute declared for {@code type}, or null. */
    public Attr<?> attr(int type) {
        int t = type & Nlmsg.NLA_TYPE_MASK;
        return t < byType.length ? byType[t] : null;
    }

    /** The kernel name for {@code type}, or {@code PREFIX + type} when unknown. */
    public String nameOf(int type) {
        Attr<?> a = attr(type);
        return a != null ? a.name() : prefix + (type & Nlmsg.NLA_TYPE_MASK);
    }

    public String family() {
        return family;
    }

    /** A copy of this schema in which nested attribute {@code attr} contains {@code schema}. */
    public AttrSchema withNested(Attr<Void> attr, AttrSchema schema) {
        Objects.requireNonNull(schema, "schema");
        Attr<?>[] copy = Arrays.copyOf(byType, Math.max(byType.length, attr.type() + 1));
        copy[attr.type()] = attr.withSchema(schema);
        return new AttrSchema(family, prefix, copy);
    }

    /**
     * Names the attribute that contains byte {@code target} of a message, from the outside in
     * ({@code RTA_ENCAP > LWTUNNEL_IP_DST}), walking the attributes in {@code buf[from, to)}.
     * Returns an empty string when the offset falls outside every attribute.
     */
    public String pathTo(java.nio.ByteBuffer buf, int from, int to, int target) {
        StringBuilder sb = new StringBuilder();
        AttrSchema schema = this;
        int pos = from;
        int end = to;
        outer:
        while (true) {
            while (pos + Nlmsg.NLA_HDRLEN <= end) {
                int len = buf.getShort(pos) & 0xffff;
                int type = buf.getShort(pos + 2) & 0xffff;
                if (len < Nlmsg.NLA_HDRLEN || pos + len > end) {
                    return sb.toString();
                }
                if (target >= pos && target < pos + Nlmsg.align(len)) {
                    if (sb.length() > 0) {
                        sb.append(" > ");
                    }
                    sb.append(schema.nameOf(type));
                    Attr<?> a = schema.attr(type);
                    if (a != null && a.isNested() && target >= pos + Nlmsg.NLA_HDRLEN) {
                        schema = a.schema();
                        end = pos + len;
                        pos = pos + Nlmsg.NLA_HDRLEN;
                        continue outer;
                    }
                    return sb.toString();
                }
                pos += Nlmsg.align(len);
            }
            return sb.toString();
        }
    }

    @Override
    public String toString() {
        return family;
    }
}
