package io.github.netlink4j.nft;

/**
 * A committed transaction.
 *
 * @param operations the number of operations the kernel applied, atomically
 */
public record CommitResult(int operations) {
}
