package io.github.netlink4j.rtnl;

import io.github.netlink4j.core.wire.RawAttribute;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A policy-routing rule ({@code ip rule}): struct fib_rule_hdr and its FRA_* attributes
 * (include/uapi/linux/fib_rules.h).
 *
 * <pre>{@code
 * Rule r = Rule.builder().from("10.0.0.0/8").table(100).priority(100).build();
 * Rule l3mdev = Rule.builder().l3mdev().priority(1000).build();
 * }</pre>
 *
 * @param family            AF_INET (default) or AF_INET6
 * @param priority          FRA_PRIORITY ({@code pref})
 * @param table             the table (fib_rule_hdr.table below 256, else FRA_TABLE); 0 when the action
 *                          needs none
 * @param action            FR_ACT_*; lookup (to_tbl) when a table is given
 * @param from              FRA_SRC
 * @param to                FRA_DST
 * @param tos               fib_rule_hdr.tos
 * @param iif               FRA_IIFNAME
 * @param oif               FRA_OIFNAME
 * @param fwmark            FRA_FWMARK
 * @param fwmask            FRA_FWMASK
 * @param l3mdev            FRA_L3MDEV: look up the table of the VRF the packet is in
 * @param tunId             FRA_TUN_ID
 * @param suppressPrefixLen FRA_SUPPRESS_PREFIXLEN
 * @param gotoPriority      FRA_GOTO
 * @param flags             fib_rule_hdr.flags (FIB_RULE_INVERT = 2 for {@code not})
 * @param unknown           attributes this record does not model, kept raw
 */
