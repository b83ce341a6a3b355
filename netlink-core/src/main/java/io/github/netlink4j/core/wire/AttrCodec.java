package io.github.netlink4j.core.wire;

import java.nio.ByteBuffer;

/**
 * How one attribute payload is written and read. Implementations are stateless and shared; the
 * common ones are in {@link Codecs}.
 *
 * <p>{@link #write} and {@link #read} mirror each other one for one: whatever {@code write} puts,
 * {@code read} gives back as an equal value.
 *
 * @param <T> the Java type of the payload
 */
public interface AttrCodec<T> {
    /**
     * Checks {@code value} before anything is encoded.
     *
     * @throws IllegalArgumentException naming the value and the allowed range
     */
    default void validate(String attrName, T value) {
    }

    /** Writes the payload (without the nlattr header or padding) at the writer's position. */
    void write(MessageWriter w, T value);

    /**
     * Reads a payload of {@code length} bytes at absolute index {@code offset} of {@code buf}. Whatever
     * is returned must not alias {@code buf}.
     *
     * @throws io.github.netlink4j.core.MalformedMessageException when the bytes do not fit the type
     */
    T read(ByteBuffer buf, int offset, int length);

    /** The value as the operator would write it (used by {@code toString()} of messages). */
    default String format(T value) {
        return String.valueOf(value);
    }
}
