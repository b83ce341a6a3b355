package io.github.netlink4j.nft;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.netlink4j.core.Errno;
import io.github.netlink4j.testkit.Cmd;
import io.github.netlink4j.testkit.KernelFeature;
import io.github.netlink4j.testkit.KernelTest;
import io.github.netlink4j.testkit.Oracle;
import io.github.netlink4j.testkit.TempNetns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Objects the library creates, as nft itself lists them ({@code nft -j list ruleset} and the text of
 * {@code nft list ruleset}); atomicity; a 10,000-rule batch; the generation check; rule edits by
 * handle; unknown expressions kept byte for byte.
 */
@KernelTest(needs = {KernelFeature.NFTABLES, KernelFeature.NFT_NAT})
class NftKernelTest {
    @RegisterExtension
    final TempNetns ns = new TempNetns();

    static final Table IP_GW = Table.of(Family.IP, "gw");
    static final Table INET_FILT = Table.of(Family.INET, "filt");

    private String nftText(String... args) {
        List<String> c = new ArrayList<>(List.of("ip", "netns", "exec", ns.name(), "nft"));
        c.addAll(List.of(args));
        return Cmd.run(c, 60).orThrow().stdout();
    }

    private void nftCli(String script) {
        Cmd.run(List.of("ip", "netns", "exec", ns.name(), "nft", "-f", "-"), script, 60).orThrow();
    }