public record Rule(AddressFamily family, OptionalInt priority, int table, RuleAction action, Optional<InetPrefix> from,
                   Optional<InetPrefix> to, int tos, Optional<String> iif, Optional<String> oif, OptionalInt fwmark,
                   OptionalInt fwmask, boolean l3mdev, OptionalLong tunId, OptionalInt suppressPrefixLen,
                   OptionalInt gotoPriority, int flags, List<RawAttribute> unknown) {
    public Rule {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(action, "action");
        unknown = List.copyOf(unknown);
        for (Optional<InetPrefix> p : List.of(from, to)) {
            p.ifPresent(x -> {
                if (!x.family().equals(family)) {
                    throw new IllegalArgumentException("prefix " + x + " is not of the rule's family " + family);
                }
            });
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** In ip's words, without verb: {@code from 10.0.0.0/8 lookup 100 pref 100}. */
    public String toIpArgs() {
        StringBuilder sb = new StringBuilder();
        from.ifPresent(p -> sb.append(" from ").append(p));
        to.ifPresent(p -> sb.append(" to ").append(p));
        if (tos != 0) {
            sb.append(" tos 0x").append(Integer.toHexString(tos));
        }
        fwmark.ifPresent(m -> {
            sb.append(" fwmark 0x").append(Integer.toHexString(m));
            fwmask.ifPresent(k -> sb.append("/0x").append(Integer.toHexString(k)));
        });
        iif.ifPresent(i -> sb.append(" iif ").append(i));
        oif.ifPresent(o -> sb.append(" oif ").append(o));
        tunId.ifPresent(t -> sb.append(" tun_id ").append(Long.toUnsignedString(t)));
        if (l3mdev) {
            sb.append(" l3mdev");
        }
        if (action.equals(RuleAction.TO_TBL) && table != 0) {
            sb.append(" table ").append(table == Route.TABLE_MAIN ? "main" : Integer.toUnsignedString(table));
        } else if (action.equals(RuleAction.GOTO)) {
            gotoPriority.ifPresent(g -> sb.append(" goto ").append(Integer.toUnsignedString(g)));
        } else if (!action.equals(RuleAction.TO_TBL) && !action.equals(RuleAction.UNSPEC)) {
            sb.append(' ').append(action);
        }
        suppressPrefixLen.ifPresent(s -> sb.append(" suppress_prefixlength ").append(s));
        priority.ifPresent(p -> sb.append(" pref ").append(Integer.toUnsignedString(p)));
        return sb.toString().trim();
    }

    @Override
    public String toString() {
        return toIpArgs();
    }

    /** Builds a {@link Rule}. */
    public static final class Builder {
        private AddressFamily family;
        private OptionalInt priority = OptionalInt.empty();
        private int table;
        private RuleAction action;
        private Optional<InetPrefix> from = Optional.empty();
        private Optional<InetPrefix> to = Optional.empty();
        private int tos;
        private Optional<String> iif = Optional.empty();
        private Optional<String> oif = Optional.empty();
        private OptionalInt fwmark = OptionalInt.empty();
        private OptionalInt fwmask = OptionalInt.empty();
        private boolean l3mdev;
        private OptionalLong tunId = OptionalLong.empty();
        private OptionalInt suppress = OptionalInt.empty();
        private OptionalInt gotoPriority = OptionalInt.empty();
        private int flags;

        private Builder() {
        }

        public Builder family(AddressFamily f) {
            this.family = f;
            return this;
        }

        /** {@code pref N}. */
        public Builder priority(int p) {
            this.priority = OptionalInt.of(p);
            return this;
        }

        /** {@code table N} (lookup): any u32 but 0. */
        public Builder table(int t) {
            if (t == 0) {
                throw new IllegalArgumentException("table must be 1..4294967295, was 0");
            }
            this.table = t;
            return this;
        }

        public Builder from(String prefix) {
            this.from = Optional.of(InetPrefix.parse(prefix));
            return this;
        }

        public Builder to(String prefix) {
            this.to = Optional.of(InetPrefix.parse(prefix));
            return this;
        }

        public Builder tos(int t) {
            if (t < 0 || t > 255) {
                throw new IllegalArgumentException("tos must be in 0..255, was " + t);
            }
            this.tos = t;
            return this;
        }

        public Builder iif(String dev) {
            this.iif = Optional.of(Route.validDev(dev));
            return this;
        }

        public Builder oif(String dev) {
            this.oif = Optional.of(Route.validDev(dev));
            return this;
        }

        /** {@code fwmark MARK[/MASK]}. */
        public Builder fwmark(int mark, int mask) {
            this.fwmark = OptionalInt.of(mark);
            this.fwmask = OptionalInt.of(mask);
            return this;
        }

        public Builder fwmark(int mark) {
            this.fwmark = OptionalInt.of(mark);
            return this;
        }

        /** {@code l3mdev}: look up the table of the VRF (L3 master device) the packet is in. */
        public Builder l3mdev() {
            this.l3mdev = true;
            return this;
        }

        public Builder tunId(long id) {
            this.tunId = OptionalLong.of(id);
            return this;
        }

        /** {@code suppress_prefixlength N}, 0..128. */
        public Builder suppressPrefixLength(int n) {
            if (n < 0 || n > 128) {
                throw new IllegalArgumentException("suppress_prefixlength must be in 0..128, was " + n);
            }
            this.suppress = OptionalInt.of(n);
            return this;
        }

        /** {@code goto PRIORITY}. */
        public Builder gotoRule(int prio) {
            this.gotoPriority = OptionalInt.of(prio);
            this.action = RuleAction.GOTO;
            return this;
        }

        /** {@code blackhole}, {@code unreachable}, {@code prohibit}, {@code nop}. */
        public Builder action(RuleAction a) {
            this.action = a;
            return this;
        }

        /** {@code not}: invert the match (FIB_RULE_INVERT). */
        public Builder not() {
            this.flags |= 2;
            return this;
        }

        public Rule build() {
            AddressFamily f = family != null ? family
                    : from.map(InetPrefix::family).orElse(to.map(InetPrefix::family).orElse(AddressFamily.INET));
            RuleAction a = action != null ? action
                    : (table != 0 || l3mdev) ? RuleAction.TO_TBL : RuleAction.UNSPEC;
            return new Rule(f, priority, table, a, from, to, tos, iif, oif, fwmark, fwmask, l3mdev, tunId, suppress,
                    gotoPriority, flags, List.of());
        }
    }
}
