package io.github.netlink4j.nft;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * An nftables table: a namespace of chains, sets and flowtables of one family.
 *
 * @param flags  NFT_TABLE_F_* ({@link #DORMANT}: the table's hooks are not registered)
 * @param handle the kernel's handle (present in tables read back)
 */
public record Table(Family family, String name, int flags, OptionalLong handle) {
    /** NFT_TABLE_F_DORMANT */
    public static final int DORMANT = 0x1;

    public Table {
        Objects.requireNonNull(family, "family");
        Chain.checkName(name);
        Objects.requireNonNull(handle, "handle");
        if ((flags & ~0x3) != 0) {
            throw new IllegalArgumentException("table flags must be within NFT_TABLE_F_MASK (0x3), was 0x"
                    + Integer.toHexString(flags));
        }
    }

    /** A table to create. */
    public static Table of(Family family, String name) {
        return new Table(family, name, 0, OptionalLong.empty());
    }

    public Table withFlags(int flags) {
        return new Table(family, name, flags, handle);
    }

    /** {@code inet gw}: the family and name as nft writes them in commands. */
    public String ref() {
        return family.keyword() + " " + name;
    }

    @Override
    public String toString() {
        return "table " + ref() + ((flags & DORMANT) != 0 ? " { flags dormant; }" : "");
    }
}
