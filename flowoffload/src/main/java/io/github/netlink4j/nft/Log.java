package io.github.netlink4j.nft;

import io.github.netlink4j.core.wire.Attr;
import io.github.netlink4j.core.wire.AttrReader;
import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.Codecs;
import io.github.netlink4j.core.wire.MessageWriter;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code log}: logs the packet to the kernel log (or, with a group, to nfnetlink_log).
 *
 * <pre>
 * NFTA_EXPR_DATA
 *   NFTA_LOG_PREFIX  string   (optional, each)
 *   NFTA_LOG_GROUP   be16
 *   NFTA_LOG_LEVEL   be32
 * </pre>
 */
public record Log(Optional<String> prefix, OptionalInt group, OptionalInt level) implements Expr {
    // enum nft_log_attributes
    static final Attr<Integer> NFTA_LOG_GROUP = Attr.of(1, "NFTA_LOG_GROUP", Codecs.U16_BE);
    static final Attr<String> NFTA_LOG_PREFIX = Attr.of(2, "NFTA_LOG_PREFIX", Codecs.STRING);
    static final Attr<Integer> NFTA_LOG_LEVEL = Attr.of(5, "NFTA_LOG_LEVEL", Codecs.U32_BE);
    static final AttrSchema SCHEMA = AttrSchema.of("nft_log", "NFTA_LOG_", NFTA_LOG_GROUP, NFTA_LOG_PREFIX, NFTA_LOG_LEVEL);

    public Log {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(level, "level");
        if (prefix.isPresent() && prefix.get().length() > 127) {
            throw new IllegalArgumentException("log prefix must be at most 127 characters (NF_LOG_PREFIXLEN - 1), was "
                    + prefix.get().length());
        }
        if (group.isPresent() && (group.getAsInt() < 0 || group.getAsInt() > 65535)) {
            throw new IllegalArgumentException("log group must be in 0..65535, was " + group.getAsInt());
        }
        if (level.isPresent() && (level.getAsInt() < 0 || level.getAsInt() > 8)) {
            throw new IllegalArgumentException("log level must be in 0..8, was " + level.getAsInt());
        }
    }

    /** {@code log prefix "PREFIX"}. */
    public static Log prefix(String prefix) {
        return new Log(Optional.of(prefix), OptionalInt.empty(), OptionalInt.empty());
    }

    @Override
    public String kind() {
        return "log";
    }

    @Override
    public void encodeData(MessageWriter w) {
        prefix.ifPresent(p -> w.put(NFTA_LOG_PREFIX, p));
        if (group.isPresent()) {
            w.put(NFTA_LOG_GROUP, group.getAsInt());
        }
        Wire.putOpt(w, NFTA_LOG_LEVEL, level);
    }

    static Log decode(AttrReader r) {
        String prefix = null;
        OptionalInt group = OptionalInt.empty(), level = OptionalInt.empty();
        while (r.next()) {
            switch (r.type()) {
                case 1 -> group = OptionalInt.of(r.u16Be());
                case 2 -> prefix = r.string();
                case 5 -> level = OptionalInt.of(r.u32Be());
                default -> {
                    return null;
                }
            }
        }
        if ((prefix != null && prefix.length() > 127) || level.orElse(0) < 0 || level.orElse(0) > 8) {
            return null;
        }
        return new Log(Optional.ofNullable(prefix), group, level);
    }

    @Override
    public String toString() {
        return "[ log" + prefix.map(p -> " prefix " + p).orElse("") + (group.isPresent() ? " group " + group.getAsInt() : "")
                + " ]";
    }
}
