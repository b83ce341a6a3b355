/**
 * nftables without the nft program: {@link io.github.netlink4j.nft.Nftables} opens an nfnetlink
 * socket (in a network namespace if asked), {@link io.github.netlink4j.nft.Transaction} sends atomic
 * batches, and the records {@link io.github.netlink4j.nft.Table}, {@link io.github.netlink4j.nft.Chain},
 * {@link io.github.netlink4j.nft.Rule}, {@link io.github.netlink4j.nft.NftSet} and
 * {@link io.github.netlink4j.nft.Flowtable} are both what is sent and what is read back.
 *
 * <p>Rules are lists of {@link io.github.netlink4j.nft.Expr} values; {@link io.github.netlink4j.nft.Match}
 * and {@link io.github.netlink4j.nft.Stmt} write the expressions nft writes for its phrases, so
 * that {@code nft list ruleset} shows the library's rules as if nft had added them, and every
 * value's {@code toString()} is the nft command or rule text.
 */
package io.github.netlink4j.nft;
