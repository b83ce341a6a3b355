package io.github.netlink4j.nft;

import io.github.netlink4j.core.wire.MessageWriter;
import io.github.netlink4j.core.wire.Nlmsg;
import io.github.netlink4j.nft.internal.NftRequest;
import io.github.netlink4j.testkit.RefBytes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Transactions built with the library are, message for message, the batch nft 1.0.6 sends for the
 * same command (captured with strace by scripts/capture-refbytes; nlmsg_seq and nlmsg_pid zeroed),
 * and each operation's toString() is that command.
 */
class NftRefBytesTest {
    static final Table IP_GW = Table.of(Family.IP, "gw");
    static final Table INET_GW = Table.of(Family.INET, "gw");
    static final Table NETDEV_GW = Table.of(Family.NETDEV, "gw");

    /**
     * @param fixture  the captured command
     * @param build    the same change through the library
     * @param command  what the last operation's toString() must read (null: the fixture's command,
     *                 quotes for the shell removed)
     */
    record Case(String fixture, Consumer<Transaction> build, String command) {
        @Override
        public String toString() {
            return fixture;
        }
    }

    static Case c(String fixture, Consumer<Transaction> build) {
        return new Case(fixture, build, null);
    }

    static Case c(String fixture, Consumer<Transaction> build, String command) {
        return new Case(fixture, build, command);
    }

    static Rule.Builder ip(String chain) {
        return Rule.builder(IP_GW, chain);
    }

    static Rule.Builder inet(String chain) {
        return Rule.builder(INET_GW, chain);
    }

