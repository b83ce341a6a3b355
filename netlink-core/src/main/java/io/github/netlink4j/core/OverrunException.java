package io.github.netlink4j.core;

/**
 * The kernel dropped messages for this socket because its receive buffer was full
 * ({@code ENOBUFS} from recvmsg). State learned from notifications must be re-read.
 */
public class OverrunException extends NetlinkException {
    private static final long serialVersionUID = 1L;

    public OverrunException(String message) {
        super(message);
    }
}
