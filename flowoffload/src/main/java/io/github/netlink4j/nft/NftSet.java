package io.github.netlink4j.nft;

import io.github.netlink4j.core.wire.ByteString;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A set of keys a rule can {@link Lookup}. Named sets are created on their own and filled with
 * {@link Transaction#addElements}; anonymous sets ({@code tcp dport { 80, 443 }}) are made by
 * {@link Match} and created with their rule.
 *
 * @param flags    NFT_SET_* ({@link #ANONYMOUS}, {@link #CONSTANT}, {@link #INTERVAL}, {@link #TIMEOUT}...)
 * @param id       NFTA_SET_ID: names the set to rules and elements of the same transaction
 * @param userdata libnftnl userdata TLVs (key byte order, typeof), which nft reads to print the set
 * @param size     NFTA_SET_DESC_SIZE, the expected number of elements (nft sets it on anonymous sets)
 */
public record NftSet(Family family, String table, String name, SetKeyType keyType, int flags, OptionalInt id,
                     OptionalInt size, Optional<ByteString> userdata, OptionalLong handle) {
    public static final int ANONYMOUS = 0x1;
    public static final int CONSTANT = 0x2;
    public static final int INTERVAL = 0x4;
    public static final int MAP = 0x8;
    public static final int TIMEOUT = 0x10;

    public NftSet {
        Objects.requireNonNull(family, "family");
        Chain.checkName(table);
        Chain.checkName(name);
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(userdata, "userdata");
        Objects.requireNonNull(handle, "handle");
        if ((flags & MAP) != 0) {
            throw new IllegalArgumentException("maps are not supported: flags 0x" + Integer.toHexString(flags));
        }
    }

    /** {@code set TABLE NAME { type KEYTYPE; }} with nft's userdata (key byte order). */
    public static NftSet named(Table table, String name, SetKeyType keyType) {
        return new NftSet(table.family(), table.name(), name, keyType, 0, OptionalInt.empty(), OptionalInt.empty(),
                Optional.of(keyByteOrder(keyType, ByteString.EMPTY)), OptionalLong.empty());
    }

    public NftSet withFlags(int flags) {
        return new NftSet(family, table, name, keyType, flags, id, size, userdata, handle);
    }

    /** This set named to the elements and rules of the transaction by {@code id} (NFTA_SET_ID). */
    public NftSet withId(int id) {
        return new NftSet(family, table, name, keyType, flags, OptionalInt.of(id), size, userdata, handle);
    }

    public boolean anonymous() {
        return (flags & ANONYMOUS) != 0;
    }

    /**
     * Userdata: NFTNL_UDATA_SET_KEYBYTEORDER (type 0, a u32 in host order: 1 host, 2 big-endian),
     * then {@code more} (further TLVs).
     */
    static ByteString keyByteOrder(SetKeyType t, ByteString more) {
        ByteBuffer b = ByteBuffer.allocate(6 + more.size()).order(ByteOrder.nativeOrder());
        b.put((byte) 0).put((byte) 4).putInt(t.bigEndian() ? 2 : 1);
        more.writeTo(b);
        return ByteString.of(b.array());
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("set ").append(family.keyword()).append(' ').append(table).append(' ')
                .append(name).append(" { type ").append(keyType).append(';');
        if ((flags & (INTERVAL | TIMEOUT | CONSTANT)) != 0) {
            StringBuilder f = new StringBuilder();
            if ((flags & CONSTANT) != 0) {
                f.append("constant");
            }
            if ((flags & INTERVAL) != 0) {
                f.append(f.length() > 0 ? "," : "").append("interval");
            }
            if ((flags & TIMEOUT) != 0) {
                f.append(f.length() > 0 ? "," : "").append("timeout");
            }
            sb.append(" flags ").append(f).append(';');
        }
        return sb.append(" }").toString();
    }
}
