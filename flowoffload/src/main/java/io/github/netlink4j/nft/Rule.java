package io.github.netlink4j.nft;

import io.github.netlink4j.core.wire.ByteString;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A rule: expressions evaluated in order, in chain {@code chain} of table {@code table}. Build one
 * from nft's phrases with {@link #builder}; rules read back from the kernel hold the same
 * expression types, their handle, and their userdata (whose NFTNL_UDATA_RULE_COMMENT is the comment
 * {@code nft list ruleset} shows).
 *
 * <p>{@code toString()} is the rule in nft's syntax, e.g. {@code ip daddr 203.0.113.10 tcp dport 80
 * dnat to 10.0.0.1:8080}.
 *
 * @param userdata      libnftnl userdata TLVs (type u8, length u8, value), kept byte for byte
 * @param handle        the kernel's handle: present in rules read back; required to replace or delete
 * @param position      for an insert: the handle of the rule to insert before (absent: at the head)
 * @param anonymousSets sets created with the rule ({@code tcp dport { 80, 443 }}), looked up by
 *                      {@link Lookup}s named {@code __set%d} whose set id is the set's index + 1 here
 */
public record Rule(Family family, String table, String chain, List<Expr> exprs, Optional<ByteString> userdata,
                   OptionalLong handle, OptionalLong position, List<AnonymousSet> anonymousSets) {
    /** NFTNL_UDATA_COMMENT_MAXLEN (libnftnl): 128 bytes including the NUL. */
    static final int COMMENT_MAX_BYTES = 127;

    public Rule {
        Objects.requireNonNull(family, "family");
        Chain.checkName(table);
        Chain.checkName(chain);
        exprs = List.copyOf(exprs);
        Objects.requireNonNull(userdata, "userdata");
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(position, "position");
        anonymousSets = List.copyOf(anonymousSets);
        for (Expr e : exprs) {
            if (e instanceof Lookup l && l.set().contains("%d")
                    && (l.setId().isEmpty() || l.setId().getAsInt() < 1 || l.setId().getAsInt() > anonymousSets.size())) {
                throw new IllegalArgumentException("lookup in anonymous set " + l.set() + " names set " + l.setId()
                        + " of the rule's " + anonymousSets.size() + " anonymous sets (1-based)");
            }
        }
        if (exprs.size() > 65535 / 8) {
            throw new IllegalArgumentException("a rule holds at most " + (65535 / 8) + " expressions, was " + exprs.size());
        }
    }

    /** An anonymous set and its elements, created in the same transaction as its rule. */
    public record AnonymousSet(NftSet set, List<SetElement> elements) {
        public AnonymousSet {
            Objects.requireNonNull(set, "set");
            elements = List.copyOf(elements);
        }
    }

    public static Builder builder(Table table, String chain) {
        return new Builder(table.family(), table.name(), chain);
    }

    public static Builder builder(Family family, String table, String chain) {
        return new Builder(family, table, chain);
    }

    /** The comment (NFTNL_UDATA_RULE_COMMENT in the userdata), if any. */
    public Optional<String> comment() {
        if (userdata.isEmpty()) {
            return Optional.empty();
        }
        ByteString u = userdata.get();
        int i = 0;
        while (i + 2 <= u.size()) {
            int type = u.get(i) & 0xff;
            int len = u.get(i + 1) & 0xff;
            if (i + 2 + len > u.size()) {
                break;
            }
            if (type == 0) {
                int end = i + 2;
                while (end < i + 2 + len && u.get(end) != 0) {
                    end++;
                }
                byte[] b = new byte[end - i - 2];
                for (int k = 0; k < b.length; k++) {
                    b[k] = u.get(i + 2 + k);
                }
                return Optional.of(new String(b, StandardCharsets.UTF_8));
            }
            i += 2 + len;
        }
        return Optional.empty();
    }

    /** This rule with {@code handle} (to replace or delete it, or to insert before it with {@link #withPosition}). */
    public Rule withHandle(long handle) {
        return new Rule(family, table, chain, exprs, userdata, OptionalLong.of(handle), position, anonymousSets);
    }

    /** This rule placed before the rule with handle {@code handle} when inserted (after it when added). */
    public Rule withPosition(long handle) {
        return new Rule(family, table, chain, exprs, userdata, this.handle, OptionalLong.of(handle), anonymousSets);
    }

    /** The userdata of a comment: NFTNL_UDATA_RULE_COMMENT (0), length, the UTF-8 bytes and a NUL. */
    static ByteString commentUserdata(String comment) {
        byte[] s = comment.getBytes(StandardCharsets.UTF_8);
        if (s.length > COMMENT_MAX_BYTES || comment.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("comment must be at most " + COMMENT_MAX_BYTES
                    + " bytes without NUL (NFTNL_UDATA_COMMENT_MAXLEN), was " + s.length + " bytes");
        }
        byte[] b = new byte[s.length + 3];
        b[0] = 0;
        b[1] = (byte) (s.length + 1);
        System.arraycopy(s, 0, b, 2, s.length);
        return ByteString.of(b);
    }

    @Override
    public String toString() {
        return RuleText.render(this);
    }

    /** Builds a rule from phrases, adding nft's implicit dependencies once each. Not thread safe. */
    public static final class Builder {
        private final Family family;
        private final String table;
        private final String chain;
        private final List<Expr> exprs = new ArrayList<>();
        private final Set<Phrase.Dependency> established = new HashSet<>();
        private final List<AnonymousSet> sets = new ArrayList<>();
        private ByteString userdata;
        private OptionalLong handle = OptionalLong.empty();
        private OptionalLong position = OptionalLong.empty();

        private Builder(Family family, String table, String chain) {
            this.family = Objects.requireNonNull(family, "family");
            Chain.checkName(table);
            Chain.checkName(chain);
            this.table = table;
            this.chain = chain;
        }

        /** Appends a phrase, preceded by its dependency when nft would write one here. */
        public Builder match(Phrase p) {
            if (p.requires().isPresent()) {
                Phrase.Dependency d = p.requires().get();
                if (d.neededIn(family) && established.add(d)) {
                    exprs.addAll(d.exprs());
                }
            }
            p.provides().ifPresent(established::add);
            if (p.anonymousSet().isPresent()) {
                AnonymousSet a = p.anonymousSet().get();
                sets.add(new AnonymousSet(new NftSet(family, table, a.set().name(), a.set().keyType(), a.set().flags(),
                        OptionalInt.empty(), a.set().size(), a.set().userdata(), OptionalLong.empty()), a.elements()));
                int local = sets.size();
                for (Expr e : p.exprs()) {
                    if (e instanceof Lookup l && l.setId().isPresent() && l.setId().getAsInt() == 0) {
                        exprs.add(new Lookup(l.set(), l.sreg(), OptionalInt.of(local), l.dreg(), l.flags()));
                    } else {
                        exprs.add(e);
                    }
                }
            } else {
                exprs.addAll(p.exprs());
            }
            return this;
        }

        /** Same as {@link #match}: reads better for statements. */
        public Builder then(Phrase p) {
            return match(p);
        }

        /** Appends expressions as they are (no dependencies added). */
        public Builder expr(Expr... e) {
            exprs.addAll(List.of(e));
            return this;
        }

        /** {@code comment "TEXT"}: at most 127 UTF-8 bytes. */
        public Builder comment(String comment) {
            this.userdata = commentUserdata(comment);
            return this;
        }

        public Builder handle(long handle) {
            this.handle = OptionalLong.of(handle);
            return this;
        }

        public Builder position(long handle) {
            this.position = OptionalLong.of(handle);
            return this;
        }

        public Rule build() {
            return new Rule(family, table, chain, exprs, Optional.ofNullable(userdata), handle, position, sets);
        }
    }
}
