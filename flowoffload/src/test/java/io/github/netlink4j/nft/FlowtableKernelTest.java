package io.github.netlink4j.nft;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.netlink4j.testkit.Cmd;
import io.github.netlink4j.testkit.KernelFeature;
import io.github.netlink4j.testkit.KernelTest;
import io.github.netlink4j.testkit.Oracle;
import io.github.netlink4j.testkit.TempNetns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Flowtables created, listed, read back and deleted by the library, as nft lists them (needs nf_flow_table: the VM). */
@KernelTest(needs = {KernelFeature.NFTABLES, KernelFeature.FLOWTABLE})
class FlowtableKernelTest {
    @RegisterExtension
    final TempNetns ns = new TempNetns();

    private List<JsonNode> listed(String kind) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode n : Oracle.nftJson(ns.name(), "list", "ruleset").path("nftables")) {
            if (n.has(kind)) {
                out.add(n.get(kind));
            }
        }
        return out;
    }

    @Test
    void flowtablesAreCreatedListedAndDeleted() {
        Cmd.ip(ns.name(), "link", "add", "veth0", "type", "veth", "peer", "name", "veth1");
        Cmd.ip(ns.name(), "link", "add", "veth2", "type", "veth", "peer", "name", "veth3");
        Table gw = Table.of(Family.INET, "gw");
        Flowtable ft = Flowtable.of(gw, "ft", 0, "veth0", "veth1").withFlags(Flowtable.COUNTER);
        Flowtable ft2 = Flowtable.of(gw, "ft2", -10, "veth2");
        try (Nftables nft = Nftables.open(ns.handle())) {
            nft.transaction().addTable(gw).addFlowtable(ft).addFlowtable(ft2)
                    .addChain(Chain.base(gw, "fw", BaseChain.of(ChainType.FILTER, Hook.FORWARD, 0)))
                    .addRule(Rule.builder(gw, "fw").match(Match.ctState(CtState.ESTABLISHED)).then(Stmt.flowAdd("ft")).build())
                    .commit();
            List<JsonNode> fts = listed("flowtable");
            assertEquals(2, fts.size(), fts.toString());
            JsonNode j = fts.stream().filter(f -> f.path("name").asText().equals("ft")).findFirst().orElseThrow();
            assertEquals("ingress", j.path("hook").asText());
            assertEquals(0, j.path("prio").asInt());
            List<String> devs = new ArrayList<>();
            j.path("dev").forEach(d -> devs.add(d.asText()));
            assertEquals(List.of("veth0", "veth1"), devs.stream().sorted().toList());
            String text = Cmd.run(List.of("ip", "netns", "exec", ns.name(), "nft", "list", "ruleset"), 60).orThrow().stdout();
            assertTrue(text.contains("\t\tcounter\n"), "the counter flag is listed:\n" + text);
            assertTrue(text.contains("ct state established flow add @ft"), text);

            List<Flowtable> back = nft.flowtables(gw);
            assertEquals(2, back.size());
            Flowtable b = back.stream().filter(f -> f.name().equals("ft")).findFirst().orElseThrow();
            assertEquals(Flowtable.COUNTER, b.flags());
            assertEquals(List.of("veth0", "veth1"), b.devices().stream().sorted().toList());
            assertEquals(Hook.INGRESS, b.hook());
            Flowtable b2 = back.stream().filter(f -> f.name().equals("ft2")).findFirst().orElseThrow();
            assertEquals(-10, b2.priority());
            Rule flow = nft.rules(gw, "fw").get(0);
            assertEquals("ct state established flow add @ft", flow.toString());

            nft.transaction().deleteFlowtable(ft2).commit();
            assertEquals(List.of("ft"), listed("flowtable").stream().map(f -> f.path("name").asText()).toList());
            // a flowtable a rule refers to cannot go: the batch fails as a whole
            TransactionException e = org.junit.jupiter.api.Assertions.assertThrows(TransactionException.class,
                    () -> nft.transaction().deleteFlowtable(ft).commit());
            assertEquals(0, e.index());
            assertEquals(io.github.netlink4j.core.Errno.EBUSY, e.errno(), e.getMessage());
            nft.transaction().flushChain(Chain.regular(gw, "fw")).deleteFlowtable(ft).commit();
            assertEquals(List.of(), listed("flowtable"));
        }
    }
}