    static Stream<Case> cases() {
        NftSet eips = NftSet.named(IP_GW, "eips", SetKeyType.IPV4_ADDR).withId(1);
        return Stream.of(
                c("nft-add-table-inet", t -> t.addTable(INET_GW)),
                c("nft-add-table-ip-dormant", t -> t.addTable(IP_GW.withFlags(Table.DORMANT))),
                c("nft-add-chain-filter-forward", t -> t.addChain(Chain.base(INET_GW, "fw",
                        BaseChain.of(ChainType.FILTER, Hook.FORWARD, 0).withPolicy(Verdict.DROP)))),
                c("nft-add-chain-nat-prerouting", t -> t.addChain(Chain.base(IP_GW, "pre",
                        BaseChain.of(ChainType.NAT, Hook.PREROUTING, -100)))),
                c("nft-add-chain-regular", t -> t.addChain(Chain.regular(INET_GW, "regular"))),
                c("nft-add-chain-netdev-ingress", t -> t.addChain(Chain.base(NETDEV_GW, "ing",
                        BaseChain.of(ChainType.FILTER, Hook.INGRESS, 0).withDevices("veth0")))),
                c("nft-rule-dnat", t -> t.addRule(ip("pre").match(Match.ipDaddr("203.0.113.10"))
                        .then(Stmt.dnat("10.0.0.1")).build())),
                c("nft-rule-dnat-port", t -> t.addRule(ip("pre").match(Match.ipDaddr("203.0.113.10"))
                        .match(Match.tcpDport(80)).then(Stmt.dnat("10.0.0.1", 8080)).build())),
                c("nft-rule-dnat-range", t -> t.addRule(ip("pre").match(Match.ipDaddr("203.0.113.10"))
                        .match(Match.udpDport(53)).then(Stmt.dnat("10.0.0.1", "10.0.0.4", 5300, 5310)).build())),
                c("nft-rule-snat", t -> t.addRule(ip("post").match(Match.ipSaddr("10.0.0.0/24"))
                        .then(Stmt.snat("203.0.113.10")).build())),
                c("nft-rule-masquerade", t -> t.addRule(ip("post").match(Match.oifname("veth0"))
                        .then(Stmt.masquerade()).build())),
                c("nft-rule-ct-state", t -> t.addRule(inet("fw").match(Match.ctState(CtState.ESTABLISHED, CtState.RELATED))
                        .then(Stmt.accept()).build())),
                c("nft-rule-inet-daddr-dport", t -> t.addRule(inet("fw").match(Match.ipDaddr("10.0.0.1"))
                        .match(Match.tcpDport(80)).then(Stmt.accept()).build())),
                c("nft-rule-iifname-counter", t -> t.addRule(inet("fw").match(Match.iifname("veth0"))
                        .then(Stmt.counter()).then(Stmt.accept()).build())),
                c("nft-rule-l4proto-sport", t -> t.addRule(inet("fw").match(Match.l4proto(17))
                        .match(Match.udpSport(53)).then(Stmt.drop()).build()),
                        "nft add rule inet gw fw udp sport 53 drop"), // nft lists it so: the l4proto match is the dependency
                c("nft-rule-comment", t -> t.addRule(inet("fw").match(Match.tcpDport(22)).then(Stmt.counter())
                        .then(Stmt.drop()).comment("no ssh").build())),
                c("nft-rule-jump", t -> t.addRule(inet("fw").match(Match.ipSaddr("192.168.0.0/16"))
                        .then(Stmt.jump("regular")).build())),
                c("nft-rule-ct-mark-goto", t -> t.addRule(inet("fw").match(Match.ctMark(0x10))
                        .then(Stmt.goTo("regular")).build()), "nft add rule inet gw fw ct mark 0x00000010 goto regular"),
                c("nft-rule-limit-log-reject", t -> t.addRule(inet("fw").then(Stmt.limitPerSecond(10))
                        .then(Stmt.log("gw ")).then(Stmt.reject()).build())),
                c("nft-rule-return", t -> t.addRule(inet("regular").then(Stmt.ret()).build())),
                c("nft-insert-rule-position", t -> t.insertRule(inet("fw").match(Match.oifname("veth1"))
                        .then(Stmt.drop()).position(4).build())),
                c("nft-replace-rule", t -> t.replaceRule(inet("fw").then(Stmt.counter()).then(Stmt.drop()).handle(3).build())),
                c("nft-delete-rule", t -> t.deleteRule(inet("fw").handle(3).build())),
                c("nft-add-set", t -> t.addSet(NftSet.named(IP_GW, "eips", SetKeyType.IPV4_ADDR))),
                c("nft-add-set-interval", t -> t.addSet(NftSet.named(IP_GW, "nets", SetKeyType.IPV4_ADDR)
                        .withFlags(NftSet.INTERVAL))),
                c("nft-add-elements", t -> t.addElements(eips, List.of(SetElement.address("203.0.113.10"),
                        SetElement.address("203.0.113.11"))), "nft add element ip gw eips { 2 elements }"),
                c("nft-rule-lookup", t -> t.addRule(ip("pre").match(Match.ipDaddrIn(eips)).then(Stmt.counter())
                        .then(Stmt.accept()).build())),
                c("nft-rule-anonymous-set", t -> t.addRule(ip("pre").match(Match.tcpDport(80, 443))
                        .then(Stmt.accept()).build())),
                c("nft-delete-table", t -> t.deleteTable(INET_GW)),
                // nft sends a flowtable's devices in the reverse of the order written
                c("nft-add-flowtable", t -> t.addFlowtable(Flowtable.of(INET_GW, "ft", 0, "veth1", "veth0")
                        .withFlags(Flowtable.COUNTER)),
                        "nft add flowtable inet gw ft { hook ingress priority 0; devices = { veth1, veth0 }; counter; }"),
                c("nft-rule-flow-add", t -> t.addRule(inet("fw").match(Match.ctState(CtState.ESTABLISHED))
                        .then(Stmt.flowAdd("ft")).build())));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesNft(Case c) {
        RefBytes ref = RefBytes.load(c.fixture());
        Transaction t = new Transaction(null);
        c.build().accept(t);
        List<NftRequest> reqs = t.requests();
        assertEquals(ref.messages().size(), reqs.size(), c.fixture() + ": number of messages in the batch\n" + t);
        for (int i = 0; i < reqs.size(); i++) {
            NftRequest r = reqs.get(i);
            MessageWriter w = new MessageWriter();
            int s = w.beginMessage(r.type(), Nlmsg.NLM_F_REQUEST | r.flags());
            r.encode(w);
            w.endMessage(s);
            RefBytes.assertSameMessage(ref.messages().get(i), w.toByteArray(), 4,
                    ref.command() + " (message " + (i + 1) + ": " + r.operation() + ")");
        }
        String expected = c.command() != null ? c.command() : ref.command().replace("'", "");
        assertEquals(expected, reqs.get(reqs.size() - 2).toString());
    }

    @org.junit.jupiter.api.Test
    void atLeastTwentyFixtures() {
        assertEquals(true, cases().count() >= 20);
    }
}
