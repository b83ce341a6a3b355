package io.github.netlink4j.examples.gateway;

import io.github.netlink4j.vrf.TenantReport;

import java.util.ArrayList;
import java.util.List;

/**
 * What one {@link Gateway#reconcile} or {@link Gateway#teardown} did, in the operator's words.
 *
 * @param shared   changes shared by every tenant, as the commands they stand for: sysctls
 *                 ({@code sysctl -w ...}), the tunnel device ({@code ip link ...}) and its
 *                 neighbours ({@code ip neigh ...}), the l3mdev rule
 * @param tenants  per tenant applied or removed, what was sent (each request prints as its {@code ip}
 *                 command); tenants already as described have a report with no change
 * @param nft      the nftables changes, as {@code nft} commands, all sent in one transaction
 * @param warnings what the gateway chose not to program, and why (e.g. a SNAT rule it cannot make)
 * @param errors   what failed: the kernel's refusals and the namespace's conflicts
 */
public record GatewayReport(List<String> shared, List<TenantReport> tenants, List<String> nft, List<String> warnings,
                            List<String> errors) {
    public GatewayReport {
        shared = List.copyOf(shared);
        tenants = List.copyOf(tenants);
        nft = List.copyOf(nft);
        warnings = List.copyOf(warnings);
        errors = List.copyOf(errors);
    }

    /** The number of change requests sent to the kernel (accepted or refused); 0 when it already matched. */
    public int changesSent() {
        int n = shared.size() + nft.size();
        for (TenantReport t : tenants) {
            n += t.changesSent();
        }
        return n;
    }

    /** Whether everything was applied. */
    public boolean complete() {
        return errors.isEmpty() && tenants.stream().allMatch(TenantReport::complete);
    }

    /** The report of the tenant whose VRF is {@code vrf}, if it was applied or removed. */
    public java.util.Optional<TenantReport> tenant(String vrf) {
        return tenants.stream().filter(t -> t.vrf().equals(vrf)).findFirst();
    }

    /** Every change sent, in order, as the command it stands for ({@code sysctl}, {@code ip}, {@code nft}). */
    public List<String> changes() {
        List<String> out = new ArrayList<>(shared);
        for (TenantReport t : tenants) {
            t.applied().forEach(r -> out.add(r.toString()));
            t.refused().forEach(r -> out.add(r.change().toString()));
        }
        out.addAll(nft);
        return out;
    }

    /** One line: the number of changes, warnings and errors. */
    public String summary() {
        int n = changesSent();
        return (n == 0 ? "no change" : n + (n == 1 ? " change" : " changes")) + ", " + warnings.size()
                + (warnings.size() == 1 ? " warning" : " warnings") + ", " + errors.size()
                + (errors.size() == 1 ? " error" : " errors");
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(summary());
        for (String c : changes()) {
            sb.append("\n  ").append(c);
        }
        for (String w : warnings) {
            sb.append("\n  warning: ").append(w);
        }
        for (String e : errors) {
            sb.append("\n  error: ").append(e);
        }
        return sb.toString();
    }

    /** Collects a report. */
    static final class Builder {
        final List<String> shared = new ArrayList<>();
        final List<TenantReport> tenants = new ArrayList<>();
        final List<String> nft = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        final List<String> errors = new ArrayList<>();

        GatewayReport build() {
            return new GatewayReport(shared, tenants, nft, warnings, errors);
        }
    }
}
