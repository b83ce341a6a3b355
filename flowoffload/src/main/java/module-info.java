/** nftables over nfnetlink: transactions, tables, chains, rules, sets, NAT and flowtables. */
module io.github.netlink4j.nft {
    requires transitive io.github.netlink4j.core;
    requires org.slf4j;

    exports io.github.netlink4j.nft;
}
