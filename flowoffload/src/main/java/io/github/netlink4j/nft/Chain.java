package io.github.netlink4j.nft;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A chain: a list of rules. A base chain ({@link #base()} present) is attached to a hook; a regular
 * chain is reached by {@code jump} / {@code goto}.
 */
public record Chain(Family family, String table, String name, Optional<BaseChain> base, OptionalLong handle) {
    public Chain {
        Objects.requireNonNull(family, "family");
        checkName(table);
        checkName(name);
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(handle, "handle");
    }

    /** A regular chain. */
    public static Chain regular(Table table, String name) {
        return new Chain(table.family(), table.name(), name, Optional.empty(), OptionalLong.empty());
    }

    /** A base chain. */
    public static Chain base(Table table, String name, BaseChain base) {
        return new Chain(table.family(), table.name(), name, Optional.of(base), OptionalLong.empty());
    }

    /** Checks an object name (table, chain, set, flowtable): 1..255 characters (NFT_NAME_MAXLEN - 1), no NUL. */
    static void checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.length() > 255 || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("name must be 1..255 characters without NUL (NFT_NAME_MAXLEN), was '"
                    + name + "'");
        }
    }

    @Override
    public String toString() {
        return "chain " + family.keyword() + " " + table + " " + name + base.map(b -> " { " + b + " }").orElse("");
    }
}
