package io.github.netlink4j.nft;

/**
 * What {@code meta} loads: {@code enum nft_meta_keys} (nf_tables.h), an open enum; {@link #keyword()}
 * is nft's word.
 */
public record MetaKey(int number, String name, String keyword) {
    public static final MetaKey LEN = new MetaKey(0, "NFT_META_LEN", "length");
    public static final MetaKey PROTOCOL = new MetaKey(1, "NFT_META_PROTOCOL", "protocol");
    public static final MetaKey PRIORITY = new MetaKey(2, "NFT_META_PRIORITY", "priority");
    public static final MetaKey MARK = new MetaKey(3, "NFT_META_MARK", "mark");
    public static final MetaKey IIF = new MetaKey(4, "NFT_META_IIF", "iif");
    public static final MetaKey OIF = new MetaKey(5, "NFT_META_OIF", "oif");
    public static final MetaKey IIFNAME = new MetaKey(6, "NFT_META_IIFNAME", "iifname");
    public static final MetaKey OIFNAME = new MetaKey(7, "NFT_META_OIFNAME", "oifname");
    public static final MetaKey NFPROTO = new MetaKey(15, "NFT_META_NFPROTO", "nfproto");
    public static final MetaKey L4PROTO = new MetaKey(16, "NFT_META_L4PROTO", "l4proto");

    public static MetaKey of(int n) {
        for (MetaKey k : new MetaKey[]{LEN, PROTOCOL, PRIORITY, MARK, IIF, OIF, IIFNAME, OIFNAME, NFPROTO, L4PROTO}) {
            if (k.number == n) {
                return k;
            }
        }
        return new MetaKey(n, "NFT_META_" + n, "meta" + n);
    }

    @Override
    public String toString() {
        return keyword;
    }
}
