package io.github.netlink4j.nft;

import io.github.netlink4j.core.NetNs;
import io.github.netlink4j.core.NetlinkChannel;
import io.github.netlink4j.core.NetlinkProtocol;
import io.github.netlink4j.core.wire.Nlmsg;
import io.github.netlink4j.nft.internal.Nf;
import io.github.netlink4j.nft.internal.NftRequest;

import java.util.List;
import java.util.Objects;

/**
 * nftables over nfnetlink (NETLINK_NETFILTER, subsystem NFNL_SUBSYS_NFTABLES), without the nft
 * program: atomic {@link #transaction() transactions} and typed read-back of tables, chains, rules,
 * sets and flowtables.
 *
 * <pre>{@code
 * try (Nftables nft = Nftables.open(ns)) {
 *     Table gw = Table.of(Family.IP, "gw");
 *     nft.transaction()
 *        .addTable(gw)
 *        .addChain(Chain.base(gw, "pre", BaseChain.of(ChainType.NAT, Hook.PREROUTING, -100)))
 *        .addRule(Rule.builder(gw, "pre").match(Match.ipDaddr("203.0.113.10")).match(Match.tcpDport(80))
 *                 .then(Stmt.dnat("10.0.0.1", 8080)).build())
 *        .commit();
 *     List<Rule> rules = nft.rules(gw, "pre");
 * }
 * }</pre>
 *
 * <p>Thread safety: one socket; operations from several threads are serialised.
 */
public final class Nftables implements AutoCloseable {
    private final NetlinkChannel channel;

    private Nftables(NetlinkChannel channel) {
        this.channel = channel;
    }

    /** A handle on the calling thread's network namespace. */
    public static Nftables open() {
        return new Nftables(NetlinkChannel.open(NetlinkProtocol.NETFILTER));
    }

    /** A handle on network namespace {@code ns}. */
    public static Nftables open(NetNs ns) {
        return new Nftables(NetlinkChannel.open(NetlinkProtocol.NETFILTER, Objects.requireNonNull(ns, "ns")));
    }

    /** A new, empty transaction on this handle. */
    public Transaction transaction() {
        return new Transaction(channel);
    }

    /** The ruleset's generation (NFT_MSG_GETGEN), for {@link Transaction#expectGeneration}. */
    public int generation() {
        return channel.query(NftRequest.nft(Nf.NFT_MSG_GETGEN, 0, 0, null, "nft list generation (NFT_MSG_GETGEN)", Nf.GEN),
                NftCodec::decodeGeneration);
    }

    /** Every table ({@code nft list tables}). */
    public List<Table> tables() {
        return channel.dumpAll(dump(Nf.NFT_MSG_GETTABLE, 0, "nft list tables"), m -> isMsg(m, Nf.NFT_MSG_NEWTABLE)
                ? NftCodec.decodeTable(m) : null);
    }

    /** Every chain of every table ({@code nft list chains}). */
    public List<Chain> chains() {
        return channel.dumpAll(dump(Nf.NFT_MSG_GETCHAIN, 0, "nft list chains"), m -> isMsg(m, Nf.NFT_MSG_NEWCHAIN)
                ? NftCodec.decodeChain(m) : null);
    }

    /** The chains of {@code table}. */
    public List<Chain> chains(Table table) {
        return chains().stream().filter(c -> c.family().equals(table.family()) && c.table().equals(table.name())).toList();
    }

    /**
     * Every rule of every table. Rules that look up an anonymous set ({@code tcp dport { 80, 443 }})
     * carry it, elements included, so that they print as nft prints them and can be sent again
     * (a new anonymous set is then created with the rule).
     */
    public List<Rule> rules() {
        return withAnonymousSets(channel.dumpAll(dump(Nf.NFT_MSG_GETRULE, 0, "nft list ruleset (rules)"),
                m -> isMsg(m, Nf.NFT_MSG_NEWRULE) ? NftCodec.decodeRule(m) : null));
    }

    /** The rules of chain {@code chain} of {@code table}, in order ({@code nft -a list chain}). */
    public List<Rule> rules(Table table, String chain) {
        Chain.checkName(chain);
        NftRequest r = NftRequest.nft(Nf.NFT_MSG_GETRULE, Nlmsg.NLM_F_DUMP, table.family().number(), w -> {
            w.put(Nf.NFTA_RULE_TABLE, table.name());
            w.put(Nf.NFTA_RULE_CHAIN, chain);
        }, "nft -a list chain " + table.ref() + " " + chain, Nf.RULE);
        return withAnonymousSets(channel.dumpAll(r, m -> isMsg(m, Nf.NFT_MSG_NEWRULE) ? NftCodec.decodeRule(m) : null)
                .stream()
                .filter(x -> x.table().equals(table.name()) && x.chain().equals(chain) && x.family().equals(table.family()))
                .toList());
    }

