package io.github.netlink4j.nft;

import io.github.netlink4j.core.KernelException;

import java.util.List;
import java.util.Objects;

/**
 * The kernel refused a transaction, so nothing of it was applied. Names the operation that failed
 * (its index in the transaction and its {@code nft} command), with the kernel's errno, extended-ACK
 * text and the attribute it pointed at. Index -1 is the batch itself (a generation mismatch:
 * ERESTART, the ruleset changed since {@link Transaction#expectGeneration}).
 */
public final class TransactionException extends KernelException {
    private static final long serialVersionUID = 1L;

    private final int index;
    private final transient List<KernelException> all;

    TransactionException(int index, KernelException first, List<KernelException> all, int operations) {
        super(first.errno(), first.operation(), first.request(), first.extackMessage().orElse(null),
                first.attributePath().orElse(null), first.extackOffset().orElse(-1));
        this.index = index;
        this.all = List.copyOf(all);
        Objects.requireNonNull(first, "first");
        initCause(first);
        this.operations = operations;
    }

    private final int operations;

    /** The failing operation's position in the transaction (0-based), or -1 for the batch as a whole. */
    public int index() {
        return index;
    }

    /** Every refusal the kernel reported, in order (the first is this exception's). */
    public List<KernelException> refusals() {
        return all;
    }

    @Override
    public String getMessage() {
        String where = index < 0 ? "the batch" : "operation " + (index + 1) + " of " + operations;
        return "transaction not applied: " + where + " refused: " + super.getMessage();
    }
}
