package io.github.netlink4j.core;

/** No answer arrived within the socket's receive timeout. */
public class NetlinkTimeoutException extends NetlinkException {
    private static final long serialVersionUID = 1L;

    public NetlinkTimeoutException(String message) {
        super(message);
    }
}
