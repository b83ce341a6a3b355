package io.github.netlink4j.nft;

import io.github.netlink4j.core.KernelException;
import io.github.netlink4j.core.NetlinkChannel;
import io.github.netlink4j.core.NetlinkException;
import io.github.netlink4j.core.OverrunException;
import io.github.netlink4j.core.PipelineOptions;
import io.github.netlink4j.core.PipelineResult;
import io.github.netlink4j.core.wire.Nlmsg;
import io.github.netlink4j.nft.internal.Nf;
import io.github.netlink4j.nft.internal.NftRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * An atomic set of changes: every operation goes into ONE datagram between NFNL_MSG_BATCH_BEGIN and
 * NFNL_MSG_BATCH_END (res_id NFNL_SUBSYS_NFTABLES), which the kernel applies entirely or not at
 * all. Operations are sent as nft sends them, without NLM_F_ACK: the kernel answers only the ones it
 * refuses, and a barrier after the batch tells that it is done, so a batch of any size needs only as
 * many answers as it has failures (never one per rule) and stays a single atomic batch.
 *
 * <pre>{@code
 * nft.transaction()
 *    .addTable(gw).addChain(pre)
 *    .addRule(Rule.builder(gw, "pre").match(Match.ipDaddr("203.0.113.10")).then(Stmt.dnat("10.0.0.1")).build())
 *    .commit();
 * }</pre>
 *
 * <p>Not thread safe; build it on one thread. {@link #commit} may be called once.
 */
public final class Transaction {
    private static final Logger LOG = LoggerFactory.getLogger(Transaction.class);

    private final NetlinkChannel channel;
    private final List<NftRequest> ops = new ArrayList<>();
    private int nextSetId = 1;
    private int expectedGeneration;
    private boolean expectGeneration;
    private boolean committed;

    Transaction(NetlinkChannel channel) {
        this.channel = channel;
    }

    private Transaction op(int msg, int flags, Family family, NftRequest.Body body, String text) {
        if (committed) {
            throw new IllegalStateException("transaction already committed");
        }
        ops.add(NftRequest.nft(msg, flags, family.number(), body, text, NftCodec.schemaOf(msg)));
        return this;
    }

    /** {@code nft add table}: creates the table, or updates its flags when it exists. */
    public Transaction addTable(Table t) {
        return op(Nf.NFT_MSG_NEWTABLE, 0, t.family(), w -> NftCodec.table(w, t, true), "nft add " + t);
    }

    /** {@code nft create table}: fails with EEXIST when it exists. */
    public Transaction createTable(Table t) {
        return op(Nf.NFT_MSG_NEWTABLE, Nlmsg.NLM_F_CREATE | Nlmsg.NLM_F_EXCL, t.family(), w -> NftCodec.table(w, t, true),
                "nft create " + t);
    }

    /** {@code nft delete table}: the table and everything in it. */
    public Transaction deleteTable(Table t) {
        return op(Nf.NFT_MSG_DELTABLE, 0, t.family(), w -> NftCodec.table(w, t, false), "nft delete table " + t.ref());
    }

    /** {@code nft flush table}: every rule of the table. */
    public Transaction flushTable(Table t) {
        return op(Nf.NFT_MSG_DELRULE, 0, t.family(), w -> w.put(Nf.NFTA_RULE_TABLE, t.name()), "nft flush table " + t.ref());
    }

    /** {@code nft add chain}. */
    public Transaction addChain(Chain c) {
        return op(Nf.NFT_MSG_NEWCHAIN, Nlmsg.NLM_F_CREATE, c.family(), w -> NftCodec.chain(w, c, true), "nft add " + c);
    }

    /** {@code nft delete chain} (the chain must be empty and unreferenced). */
    public Transaction deleteChain(Chain c) {
        return op(Nf.NFT_MSG_DELCHAIN, 0, c.family(), w -> NftCodec.chain(w, c, false),
                "nft delete chain " + c.family().keyword() + " " + c.table() + " " + c.name());
    }

    /** {@code nft flush chain}: every rule of the chain. */
    public Transaction flushChain(Chain c) {
        return op(Nf.NFT_MSG_DELRULE, 0, c.family(), w -> {
            w.put(Nf.NFTA_RULE_TABLE, c.table());
            w.put(Nf.NFTA_RULE_CHAIN, c.name());
        }, "nft flush chain " + c.family().keyword() + " " + c.table() + " " + c.name());
    }

    /**
     * {@code nft add rule}: appends the rule to its chain (or, with a position, after that rule).
     * The rule's anonymous sets are created first, in this transaction.
     */
    public Transaction addRule(Rule r) {
        int[] ids = anonymousSets(r);
        String pos = r.position().isPresent() ? " position " + r.position().getAsLong() : "";
        return op(Nf.NFT_MSG_NEWRULE, Nlmsg.NLM_F_CREATE | Nlmsg.NLM_F_APPEND, r.family(),
                w -> NftCodec.rule(w, r, false, true, ids), "nft add rule " + ref(r) + pos + " " + r);
    }

    /** {@code nft insert rule}: at the head of the chain, or before the rule whose handle is the rule's position. */
    public Transaction insertRule(Rule r) {
        int[] ids = anonymousSets(r);
        String pos = r.position().isPresent() ? " position " + r.position().getAsLong() : "";
        return op(Nf.NFT_MSG_NEWRULE, Nlmsg.NLM_F_CREATE, r.family(),
                w -> NftCodec.rule(w, r, false, true, ids), "nft insert rule " + ref(r) + pos + " " + r);
    }

    /** {@code nft replace rule ... handle N}: the rule needs its handle. */
    public Transaction replaceRule(Rule r) {
        requireHandle(r, "replace");
        int[] ids = anonymousSets(r);
        return op(Nf.NFT_MSG_NEWRULE, Nlmsg.NLM_F_REPLACE, r.family(), w -> NftCodec.rule(w, r, true, true, ids),
                "nft replace rule " + ref(r) + " handle " + r.handle().getAsLong() + " " + r);
    }

    /** {@code nft delete rule ... handle N}: the rule needs its handle. */
    public Transaction deleteRule(Rule r) {
        requireHandle(r, "delete");
        return op(Nf.NFT_MSG_DELRULE, 0, r.family(), w -> NftCodec.rule(w, r, true, false, new int[0]),
                "nft delete rule " + ref(r) + " handle " + r.handle().getAsLong());
    }

    private static void requireHandle(Rule r, String what) {
        if (r.handle().isEmpty()) {
            throw new IllegalArgumentException("to " + what + " a rule it needs its handle (read it back, or withHandle): " + r);
        }
    }

    private static String ref(Rule r) {
        return r.family().keyword() + " " + r.table() + " " + r.chain();
    }

    private int[] anonymousSets(Rule r) {
        int[] ids = new int[r.anonymousSets().size()];
        for (int i = 0; i < ids.length; i++) {
            Rule.AnonymousSet a = r.anonymousSets().get(i);
            int id = nextSetId++;
            ids[i] = id;
            NftSet s = a.set();
            op(Nf.NFT_MSG_NEWSET, Nlmsg.NLM_F_CREATE, r.family(), w -> NftCodec.set(w, s, id, true),
                    "nft add " + s + " (anonymous, for the next rule)");
            op(Nf.NFT_MSG_NEWSETELEM, Nlmsg.NLM_F_CREATE, r.family(),
                    w -> NftCodec.elements(w, s.table(), s.name(), OptionalInt.of(id), a.elements()),
                    "nft add element " + s.family().keyword() + " " + s.table() + " " + s.name() + " { "
                            + a.elements().size() + " elements }");
        }
        return ids;
    }

    /**
     * {@code nft add set}. Unless the set has an id ({@link NftSet#withId}), the transaction gives
     * it the next one, so that rules and elements of the same transaction can find it.
     */
    public Transaction addSet(NftSet s) {
        int id = s.id().isPresent() ? s.id().getAsInt() : nextSetId++;
        nextSetId = Math.max(nextSetId, id + 1);
        return op(Nf.NFT_MSG_NEWSET, Nlmsg.NLM_F_CREATE, s.family(), w -> NftCodec.set(w, s, id, true), "nft add " + s);
    }

    /** {@code nft delete set}. */
    public Transaction deleteSet(NftSet s) {
        return op(Nf.NFT_MSG_DELSET, 0, s.family(), w -> NftCodec.set(w, s, 0, false),
                "nft delete set " + s.family().keyword() + " " + s.table() + " " + s.name());
    }

    /** {@code nft add element}: the set is found by name (and by its id when it has one). */
    public Transaction addElements(NftSet s, List<SetElement> elements) {
        List<SetElement> copy = List.copyOf(elements);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("no elements to add to set " + s.name());
        }
        for (SetElement e : copy) {
            if (e.key().size() != s.keyType().length()) {
                throw new IllegalArgumentException("element " + e + " is " + e.key().size() + " bytes; set " + s.name()
                        + " holds " + s.keyType() + " (" + s.keyType().length() + " bytes)");
            }
        }
        return op(Nf.NFT_MSG_NEWSETELEM, Nlmsg.NLM_F_CREATE, s.family(),
                w -> NftCodec.elements(w, s.table(), s.name(), s.id(), copy),
                "nft add element " + s.family().keyword() + " " + s.table() + " " + s.name() + " { " + copy.size()
                        + " elements }");
    }

    /** {@code nft delete element}. */
    public Transaction deleteElements(NftSet s, List<SetElement> elements) {
        List<SetElement> copy = List.copyOf(elements);
        return op(Nf.NFT_MSG_DELSETELEM, 0, s.family(), w -> NftCodec.elements(w, s.table(), s.name(), OptionalInt.empty(), copy),
                "nft delete element " + s.family().keyword() + " " + s.table() + " " + s.name() + " { " + copy.size()
                        + " elements }");
    }

    /** {@code nft add flowtable}. */
    public Transaction addFlowtable(Flowtable f) {
        return op(Nf.NFT_MSG_NEWFLOWTABLE, Nlmsg.NLM_F_CREATE, f.family(), w -> NftCodec.flowtable(w, f, true), "nft add " + f);
    }

    /** {@code nft delete flowtable} (no rule may still refer to it). */
    public Transaction deleteFlowtable(Flowtable f) {
        return op(Nf.NFT_MSG_DELFLOWTABLE, 0, f.family(), w -> NftCodec.flowtable(w, f, false),
                "nft delete flowtable " + f.family().keyword() + " " + f.table() + " " + f.name());
    }

    /** {@code nft flush ruleset}: every table of every family. */
    public Transaction flushRuleset() {
        return op(Nf.NFT_MSG_DELTABLE, 0, Family.of(0), null, "nft flush ruleset");
    }

    /**
     * Commit only if the ruleset is still at generation {@code generation} ({@link Nftables#generation()}):
     * the batch carries NFNL_BATCH_GENID and the kernel refuses it with ERESTART when the ruleset
     * changed in between.
     */
    public Transaction expectGeneration(int generation) {
        this.expectedGeneration = generation;
        this.expectGeneration = true;
        return this;
    }

    /** The number of operations (anonymous sets count as two each). */
    public int size() {
        return ops.size();
    }

    /** The operations as nft commands. */
    public List<String> commands() {
        return ops.stream().map(NftRequest::toString).toList();
    }

    /** The messages of the batch, begin and end included (for tests). */
    List<NftRequest> requests() {
        List<NftRequest> all = new ArrayList<>(ops.size() + 2);
        all.add(begin());
        all.addAll(ops);
        all.add(NftRequest.batchEnd());
        return all;
    }

    private NftRequest begin() {
        if (expectGeneration && expectedGeneration == 0) {
            // NFNL_BATCH_GENID 0 means "no check" to the kernel; generation 0 is only seen before any change
            throw new IllegalStateException("cannot check for generation 0 (the kernel reads a zero NFNL_BATCH_GENID as no check)");
        }
        return NftRequest.batchBegin(expectGeneration ? expectedGeneration : 0);
    }

    /**
     * Sends the batch and waits for the kernel's verdict.
     *
     * @throws TransactionException when the kernel refused it (nothing was applied)
     * @throws IllegalStateException when called twice or on an empty transaction
     */
    public CommitResult commit() {
        if (committed) {
            throw new IllegalStateException("transaction already committed");
        }
        if (ops.isEmpty()) {
            throw new IllegalStateException("empty transaction");
        }
        committed = true;
        NftRequest begin = begin();
        LOG.debug("nft transaction: {} operations", ops.size());
        if (LOG.isTraceEnabled()) {
            for (NftRequest r : ops) {
                LOG.trace("  {}", r);
            }
        }
        PipelineResult r;
        try {
            r = channel.pipeline(ops, PipelineOptions.errorsOnly().withEnvelope(begin, NftRequest.batchEnd()));
        } catch (OverrunException e) {
            // Only refusals are answered, so lost answers mean there was at least one: the kernel
            // aborted the whole batch.
            throw new TransactionException(-1, new KernelException(io.github.netlink4j.core.Errno.of(105), "NFNL_MSG_BATCH_BEGIN",
                    "batch of " + ops.size() + " operations", "so many refusals that their answers overflowed the socket ("
                    + e.getMessage() + ")", null, -1), List.of(), ops.size());
        }
        if (!r.ok()) {
            PipelineResult.Failure first = r.failures().get(0);
            List<KernelException> all = new ArrayList<>();
            for (PipelineResult.Failure f : r.failures()) {
                NetlinkException e = f.error();
                if (e instanceof KernelException k) {
                    all.add(k);
                }
            }
            NetlinkException e = first.error();
            KernelException k = e instanceof KernelException ke ? ke
                    : new KernelException(io.github.netlink4j.core.Errno.of(105), first.request().operation(),
                    first.request().toString(), e.getMessage(), null, -1);
            // the batch's own begin (-1) or end (ops.size()) messages: the batch as a whole
            int index = first.index() < 0 || first.index() >= ops.size() ? -1 : first.index();
            TransactionException t = new TransactionException(index, k, all, ops.size());
            LOG.debug("nft transaction refused: {}", t.getMessage());
            throw t;
        }
        return new CommitResult(ops.size());
    }

    @Override
    public String toString() {
        return String.join("\n", commands());
    }
}
