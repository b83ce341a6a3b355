package io.github.netlink4j.core;

import io.github.netlink4j.core.wire.MessageReader;

/**
 * Turns the current message of a reader into a value (a record that owns its data), or null to
 * skip the message.
 */
@FunctionalInterface
public interface MessageDecoder<T> {
    T decode(MessageReader message);
}
