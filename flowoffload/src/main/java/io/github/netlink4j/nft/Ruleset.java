package io.github.netlink4j.nft;

import java.util.List;

/**
 * A snapshot of the whole ruleset, as {@link Nftables#ruleset()} read it. {@code toString()} prints
 * it roughly as {@code nft list ruleset} does.
 */
public record Ruleset(List<Table> tables, List<Chain> chains, List<NftSet> sets, List<Flowtable> flowtables,
                      List<Rule> rules) {
    public Ruleset {
        tables = List.copyOf(tables);
        chains = List.copyOf(chains);
        sets = List.copyOf(sets);
        flowtables = List.copyOf(flowtables);
        rules = List.copyOf(rules);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Table t : tables) {
            sb.append("table ").append(t.ref()).append(" {\n");
            if ((t.flags() & Table.DORMANT) != 0) {
                sb.append("\tflags dormant\n");
            }
            for (NftSet s : sets) {
                if (s.family().equals(t.family()) && s.table().equals(t.name()) && !s.anonymous()) {
                    sb.append("\tset ").append(s.name()).append(" { type ").append(s.keyType()).append(" }\n");
                }
            }
            for (Flowtable f : flowtables) {
                if (f.family().equals(t.family()) && f.table().equals(t.name())) {
                    sb.append('\t').append(f.toString().replace("flowtable " + t.ref() + " ", "flowtable ")).append('\n');
                }
            }
            for (Chain c : chains) {
                if (!c.family().equals(t.family()) || !c.table().equals(t.name())) {
                    continue;
                }
                sb.append("\tchain ").append(c.name()).append(" {\n");
                c.base().ifPresent(b -> sb.append("\t\t").append(b).append('\n'));
                for (Rule r : rules) {
                    if (r.family().equals(t.family()) && r.table().equals(t.name()) && r.chain().equals(c.name())) {
                        sb.append("\t\t").append(r);
                        r.handle().ifPresent(h -> sb.append(" # handle ").append(h));
                        sb.append('\n');
                    }
                }
                sb.append("\t}\n");
            }
            sb.append("}\n");
        }
        return sb.toString();
    }
}
