package io.github.netlink4j.core;

import io.github.netlink4j.core.wire.MessageReader;

/**
 * Receives the messages of a dump or reply one at a time. The reader points at the current message
 * and is valid only during the call: copy whatever must outlive it.
 */
@FunctionalInterface
public interface MessageHandler {
    void onMessage(MessageReader message);
}