    /** Attaches the anonymous sets the rules look up (named {@code __setN} by the kernel). */
    private List<Rule> withAnonymousSets(List<Rule> rules) {
        boolean any = rules.stream().anyMatch(r -> r.exprs().stream().anyMatch(Nftables::anonymousLookup));
        if (!any) {
            return rules;
        }
        java.util.Map<String, NftSet> anon = new java.util.HashMap<>();
        for (NftSet s : sets()) {
            if (s.anonymous()) {
                anon.put(s.family().number() + " " + s.table() + " " + s.name(), s);
            }
        }
        java.util.Map<String, List<SetElement>> elements = new java.util.HashMap<>();
        List<Rule> out = new java.util.ArrayList<>(rules.size());
        for (Rule r : rules) {
            if (r.exprs().stream().noneMatch(Nftables::anonymousLookup)) {
                out.add(r);
                continue;
            }
            List<Expr> exprs = new java.util.ArrayList<>(r.exprs().size());
            List<Rule.AnonymousSet> sets = new java.util.ArrayList<>();
            for (Expr e : r.exprs()) {
                NftSet s = e instanceof Lookup l ? anon.get(r.family().number() + " " + r.table() + " " + l.set()) : null;
                if (s == null) {
                    exprs.add(e);
                    continue;
                }
                Lookup l = (Lookup) e;
                String key = r.family().number() + " " + r.table() + " " + l.set();
                List<SetElement> els = elements.computeIfAbsent(key, k -> elements(s).stream()
                        .sorted(java.util.Comparator.comparing(SetElement::key)).toList());
                // re-sent, the set is created anew: the kernel names it from the template "__set%d"
                NftSet fresh = new NftSet(s.family(), s.table(), "__set%d", s.keyType(), s.flags(),
                        java.util.OptionalInt.empty(), s.size(), s.userdata(), java.util.OptionalLong.empty());
                sets.add(new Rule.AnonymousSet(fresh, els));
                exprs.add(new Lookup("__set%d", l.sreg(), java.util.OptionalInt.of(sets.size()), l.dreg(), l.flags()));
            }
            out.add(new Rule(r.family(), r.table(), r.chain(), exprs, r.userdata(), r.handle(), r.position(), sets));
        }
        return out;
    }

    private static boolean anonymousLookup(Expr e) {
        return e instanceof Lookup l && l.set().startsWith("__set");
    }

    /** The table {@code family name}, if it exists. */
    public java.util.Optional<Table> table(Family family, String name) {
        return tables().stream().filter(t -> t.family().equals(family) && t.name().equals(name)).findFirst();
    }

    /** The flowtable {@code name} of {@code table}, if it exists ({@code nft list flowtable}). */
    public java.util.Optional<Flowtable> flowtable(Table table, String name) {
        return flowtables(table).stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** Every set, anonymous ones included ({@code nft list sets}). */
    public List<NftSet> sets() {
        return channel.dumpAll(dump(Nf.NFT_MSG_GETSET, 0, "nft list sets"), m -> isMsg(m, Nf.NFT_MSG_NEWSET)
                ? NftCodec.decodeSet(m) : null);
    }

    /** The sets of {@code table}. */
    public List<NftSet> sets(Table table) {
        return sets().stream().filter(s -> s.family().equals(table.family()) && s.table().equals(table.name())).toList();
    }

    /** The elements of {@code set} ({@code nft list set}). */
    public List<SetElement> elements(NftSet set) {
        NftRequest r = NftRequest.nft(Nf.NFT_MSG_GETSETELEM, Nlmsg.NLM_F_DUMP, set.family().number(), w -> {
            w.put(Nf.NFTA_SET_ELEM_LIST_TABLE, set.table());
            w.put(Nf.NFTA_SET_ELEM_LIST_SET, set.name());
        }, "nft list set " + set.family().keyword() + " " + set.table() + " " + set.name(), Nf.SET_ELEM_LIST);
        return channel.dumpAll(r, m -> isMsg(m, Nf.NFT_MSG_NEWSETELEM) ? NftCodec.decodeElements(m) : null).stream()
                .flatMap(List::stream).toList();
    }

    /** Every flowtable ({@code nft list flowtables}). */
    public List<Flowtable> flowtables() {
        return channel.dumpAll(dump(Nf.NFT_MSG_GETFLOWTABLE, 0, "nft list flowtables"),
                m -> isMsg(m, Nf.NFT_MSG_NEWFLOWTABLE) ? NftCodec.decodeFlowtable(m) : null);
    }

    /** The flowtables of {@code table}. */
    public List<Flowtable> flowtables(Table table) {
        return flowtables().stream().filter(f -> f.family().equals(table.family()) && f.table().equals(table.name())).toList();
    }

    /**
     * The whole ruleset ({@code nft list ruleset}), read at one generation: when the ruleset changes
     * while it is being read, it is read again (up to 3 times).
     */
    public Ruleset ruleset() {
        for (int attempt = 1; ; attempt++) {
            int gen = generation();
            Ruleset r = new Ruleset(tables(), chains(), sets(), flowtables(), rules());
            if (generation() == gen || attempt >= 3) {
                return r;
            }
        }
    }

    private static NftRequest dump(int msg, int family, String text) {
        return NftRequest.nft(msg, Nlmsg.NLM_F_DUMP, family, null, text, NftCodec.schemaOf(msg));
    }

    private static boolean isMsg(io.github.netlink4j.core.wire.MessageReader m, int msg) {
        return m.type() == Nf.type(msg);
    }

    /** Closes the socket. */
    @Override
    public void close() {
        channel.close();
    }

    @Override
    public String toString() {
        return "Nftables[" + channel + "]";
    }
}
