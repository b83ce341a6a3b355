package io.github.netlink4j.nft;

import java.util.Objects;

/**
 * The type of a base chain (NFTA_CHAIN_TYPE, a string the kernel's chain-type registry knows):
 * {@code filter}, {@code nat}, {@code route}; an open set.
 */
public record ChainType(String name) {
    public static final ChainType FILTER = new ChainType("filter");
    public static final ChainType NAT = new ChainType("nat");
    public static final ChainType ROUTE = new ChainType("route");

    public ChainType {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.length() > 15) {
            throw new IllegalArgumentException("chain type must be 1..15 characters, was '" + name + "'");
        }
    }

    public static ChainType of(String name) {
        return switch (name) {
            case "filter" -> FILTER;
            case "nat" -> NAT;
            case "route" -> ROUTE;
            default -> new ChainType(name);
        };
    }

    @Override
    public String toString() {
        return name;
    }
}
