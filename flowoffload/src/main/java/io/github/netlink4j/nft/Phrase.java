package io.github.netlink4j.nft;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A piece of a rule in nft's words ({@code ip daddr 203.0.113.10}, {@code dnat to 10.0.0.1:8080}):
 * the expressions nft writes for it, the implicit dependency nft puts before it ({@code meta l4proto
 * tcp} before {@code tcp dport}, {@code meta nfproto ipv4} before {@code ip daddr} in an inet table),
 * the dependency it establishes itself, and the anonymous set it looks up, if any. Made by
 * {@link Match} and {@link Stmt}; {@link Rule.Builder} adds each dependency once, where nft would.
 */
public record Phrase(List<Expr> exprs, Optional<Dependency> requires, Optional<Dependency> provides,
                     Optional<Rule.AnonymousSet> anonymousSet) {
    public Phrase {
        exprs = List.copyOf(exprs);
        Objects.requireNonNull(requires, "requires");
        Objects.requireNonNull(provides, "provides");
        Objects.requireNonNull(anonymousSet, "anonymousSet");
    }

    static Phrase of(Expr... exprs) {
        return new Phrase(List.of(exprs), Optional.empty(), Optional.empty(), Optional.empty());
    }

    static Phrase needing(Dependency d, Expr... exprs) {
        return new Phrase(List.of(exprs), Optional.of(d), Optional.empty(), Optional.empty());
    }

    /**
     * A protocol a phrase depends on: {@code meta KEY == value} (NFT_META_NFPROTO for the network
     * layer, NFT_META_L4PROTO for the transport layer).
     */
    public record Dependency(MetaKey key, int value) {
        public static final Dependency IPV4 = new Dependency(MetaKey.NFPROTO, 2);
        public static final Dependency IPV6 = new Dependency(MetaKey.NFPROTO, 10);
        public static final Dependency TCP = new Dependency(MetaKey.L4PROTO, 6);
        public static final Dependency UDP = new Dependency(MetaKey.L4PROTO, 17);

        /** Whether nft writes this dependency in a table of {@code family}. */
        boolean neededIn(Family family) {
            if (key.equals(MetaKey.NFPROTO)) {
                return family.equals(Family.INET);
            }
            return true;
        }

        List<Expr> exprs() {
            return List.of(new Meta(key, 1), Cmp.eq(1, io.github.netlink4j.core.wire.ByteString.of((byte) value)));
        }
    }
}
