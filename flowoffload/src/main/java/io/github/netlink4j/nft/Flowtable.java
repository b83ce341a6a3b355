package io.github.netlink4j.nft;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A flowtable: connections that a {@code flow add @NAME} rule offloads take a fast path at the
 * ingress hook of {@code devices}, bypassing the forward chain.
 *
 * @param flags {@link #HW_OFFLOAD} (NFT_FLOWTABLE_HW_OFFLOAD), {@link #COUNTER} (NFT_FLOWTABLE_COUNTER)
 */
public record Flowtable(Family family, String table, String name, Hook hook, int priority, List<String> devices,
                        int flags, OptionalLong handle) {
    public static final int HW_OFFLOAD = 0x1;
    public static final int COUNTER = 0x2;

    public Flowtable {
        Objects.requireNonNull(family, "family");
        Chain.checkName(table);
        Chain.checkName(name);
        Objects.requireNonNull(hook, "hook");
        devices = List.copyOf(devices);
        for (String d : devices) {
            checkDevice(d);
        }
        if ((flags & ~0x3) != 0) {
            throw new IllegalArgumentException("flowtable flags must be within 0x3 (hw-offload, counter), was 0x"
                    + Integer.toHexString(flags));
        }
        Objects.requireNonNull(handle, "handle");
    }

    /** {@code flowtable FAMILY TABLE NAME { hook ingress priority PRIORITY; devices = { ... }; }} */
    public static Flowtable of(Table table, String name, int priority, String... devices) {
        return new Flowtable(table.family(), table.name(), name, Hook.INGRESS, priority, List.of(devices), 0,
                OptionalLong.empty());
    }

    public Flowtable withFlags(int flags) {
        return new Flowtable(family, table, name, hook, priority, devices, flags, handle);
    }

    static void checkDevice(String d) {
        Objects.requireNonNull(d, "device");
        if (d.isEmpty() || d.length() > 15) {
            throw new IllegalArgumentException("device name must be 1..15 characters (IFNAMSIZ - 1), was '" + d + "'");
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("flowtable ").append(family.keyword()).append(' ').append(table).append(' ')
                .append(name).append(" { hook ").append(hook.keyword()).append(" priority ").append(priority).append(';');
        if (!devices.isEmpty()) {
            sb.append(" devices = { ").append(String.join(", ", devices)).append(" };");
        }
        if ((flags & HW_OFFLOAD) != 0) {
            sb.append(" flags offload;");
        }
        if ((flags & COUNTER) != 0) {
            sb.append(" counter;");
        }
        return sb.append(" }").toString();
    }
}
