package io.github.netlink4j.vrf;

import io.github.netlink4j.core.NetlinkException;
import io.github.netlink4j.core.NetlinkRequest;

import java.util.List;
import java.util.Objects;

/**
 * What {@link Tenants#apply} or {@link Tenants#remove} sent: every change request the kernel took,
 * every one it refused (with its error), and every one not sent because something it depends on
 * was refused. Reads (dumps) are not counted: a tenant already in its described state yields a
 * report with no changes at all. Each request prints as the {@code ip} command it stands for.
 *
 * @param vrf     the tenant's VRF
 * @param applied the changes the kernel accepted, in the order sent
 * @param refused the changes the kernel refused
 * @param notSent the changes left out because one they depend on was refused
 */
public record TenantReport(String vrf, List<NetlinkRequest> applied, List<Refusal> refused, List<NetlinkRequest> notSent) {

    /** A change the kernel refused, and its answer. */
    public record Refusal(NetlinkRequest change, NetlinkException error) {
        public Refusal {
            Objects.requireNonNull(change, "change");
            Objects.requireNonNull(error, "error");
        }

        @Override
        public String toString() {
            return change + ": " + error.getMessage();
        }
    }

    public TenantReport {
        Objects.requireNonNull(vrf, "vrf");
        applied = List.copyOf(applied);
        refused = List.copyOf(refused);
        notSent = List.copyOf(notSent);
    }

    /** The number of change requests sent (accepted or refused). */
    public int changesSent() {
        return applied.size() + refused.size();
    }

    /** Whether every change was applied. */
    public boolean complete() {
        return refused.isEmpty() && notSent.isEmpty();
    }

    /** One line: how many changes were applied, refused and not sent. */
    public String summary() {
        return "tenant " + vrf + ": " + applied.size() + " applied, " + refused.size() + " refused, " + notSent.size()
                + " not sent";
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(summary());
        for (Refusal r : refused) {
            sb.append("\n  refused: ").append(r);
        }
        int shown = 0;
        for (NetlinkRequest n : notSent) {
            if (shown++ == 20) {
                sb.append("\n  ... ").append(notSent.size() - 20).append(" more not sent");
                break;
            }
            sb.append("\n  not sent: ").append(n);
        }
        return sb.toString();
    }
}
