package io.github.netlink4j.core;

import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.MessageWriter;

/**
 * One netlink request message, as a value: its type, its NLM_F_* modifiers and how to encode its
 * body. {@link NetlinkChannel} adds the header, sequence number, NLM_F_REQUEST and NLM_F_ACK.
 *
 * <p>{@code toString()} should say what the request does in the operator's words (the equivalent
 * {@code ip ...} or {@code nft ...} command): it ends up in logs and in {@link KernelException}s.
 */
public interface NetlinkRequest {
    /** nlmsg_type, e.g. RTM_NEWROUTE. */
    int type();

    /** NLM_F_* modifiers other than NLM_F_REQUEST and NLM_F_ACK (e.g. NLM_F_CREATE | NLM_F_EXCL, NLM_F_DUMP). */
    int flags();

    /** Writes the payload after the nlmsghdr: the family header, then the attributes. */
    void encode(MessageWriter w);

    /** The name of {@link #type()}, e.g. {@code RTM_NEWROUTE}; used in errors and logs. */
    String operation();

    /** Bytes of fixed family header before the attributes (12 for struct rtmsg); for error paths. */
    default int headerLength() {
        return 0;
    }

    /** The schema of this request's top-level attributes, for naming the attribute an extack points at. */
    default AttrSchema schema() {
        return AttrSchema.OPAQUE;
    }
}
