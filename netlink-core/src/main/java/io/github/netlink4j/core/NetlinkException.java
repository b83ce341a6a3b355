package io.github.netlink4j.core;

/**
 * The root of every exception this library throws for a netlink-level problem.
 *
 * <p>Programmer errors (a bad argument, a closed socket) are {@link IllegalArgumentException}
 * and {@link IllegalStateException} instead, raised before anything is sent.
 */
public class NetlinkException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NetlinkException(String message) {
        super(message);
    }

    public NetlinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
