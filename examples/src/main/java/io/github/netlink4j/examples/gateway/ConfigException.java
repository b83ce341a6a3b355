package io.github.netlink4j.examples.gateway;

/**
 * A tenant file the gateway cannot use. The message names where the problem is (the tenant or
 * hypervisor, then the field) and the value given, e.g.
 * {@code tenant "a": key: must be 1..4294967295, got 0}. Nothing has been sent to the kernel.
 */
public final class ConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
