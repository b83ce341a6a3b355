package io.github.netlink4j.nft;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What makes a chain a base chain: its type, the hook it is attached to, its priority, its policy
 * (the verdict for packets that reach its end; accept when absent) and, in the netdev family, its
 * devices.
 */
public record BaseChain(ChainType type, Hook hook, int priority, Optional<Verdict> policy, List<String> devices) {
    public BaseChain {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(hook, "hook");
        Objects.requireNonNull(policy, "policy");
        devices = List.copyOf(devices);
        for (String d : devices) {
            Flowtable.checkDevice(d);
        }
        if (policy.isPresent() && policy.get().code() != 0 && policy.get().code() != 1) {
            throw new IllegalArgumentException("chain policy must be accept or drop, was " + policy.get());
        }
    }

    /** {@code type TYPE hook HOOK priority PRIORITY;} */
    public static BaseChain of(ChainType type, Hook hook, int priority) {
        return new BaseChain(type, hook, priority, Optional.empty(), List.of());
    }

    public BaseChain withPolicy(Verdict policy) {
        return new BaseChain(type, hook, priority, Optional.of(policy), devices);
    }

    public BaseChain withDevices(String... devices) {
        return new BaseChain(type, hook, priority, policy, List.of(devices));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("type ").append(type).append(" hook ").append(hook);
        if (devices.size() == 1) {
            sb.append(" device ").append(devices.get(0));
        } else if (!devices.isEmpty()) {
            sb.append(" devices = { ").append(String.join(", ", devices)).append(" }");
        }
        sb.append(" priority ").append(priority).append(';');
        policy.ifPresent(p -> sb.append(" policy ").append(p).append(';'));
        return sb.toString();
    }
}
