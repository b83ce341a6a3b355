package io.github.netlink4j.vrf;

import io.github.netlink4j.core.NetlinkException;

/**
 * The kernel refused part of a tenant change: {@link #report()} lists what was applied, what was
 * refused (with errno and extended-ACK text) and what was not sent.
 */
public final class TenantException extends NetlinkException {
    private static final long serialVersionUID = 1L;

    private final transient TenantReport report;

    public TenantException(TenantReport report) {
        super(report.toString(), report.refused().isEmpty() ? null : report.refused().get(0).error());
        this.report = report;
    }

    /** What was applied, refused and not sent. */
    public TenantReport report() {
        return report;
    }
}
