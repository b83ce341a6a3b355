package io.github.netlink4j.core;

import java.util.Objects;

/**
 * A system call on a netlink socket or namespace failed (socket, bind, sendmsg, recvmsg,
 * setsockopt, setns, mount...): the call's name and the errno.
 */
public class SystemCallException extends NetlinkException {
    private static final long serialVersionUID = 1L;

    private final String call;
    private final transient Errno errno;

    public SystemCallException(String call, Errno errno, String detail) {
        super(call + " failed: " + errno.name() + " (" + errno.description() + ")"
                + (detail == null || detail.isEmpty() ? "" : ": " + detail));
        this.call = Objects.requireNonNull(call, "call");
        this.errno = errno;
    }

    /** The system call that failed, e.g. {@code "sendmsg"}. */
    public String call() {
        return call;
    }

    public Errno errno() {
        return errno;
    }
}
