package io.github.netlink4j.core.wire;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * The one declaration of a netlink attribute: its type number, its kernel name and its codec (or,
 * for a nested attribute, the schema of what it contains). Encoders and decoders both go through
 * it, so they cannot drift apart, and errors say {@code RTA_OIF}, not {@code 4}.
 *
 * @param <T> the Java type of the payload ({@code Void} for nested attributes)
 */
public final class Attr<T> {
    private final int type;
    private final String name;
    private final AttrCodec<T> codec;
    private final Supplier<AttrSchema> nested;

    private Attr(int type, String name, AttrCodec<T> codec, Supplier<AttrSchema> nested) {
        if (type < 0 || type > Nlmsg.NLA_TYPE_MAX) {
            throw new IllegalArgumentException("attribute type must be in 0.." + Nlmsg.NLA_TYPE_MAX + ", was " + type);
        }
        this.type = type;
        this.name = Objects.requireNonNull(name, "name");
        this.codec = codec;
        this.nested = nested;
    }

    /** A leaf attribute with a payload of {@code codec}'s type. */
    public static <T> Attr<T> of(int type, String name, AttrCodec<T> codec) {
        return new Attr<>(type, name, Objects.requireNonNull(codec, "codec"), null);
    }

    /** A nested attribute (written with NLA_F_NESTED) whose contents follow {@code schema}. */
    public static Attr<Void> nested(int type, String name, Supplier<AttrSchema> schema) {
        return new Attr<>(type, name, null, Objects.requireNonNull(schema, "schema"));
    }

    /**
     * A nested attribute whose contents depend on a sibling (IFLA_INFO_DATA on IFLA_INFO_KIND,
     * RTA_ENCAP on RTA_ENCAP_TYPE): decoders choose the schema; the request supplies one for error
     * paths through {@link AttrSchema#withNested}.
     */
    public static Attr<Void> nested(int type, String name) {
        return new Attr<>(type, name, null, () -> AttrSchema.OPAQUE);
    }

    public int type() {
        return type;
    }

    public String name() {
        return name;
    }

    public boolean isNested() {
        return nested != null;
    }

    /** The codec of a leaf attribute. */
    public AttrCodec<T> codec() {
        if (codec == null) {
            throw new IllegalStateException(name + " is a nested attribute and has no codec");
        }
        return codec;
    }

    /** The schema of a nested attribute's contents. */
    public AttrSchema schema() {
        if (nested == null) {
            throw new IllegalStateException(name + " is not a nested attribute");
        }
        return nested.get();
    }

    /** This nested attribute with another schema for its contents. */
    public Attr<Void> withSchema(AttrSchema schema) {
        if (nested == null) {
            throw new IllegalStateException(name + " is not a nested attribute");
        }
        return new Attr<>(type, name, null, () -> schema);
    }

    /** Formats a value of this attribute for messages. */
    public String format(T value) {
        return codec == null ? "{...}" : codec.format(value);
    }

    @Override
    public String toString() {
        return name + "(" + type + ")";
    }
}