    /** The JSON objects of one kind ("table", "chain", "rule", "set", "flowtable") of {@code nft -j list ruleset}. */
    private List<JsonNode> listed(String kind) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode n : Oracle.nftJson(ns.name(), "list", "ruleset").path("nftables")) {
            if (n.has(kind)) {
                out.add(n.get(kind));
            }
        }
        return out;
    }

    static List<Rule> gatewayRules(NftSet eips) {
        return List.of(
                Rule.builder(IP_GW, "pre").match(Match.ipDaddr("203.0.113.10")).match(Match.tcpDport(80))
                        .then(Stmt.dnat("10.0.0.1", 8080)).build(),
                Rule.builder(IP_GW, "pre").match(Match.ipDaddr("203.0.113.11")).then(Stmt.dnat("10.0.0.2")).build(),
                Rule.builder(IP_GW, "pre").match(Match.ipDaddr("203.0.113.12")).match(Match.udpDport(53))
                        .then(Stmt.dnat("10.0.0.1", "10.0.0.4", 5300, 5310)).build(),
                Rule.builder(IP_GW, "pre").match(Match.ipDaddrIn(eips.name())).then(Stmt.counter()).then(Stmt.accept()).build(),
                Rule.builder(IP_GW, "post").match(Match.ipSaddr("10.0.0.0/24")).match(Match.oifname("veth0"))
                        .then(Stmt.snat("203.0.113.10")).build(),
                Rule.builder(IP_GW, "post").match(Match.oifname("veth1")).then(Stmt.masquerade()).build(),
                Rule.builder(INET_FILT, "fw").match(Match.ctState(CtState.ESTABLISHED, CtState.RELATED))
                        .then(Stmt.accept()).build(),
                Rule.builder(INET_FILT, "fw").match(Match.iifname("veth0")).match(Match.ipDaddr("10.0.0.1"))
                        .match(Match.tcpDport(80)).then(Stmt.counter()).then(Stmt.accept()).comment("web to tenant 1").build(),
                Rule.builder(INET_FILT, "fw").match(Match.l4proto(17)).match(Match.udpSport(53)).then(Stmt.drop()).build(),
                Rule.builder(INET_FILT, "fw").match(Match.tcpDport(80, 443)).then(Stmt.accept()).build(),
                Rule.builder(INET_FILT, "fw").match(Match.ipSaddr("192.168.0.0/16")).then(Stmt.jump("regular")).build(),
                Rule.builder(INET_FILT, "fw").match(Match.ctMark(0x10)).then(Stmt.goTo("regular")).build(),
                Rule.builder(INET_FILT, "fw").match(Match.ipSaddr("10.0.16.0/20")).then(Stmt.drop()).build(),
                Rule.builder(INET_FILT, "fw").match(Match.ip6Daddr("2001:db8::/32")).then(Stmt.counter()).then(Stmt.drop()).build(),
                Rule.builder(INET_FILT, "fw").then(Stmt.limitPerSecond(10)).then(Stmt.log("gw ")).then(Stmt.reject()).build(),
                Rule.builder(INET_FILT, "regular").then(Stmt.ret()).build());
    }

    private Transaction gateway(Nftables nft, NftSet eips) {
        Transaction t = nft.transaction()
                .addTable(IP_GW)
                .addChain(Chain.base(IP_GW, "pre", BaseChain.of(ChainType.NAT, Hook.PREROUTING, -100)))
                .addChain(Chain.base(IP_GW, "post", BaseChain.of(ChainType.NAT, Hook.POSTROUTING, 100)))
                .addSet(eips)
                .addElements(eips, List.of(SetElement.address("198.51.100.1"), SetElement.address("198.51.100.2")))
                .addTable(INET_FILT)
                .addChain(Chain.base(INET_FILT, "fw", BaseChain.of(ChainType.FILTER, Hook.FORWARD, 0).withPolicy(Verdict.DROP)))
                .addChain(Chain.regular(INET_FILT, "regular"));
        for (Rule r : gatewayRules(eips)) {
            t.addRule(r);
        }
        return t;
    }

    @Test
    void everyObjectAppearsInNftsOwnListing() {
        Cmd.ip(ns.name(), "link", "add", "veth0", "type", "veth", "peer", "name", "veth1");
        NftSet eips = NftSet.named(IP_GW, "eips", SetKeyType.IPV4_ADDR);
        try (Nftables nft = Nftables.open(ns.handle())) {
            CommitResult res = gateway(nft, eips).commit();
            assertTrue(res.operations() > 20, res.toString());

            // tables and chains, from nft's JSON
            List<JsonNode> tables = listed("table");
            assertEquals(List.of("ip gw", "inet filt"), tables.stream().map(t -> t.path("family").asText() + " "
                    + t.path("name").asText()).toList());
            JsonNode pre = find(listed("chain"), "pre");
            assertEquals("nat", pre.path("type").asText());
            assertEquals("prerouting", pre.path("hook").asText());
            assertEquals(-100, pre.path("prio").asInt());
            JsonNode fw = find(listed("chain"), "fw");
            assertEquals("filter", fw.path("type").asText());
            assertEquals("forward", fw.path("hook").asText());
            assertEquals("drop", fw.path("policy").asText());
            JsonNode regular = find(listed("chain"), "regular");
            assertFalse(regular.has("hook"), regular.toString());

            // the named set and its elements
            JsonNode set = listed("set").stream().filter(s -> s.path("name").asText().equals("eips")).findFirst().orElseThrow();
            assertEquals("ipv4_addr", set.path("type").asText());
            assertEquals("[\"198.51.100.1\",\"198.51.100.2\"]", set.path("elem").toString());

            // rules: nft's JSON expressions for the NAT rule and the comment
            List<JsonNode> rules = listed("rule");
            assertEquals(gatewayRules(eips).size(), rules.size());
            JsonNode dnat = rules.get(0).path("expr");
            assertEquals("daddr", dnat.get(0).path("match").path("left").path("payload").path("field").asText());
            assertEquals("203.0.113.10", dnat.get(0).path("match").path("right").asText());
            assertEquals("tcp", dnat.get(1).path("match").path("left").path("payload").path("protocol").asText());
            assertEquals(80, dnat.get(1).path("match").path("right").asInt());
            assertEquals("10.0.0.1", dnat.get(2).path("dnat").path("addr").asText());
            assertEquals(8080, dnat.get(2).path("dnat").path("port").asInt());
            assertEquals("web to tenant 1", rules.get(7).path("comment").asText());
            assertEquals("accept", rules.get(9).path("expr").get(1).fieldNames().next());
            assertEquals("[\"established\",\"related\"]", rules.get(6).path("expr").get(0).path("match").path("right").toString());

            // the text nft prints is the library's own rendering of each rule: no raw or garbled output
            String text = nftText("list", "ruleset");
            assertFalse(text.contains("[") && text.contains("unknown"), text);
            for (Rule r : gatewayRules(eips)) {
                String line = r.toString().replace("counter", "counter packets 0 bytes 0");
                assertTrue(text.contains("\t\t" + line + "\n"), "nft list ruleset lacks '" + line + "':\n" + text);
            }

            // and the library reads back the same rules: same text, and the same expressions
            List<Rule> back = new ArrayList<>(nft.rules(IP_GW, "pre"));
            back.addAll(nft.rules(IP_GW, "post"));
            back.addAll(nft.rules(INET_FILT, "fw"));
            back.addAll(nft.rules(INET_FILT, "regular"));
            List<Rule> sent = gatewayRules(eips);
            assertEquals(sent.size(), back.size());
            for (int i = 0; i < sent.size(); i++) {
                Rule b = back.get(i);
                assertTrue(b.handle().isPresent());
                String nftLine = text.lines().map(String::strip).filter(l -> l.equals(b.toString())).findFirst().orElse(null);
                assertEquals(b.toString(), nftLine, "rule " + i + " as read back is not a line of nft's listing:\n" + text);
                assertEquals(sent.get(i).comment(), b.comment());
                assertEquals(sent.get(i).exprs().stream().filter(NftKernelTest::asSent).toList(),
                        b.exprs().stream().filter(NftKernelTest::asSent).toList(), "rule " + i);
                assertEquals(sent.get(i).anonymousSets().stream().map(a -> a.elements()).toList(),
                        b.anonymousSets().stream().map(a -> a.elements()).toList(), "rule " + i);
            }
            Ruleset all = nft.ruleset();
            assertEquals(2, all.tables().size());
            assertEquals(4, all.chains().size());
            assertEquals(List.of("198.51.100.1", "198.51.100.2"), nft.elements(nft.sets(IP_GW).stream()
                    .filter(s -> s.name().equals("eips")).findFirst().orElseThrow()).stream()
                    .map(e -> (e.key().get(0) & 0xff) + "." + (e.key().get(1) & 0xff) + "." + (e.key().get(2) & 0xff) + "."
                            + (e.key().get(3) & 0xff)).sorted().toList()); // a hash set: any order
        }
    }

    /** Expressions the kernel reads back as sent: NAT (the kernel adds its flags), counters and logs (filled in) aside. */
    private static boolean asSent(Expr e) {
        return !(e instanceof Nat) && !(e instanceof Counter) && !(e instanceof Log);
    }

    private static JsonNode find(List<JsonNode> nodes, String name) {
        return nodes.stream().filter(n -> n.path("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + nodes));
    }

    @Test
    void otherFamiliesAndTableFlags() {
        Cmd.ip(ns.name(), "link", "add", "veth0", "type", "veth", "peer", "name", "veth1");
        Table ip6 = Table.of(Family.IP6, "six");
        Table netdev = Table.of(Family.NETDEV, "dev");
        Table bridge = Table.of(Family.BRIDGE, "br");
        Table dormant = Table.of(Family.IP, "sleepy").withFlags(Table.DORMANT);
        try (Nftables nft = Nftables.open(ns.handle())) {
            nft.transaction().addTable(ip6).addTable(netdev).addTable(bridge).addTable(dormant)
                    .addChain(Chain.base(ip6, "in", BaseChain.of(ChainType.FILTER, Hook.INPUT, 10)))
                    .addChain(Chain.base(netdev, "ing", BaseChain.of(ChainType.FILTER, Hook.INGRESS, 0).withDevices("veth0")))
                    .addChain(Chain.base(bridge, "brfw", BaseChain.of(ChainType.FILTER, Hook.FORWARD, -200)))
                    .addRule(Rule.builder(ip6, "in").match(Match.ip6Saddr("2001:db8::1")).then(Stmt.drop()).build())
                    .commit();
            // nft 1.0.6 cannot print a dormant table as JSON (its output stops at "flags": ): text for that one
            String text = nftText("list", "ruleset");
            assertTrue(text.contains("table ip sleepy {\n\tflags dormant\n"), text);
            nft.transaction().deleteTable(dormant).commit();
            List<JsonNode> tables = listed("table");
            assertEquals(List.of("ip6 six", "netdev dev", "bridge br"), tables.stream()
                    .map(t -> t.path("family").asText() + " " + t.path("name").asText()).toList());
            JsonNode ing = find(listed("chain"), "ing");
            assertEquals("ingress", ing.path("hook").asText());
            assertTrue(text.contains("type filter hook ingress device \"veth0\" priority filter;"), text); // not in 1.0.6's JSON
            JsonNode brfw = find(listed("chain"), "brfw");
            assertEquals("forward", brfw.path("hook").asText());
            assertEquals(-200, brfw.path("prio").asInt());
            assertTrue(nftText("list", "ruleset").contains("ip6 saddr 2001:db8::1 drop"));
            nft.transaction().addTable(dormant).commit();
            List<Table> back = nft.tables();
            assertEquals(Table.DORMANT, back.get(3).flags());
            assertEquals(Family.NETDEV, back.get(1).family());
            Chain ingBack = nft.chains(netdev).get(0);
            assertEquals(List.of("veth0"), ingBack.base().orElseThrow().devices());
            assertEquals(Hook.INGRESS, ingBack.base().orElseThrow().hook());
        }
    }

    @Test
    void aBatchWithOneInvalidOperationLeavesTheRulesetExactlyAsItWas() {
        Cmd.ip(ns.name(), "link", "add", "veth0", "type", "veth", "peer", "name", "veth1");
        try (Nftables nft = Nftables.open(ns.handle())) {
            gateway(nft, NftSet.named(IP_GW, "eips", SetKeyType.IPV4_ADDR)).commit();
            String before = nftText("-j", "-a", "list", "ruleset");
            int genBefore = nft.generation();
            Transaction t = nft.transaction()
                    .addTable(Table.of(Family.IP, "extra"))
                    .addChain(Chain.regular(Table.of(Family.IP, "extra"), "c"))
                    .addRule(Rule.builder(IP_GW, "pre").match(Match.ipDaddr("203.0.113.99")).then(Stmt.dnat("10.0.0.9")).build())
                    .addRule(Rule.builder(IP_GW, "nochain").then(Stmt.accept()).build())
                    .addRule(Rule.builder(IP_GW, "post").then(Stmt.masquerade()).build());
            TransactionException e = assertThrows(TransactionException.class, t::commit);
            assertEquals(3, e.index(), e.getMessage());
            assertEquals(Errno.ENOENT, e.errno(), e.getMessage());
            assertEquals("NFT_MSG_NEWRULE", e.operation());
            assertEquals("nft add rule ip gw nochain accept", e.request());
            assertTrue(e.getMessage().contains("operation 4 of 5"), e.getMessage());
            assertTrue(e.attributePath().orElse("").contains("NFTA_RULE_CHAIN"), e.getMessage());
            assertEquals(before, nftText("-j", "-a", "list", "ruleset"));
            assertEquals(genBefore, nft.generation());
        }
    }

    @Test
    void intervalSetsHoldPrefixes() {
        try (Nftables nft = Nftables.open(ns.handle())) {
            NftSet nets = NftSet.named(IP_GW, "nets", SetKeyType.IPV4_ADDR).withFlags(NftSet.INTERVAL);
            List<SetElement> els = new ArrayList<>(SetElement.prefix("10.0.0.0/24"));
            els.addAll(SetElement.prefix("192.168.4.0/22"));
            nft.transaction().addTable(IP_GW).addSet(nets).addElements(nets, els)
                    .addChain(Chain.base(IP_GW, "in", BaseChain.of(ChainType.FILTER, Hook.INPUT, 0)))
                    .addRule(Rule.builder(IP_GW, "in").match(Match.ipSaddrIn("nets")).then(Stmt.drop()).build())
                    .commit();
            JsonNode set = listed("set").get(0);
            assertEquals("[\"interval\"]", set.path("flags").toString());
            assertEquals("[{\"prefix\":{\"addr\":\"10.0.0.0\",\"len\":24}},{\"prefix\":{\"addr\":\"192.168.4.0\",\"len\":22}}]",
                    set.path("elem").toString());
            assertTrue(nftText("list", "ruleset").contains("ip saddr @nets drop"));
            NftSet back = nft.sets(IP_GW).get(0);
            assertEquals(NftSet.INTERVAL, back.flags() & NftSet.INTERVAL);
            assertEquals(SetKeyType.IPV4_ADDR, back.keyType());
            assertTrue(nft.elements(back).stream().anyMatch(e -> (e.flags() & SetElement.INTERVAL_END) != 0));
        }
    }

    @Test
    void aValueOutOfRangeIsRefusedBeforeAnythingIsSent() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Match.tcpDport(70000));
        assertTrue(e.getMessage().contains("70000") && e.getMessage().contains("0..65535"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Match.ipDaddr("10.0.0.0/33"));
        assertTrue(e.getMessage().contains("1..32"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Rule.builder(IP_GW, "c").comment("x".repeat(200)));
        assertTrue(e.getMessage().contains("127"), e.getMessage());
    }

    @Test
    void tenThousandRulesCommitInOneBatch() {
        Table big = Table.of(Family.IP, "big");
        try (Nftables nft = Nftables.open(ns.handle())) {
            Transaction t = nft.transaction().addTable(big)
                    .addChain(Chain.base(big, "pre", BaseChain.of(ChainType.NAT, Hook.PREROUTING, -100)));
            for (int i = 0; i < 10_000; i++) {
                t.addRule(Rule.builder(big, "pre").match(Match.ipDaddr("203.0." + (i / 250) + "." + (i % 250 + 1)))
                        .match(Match.tcpDport(80)).then(Stmt.dnat("10.1." + (i / 250) + "." + (i % 250 + 1), 8080)).build());
            }
            long start = System.nanoTime();
            CommitResult r = t.commit();
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertEquals(10_002, r.operations());
            String listing = nftText("list", "chain", "ip", "big", "pre");
            assertEquals(10_000, listing.lines().filter(l -> l.contains("dnat to")).count());
            assertTrue(listing.contains("ip daddr 203.0.39.250 tcp dport 80 dnat to 10.1.39.250:8080"), "last rule missing");
            assertEquals(10_000, nft.rules(big, "pre").size());
            System.out.println("10,000 DNAT rules committed in one batch in " + ms + " ms");
        }
    }

    @Test
    void aTransactionCheckedAgainstAnOldGenerationIsRefused() {
        try (Nftables nft = Nftables.open(ns.handle())) {
            nft.transaction().addTable(IP_GW).commit();
            int gen = nft.generation();
            nft.transaction().addChain(Chain.regular(IP_GW, "a")).expectGeneration(gen).commit();
            int gen2 = nft.generation();
            assertNotEquals(gen, gen2);
            nftCli("add chain ip gw sneaky\n"); // someone else changes the ruleset
            String before = nftText("list", "ruleset");
            TransactionException e = assertThrows(TransactionException.class,
                    () -> nft.transaction().addChain(Chain.regular(IP_GW, "b")).expectGeneration(gen2).commit());
            assertEquals(-1, e.index(), e.getMessage());
            assertEquals(Errno.of(85), e.errno(), e.getMessage()); // ERESTART
            assertEquals(before, nftText("list", "ruleset"));
        }
    }

    @Test
    void rulesAreInsertedReplacedAndDeletedByHandle() {
        try (Nftables nft = Nftables.open(ns.handle())) {
            nft.transaction().addTable(IP_GW).addChain(Chain.regular(IP_GW, "c"))
                    .addRule(Rule.builder(IP_GW, "c").match(Match.ipSaddr("10.0.0.1")).then(Stmt.accept()).build())
                    .addRule(Rule.builder(IP_GW, "c").match(Match.ipSaddr("10.0.0.2")).then(Stmt.accept()).build())
                    .commit();
            List<Rule> r = nft.rules(IP_GW, "c");
            assertTrue(nft.flowtable(IP_GW, "none").isEmpty());
            assertEquals(IP_GW.name(), nft.table(Family.IP, "gw").orElseThrow().name());
            long h1 = r.get(0).handle().getAsLong();
            long h2 = r.get(1).handle().getAsLong();
            nft.transaction()
                    .insertRule(Rule.builder(IP_GW, "c").match(Match.ipSaddr("10.0.0.3")).then(Stmt.drop()).position(h2).build())
                    .insertRule(Rule.builder(IP_GW, "c").match(Match.ipSaddr("10.0.0.4")).then(Stmt.drop()).build())
                    .replaceRule(Rule.builder(IP_GW, "c").match(Match.ipSaddr("10.0.0.5")).then(Stmt.counter())
                            .then(Stmt.accept()).handle(h1).build())
                    .commit();
            assertEquals(List.of("ip saddr 10.0.0.4 drop", "ip saddr 10.0.0.5 counter packets 0 bytes 0 accept",
                    "ip saddr 10.0.0.3 drop", "ip saddr 10.0.0.2 accept"), nftRules("c"));
            nft.transaction().deleteRule(nft.rules(IP_GW, "c").get(3)).commit();
            assertEquals(3, nftRules("c").size());
            nft.transaction().addRule(Rule.builder(IP_GW, "c").match(Match.udpDport(53, 5353, 853)).then(Stmt.accept()).build())
                    .commit();
            // a decoded rule goes back as it is (its NAT flags and counters included)
            nft.transaction().addChain(Chain.regular(IP_GW, "copy")).commit();
            Transaction t = nft.transaction();
            for (Rule x : nft.rules(IP_GW, "c")) {
                t.addRule(new Rule(x.family(), x.table(), "copy", x.exprs(), x.userdata(), java.util.OptionalLong.empty(),
                        java.util.OptionalLong.empty(), x.anonymousSets()));
            }
            t.flushChain(Chain.regular(IP_GW, "c")).deleteChain(Chain.regular(IP_GW, "c")).commit();
            assertEquals(List.of("ip saddr 10.0.0.4 drop", "ip saddr 10.0.0.5 counter packets 0 bytes 0 accept",
                    "ip saddr 10.0.0.3 drop", "udp dport { 53, 853, 5353 } accept"), nftRules("copy"));
            assertEquals("udp dport { 53, 853, 5353 } accept", nft.rules(IP_GW, "copy").get(3).toString());
            assertFalse(nftText("list", "ruleset").contains("chain c "));
        }
    }

    private List<String> nftRules(String chain) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : Oracle.nftJson(ns.name(), "list", "chain", "ip", "gw", chain).path("nftables")) {
            if (n.has("rule")) {
                out.add(null);
            }
        }
        List<String> lines = nftText("list", "chain", "ip", "gw", chain).lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("table") && !l.startsWith("chain") && !l.equals("}"))
                .collect(Collectors.toList());
        assertEquals(out.size(), lines.size(), "nft -j and nft disagree on the number of rules: " + lines);
        return lines;
    }

    @Test
    void unknownExpressionsAreKeptAndSentBackByteForByte() {
        try (Nftables nft = Nftables.open(ns.handle())) {
            nftCli("table ip gw {\n chain a {\n meta mark set 0x1 quota 100 mbytes ip ttl 64 counter accept\n }\n chain b {\n }\n}\n");
            Rule a = nft.rules(IP_GW, "a").get(0);
            assertTrue(a.exprs().stream().anyMatch(e -> e instanceof MetaSet m && m.key().equals(MetaKey.MARK)), a.exprs().toString());
            assertTrue(a.exprs().stream().anyMatch(e -> e instanceof RawExpr r && r.kind().equals("quota")), a.exprs().toString());
            nft.transaction().addRule(new Rule(Family.IP, "gw", "b", a.exprs(), a.userdata(), java.util.OptionalLong.empty(),
                    java.util.OptionalLong.empty(), List.of())).commit();
            String text = nftText("list", "ruleset");
            String ruleA = text.lines().map(String::strip).filter(l -> l.startsWith("meta mark set")).findFirst().orElseThrow();
            assertEquals(2, text.lines().map(String::strip).filter(ruleA::equals).count(), text);
            assertTrue(ruleA.startsWith("meta mark set 0x00000001 "), ruleA);
            assertTrue(a.toString().startsWith("meta mark set 0x00000001 "), a.toString());
            Rule b = nft.rules(IP_GW, "b").get(0);
            assertEquals(a.exprs(), b.exprs());
            assertInstanceOf(Immediate.class, b.exprs().get(0));
        }
    }
}
