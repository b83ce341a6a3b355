package io.github.netlink4j.nft;

import java.util.Objects;
import java.util.Optional;

/**
 * A verdict (struct nft_verdict): NF_ACCEPT / NF_DROP (include/uapi/linux/netfilter.h) or one of
 * {@code enum nft_verdicts} (NFT_CONTINUE -1, NFT_BREAK -2, NFT_JUMP -3, NFT_GOTO -4, NFT_RETURN -5);
 * jump and goto name a chain. An open value: unknown codes are kept.
 */
public record Verdict(int code, Optional<String> chain) {
    public static final Verdict DROP = new Verdict(0, Optional.empty());
    public static final Verdict ACCEPT = new Verdict(1, Optional.empty());
    public static final Verdict CONTINUE = new Verdict(-1, Optional.empty());
    public static final Verdict BREAK = new Verdict(-2, Optional.empty());
    public static final Verdict RETURN = new Verdict(-5, Optional.empty());

    public Verdict {
        Objects.requireNonNull(chain, "chain");
        if ((code == -3 || code == -4) != chain.isPresent()) {
            throw new IllegalArgumentException("a chain name goes with jump (-3) and goto (-4) only; code " + code
                    + " with chain " + chain.orElse("(none)"));
        }
        chain.ifPresent(Chain::checkName);
    }

    /** {@code jump CHAIN}: NFT_JUMP. */
    public static Verdict jump(String chain) {
        return new Verdict(-3, Optional.of(chain));
    }

    /** {@code goto CHAIN}: NFT_GOTO. */
    public static Verdict goTo(String chain) {
        return new Verdict(-4, Optional.of(chain));
    }

    public static Verdict of(int code, String chain) {
        return switch (code) {
            case 0 -> DROP;
            case 1 -> ACCEPT;
            case -1 -> CONTINUE;
            case -2 -> BREAK;
            case -5 -> RETURN;
            default -> new Verdict(code, Optional.ofNullable(chain));
        };
    }

    @Override
    public String toString() {
        return switch (code) {
            case 0 -> "drop";
            case 1 -> "accept";
            case -1 -> "continue";
            case -2 -> "break";
            case -3 -> "jump " + chain.orElseThrow();
            case -4 -> "goto " + chain.orElseThrow();
            case -5 -> "return";
            case 2 -> "stolen";
            case 3 -> "queue";
            default -> "verdict " + code;
        };
    }
}
