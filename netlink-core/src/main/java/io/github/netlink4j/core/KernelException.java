package io.github.netlink4j.core;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The kernel refused a request: it answered with an {@code NLMSG_ERROR} carrying a negative
 * errno (or a dump ended with one).
 *
 * <p>Carries the errno, the operation ({@code RTM_NEWROUTE}), the request in the operator's words
 * (its {@code toString()}, e.g. the equivalent {@code ip route ...} line), and, when the kernel sent
 * an extended ACK, its message and the request attribute it points at, named from the extack offset
 * ({@code RTA_ENCAP > LWTUNNEL_IP_DST}).
 */
public class KernelException extends NetlinkException {
    private static final long serialVersionUID = 1L;

    private final transient Errno errno;
    private final String operation;
    private final String request;
    private final String extackMessage;
    private final String attributePath;
    private final int extackOffset;

    /**
     * @param errno         the kernel's errno
     * @param operation     the message type name of the request, e.g. {@code RTM_NEWLINK}
     * @param request       the request in the operator's words
     * @param extackMessage the extended-ACK text, or null
     * @param attributePath the attribute the extack offset points at, or null
     * @param extackOffset  the extack offset in the request, or -1
     */
    public KernelException(Errno errno, String operation, String request,
                           String extackMessage, String attributePath, int extackOffset) {
        super(format(errno, operation, request, extackMessage, attributePath));
        this.errno = Objects.requireNonNull(errno, "errno");
        this.operation = Objects.requireNonNull(operation, "operation");
        this.request = request == null ? "" : request;
        this.extackMessage = extackMessage;
        this.attributePath = attributePath;
        this.extackOffset = extackOffset;
    }

    private static String format(Errno errno, String operation, String request,
                                 String extack, String path) {
        StringBuilder sb = new StringBuilder();
        sb.append(operation).append(" refused by the kernel: ").append(errno.name())
                .append(" (").append(errno.description()).append(')');
        if (extack != null && !extack.isEmpty()) {
            sb.append(": ").append(extack);
        }
        if (path != null && !path.isEmpty()) {
            sb.append(" [attribute ").append(path).append(']');
        }
        if (request != null && !request.isEmpty()) {
            sb.append(" in: ").append(request);
        }
        return sb.toString();
    }

    public Errno errno() {
        return errno;
    }

    /** The request's message type name, e.g. {@code RTM_NEWROUTE} or {@code NFT_MSG_NEWRULE}. */
    public String operation() {
        return operation;
    }

    /** The refused request in the operator's words (its {@code toString()}). */
    public String request() {
        return request;
    }

    /** The kernel's extended-ACK message ({@code NLMSGERR_ATTR_MSG}), when it sent one. */
    public Optional<String> extackMessage() {
        return Optional.ofNullable(extackMessage);
    }

    /** The request attribute the kernel pointed at ({@code NLMSGERR_ATTR_OFFS}), named by path. */
    public Optional<String> attributePath() {
        return Optional.ofNullable(attributePath);
    }

    /** The raw extack offset into the request message, when the kernel sent one. */
    public OptionalInt extackOffset() {
        return extackOffset < 0 ? OptionalInt.empty() : OptionalInt.of(extackOffset);
    }
}
