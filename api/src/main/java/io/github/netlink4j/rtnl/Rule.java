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
 * What a builder leaves out stays out of the record (action {@link RuleAction#UNSPEC}, table 0);
 * an add request then fills in iproute2's defaults (ip/iprule.c, iprule_modify): action lookup
 * (FR_ACT_TO_TBL), and table main unless the rule has a table, an action of its own or l3mdev.
 * A delete sends only what is given, so it matches any value of what is left out.
 *
 * @param family            AF_INET (default) or AF_INET6
 * @param priority          FRA_PRIORITY ({@code pref}); the kernel picks one below the next rule when absent
 * @param table             the table (fib_rule_hdr.table below 256, else FRA_TABLE); 0 when none is given
 * @param action            fib_rule_hdr.action, FR_ACT_*; UNSPEC when none is given
 * @param from              FRA_SRC + src_len
 * @param to                FRA_DST + dst_len
 * @param tos               fib_rule_hdr.tos
 * @param iif               FRA_IIFNAME ({@code iif NAME})
 * @param oif               FRA_OIFNAME ({@code oif NAME})
 * @param fwmark            FRA_FWMARK
 * @param fwmask            FRA_FWMASK (the kernel reports none for 0xffffffff)
 * @param l3mdev            FRA_L3MDEV: look up the table of the VRF the packet is in
 * @param tunId             FRA_TUN_ID (be64)
 * @param suppressPrefixLen FRA_SUPPRESS_PREFIXLEN
 * @param suppressIfgroup   FRA_SUPPRESS_IFGROUP
 * @param gotoPriority      FRA_GOTO
 * @param protocol          FRA_PROTOCOL ({@code proto static})
 * @param flags             fib_rule_hdr.flags (FIB_RULE_INVERT = 2 for {@code not})
 * @param unknown           attributes this record does not model, kept raw and re-sent byte for byte
 */
public record Rule(AddressFamily family, OptionalInt priority, int table, RuleAction action, Optional<InetPrefix> from,
                   Optional<InetPrefix> to, int tos, Optional<String> iif, Optional<String> oif, OptionalInt fwmark,
                   OptionalInt fwmask, boolean l3mdev, OptionalLong tunId, OptionalInt suppressPrefixLen,
                   OptionalInt suppressIfgroup, OptionalInt gotoPriority, Optional<RouteProtocol> protocol, int flags,
                   List<RawAttribute> unknown) {
    /** FIB_RULE_INVERT: the rule matches what its selectors do not ({@code not}). */
    public static final int FLAG_INVERT = 2;

    public Rule {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(iif, "iif");
        Objects.requireNonNull(oif, "oif");
        Objects.requireNonNull(fwmark, "fwmark");
        Objects.requireNonNull(fwmask, "fwmask");
        Objects.requireNonNull(tunId, "tunId");
        Objects.requireNonNull(suppressPrefixLen, "suppressPrefixLen");
        Objects.requireNonNull(suppressIfgroup, "suppressIfgroup");
        Objects.requireNonNull(gotoPriority, "gotoPriority");
        Objects.requireNonNull(protocol, "protocol");
        unknown = List.copyOf(unknown);
        if (tos < 0 || tos > 255) {
            throw new IllegalArgumentException("tos must be in 0..255, was " + tos);
        }
        for (Optional<InetPrefix> p : List.of(from, to)) {
            p.ifPresent(x -> {
                if (!x.family().equals(family)) {
                    throw new IllegalArgumentException("prefix " + x + " is not of the rule's family " + family);
                }
            });
        }
    }

    /** Whether the rule is inverted ({@code not}). */
    public boolean inverted() {
        return (flags & FLAG_INVERT) != 0;
    }

    /** A builder of a rule with nothing given yet (an add of it alone looks everything up in main). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding every field of this rule. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.family = family;
        b.priority = priority;
        b.table = table;
        b.action = action;
        b.from = from;
        b.to = to;
        b.tos = tos;
        b.iif = iif;
        b.oif = oif;
        b.fwmark = fwmark;
        b.fwmask = fwmask;
        b.l3mdev = l3mdev;
        b.tunId = tunId;
        b.suppress = suppressPrefixLen;
        b.suppressIfgroup = suppressIfgroup;
        b.gotoPriority = gotoPriority;
        b.protocol = protocol;
        b.flags = flags;
        b.unknown = new java.util.ArrayList<>(unknown);
        return b;
    }

    /** In ip's words, without verb: {@code from 10.0.0.0/8 lookup 100 pref 100}. */
    public String toIpArgs() {
        StringBuilder sb = new StringBuilder();
        if (inverted()) {
            sb.append(" not");
        }
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
        if (action.equals(RuleAction.GOTO)) {
            gotoPriority.ifPresent(g -> sb.append(" goto ").append(Integer.toUnsignedString(g)));
        } else if (!action.equals(RuleAction.TO_TBL) && !action.equals(RuleAction.UNSPEC)) {
            sb.append(' ').append(action);
        }
        if (table != 0) {
            sb.append(" lookup ").append(Route.tableName(table));
        }
        suppressPrefixLen.ifPresent(s -> sb.append(" suppress_prefixlength ").append(s));
        suppressIfgroup.ifPresent(g -> sb.append(" suppress_ifgroup ").append(g));
        priority.ifPresent(p -> sb.append(" pref ").append(Integer.toUnsignedString(p)));
        protocol.ifPresent(p -> sb.append(" proto ").append(p));
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
        private OptionalInt suppressIfgroup = OptionalInt.empty();
        private OptionalInt gotoPriority = OptionalInt.empty();
        private Optional<RouteProtocol> protocol = Optional.empty();
        private int flags;
        private List<RawAttribute> unknown = new java.util.ArrayList<>();

        private Builder() {
        }

        /** AF_INET or AF_INET6; by default the family of {@code from}/{@code to}, else AF_INET. */
        public Builder family(AddressFamily f) {
            if (!f.equals(AddressFamily.INET) && !f.equals(AddressFamily.INET6)) {
                throw new IllegalArgumentException("rule family must be inet or inet6, was " + f);
            }
            this.family = f;
            return this;
        }

        /** {@code pref N}, any u32 (0 is the local-table rule's). */
        public Builder priority(int p) {
            this.priority = OptionalInt.of(p);
            return this;
        }

        /** {@code lookup N}: any u32 but 0, unsigned. */
        public Builder table(int t) {
            if (t == 0) {
                throw new IllegalArgumentException("table must be 1..4294967295, was 0");
            }
            this.table = t;
            return this;
        }

        /** {@code from PREFIX} (FRA_SRC); sets the family unless given. */
        public Builder from(String prefix) {
            this.from = Optional.of(InetPrefix.parse(prefix));
            return this;
        }

        /** {@code to PREFIX} (FRA_DST); sets the family unless given. */
        public Builder to(String prefix) {
            this.to = Optional.of(InetPrefix.parse(prefix));
            return this;
        }

        /** {@code tos N}, 0..255. */
        public Builder tos(int t) {
            if (t < 0 || t > 255) {
                throw new IllegalArgumentException("tos must be in 0..255, was " + t);
            }
            this.tos = t;
            return this;
        }

        /** {@code iif NAME} (FRA_IIFNAME): the device need not exist. */
        public Builder iif(String dev) {
            this.iif = Optional.of(Route.validDev(dev));
            return this;
        }

        /** {@code oif NAME} (FRA_OIFNAME): the device need not exist. */
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

        /** {@code fwmark MARK} (the kernel applies mask 0xffffffff). */
        public Builder fwmark(int mark) {
            this.fwmark = OptionalInt.of(mark);
            return this;
        }

        /** {@code l3mdev}: look up the table of the VRF (L3 master device) the packet is in. */
        public Builder l3mdev() {
            this.l3mdev = true;
            return this;
        }

        /** {@code tun_id N} (FRA_TUN_ID, be64): the tunnel id of metadata-carrying tunnels. */
        public Builder tunId(long id) {
            this.tunId = OptionalLong.of(id);
            return this;
        }

        /** {@code suppress_ifgroup N}: ignore a lookup result whose device is in group N. */
        public Builder suppressIfgroup(int group) {
            this.suppressIfgroup = OptionalInt.of(group);
            return this;
        }

        /** {@code proto NAME} (FRA_PROTOCOL): who installed the rule. */
        public Builder protocol(RouteProtocol p) {
            this.protocol = Optional.of(p);
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

        /** {@code blackhole}, {@code unreachable}, {@code prohibit}, {@code nop}; {@code goto} through {@link #gotoRule}. */
        public Builder action(RuleAction a) {
            this.action = a;
            return this;
        }

        /** An attribute kept raw (an FRA_* this library does not model). */
        public Builder unknown(RawAttribute a) {
            this.unknown.add(java.util.Objects.requireNonNull(a, "attribute"));
            return this;
        }

        /** {@code not}: invert the match (FIB_RULE_INVERT). */
        public Builder not() {
            this.flags |= FLAG_INVERT;
            return this;
        }

        public Rule build() {
            AddressFamily f = family != null ? family
                    : from.map(InetPrefix::family).orElse(to.map(InetPrefix::family).orElse(AddressFamily.INET));
            if (l3mdev && table != 0) {
                throw new IllegalArgumentException("an l3mdev rule takes the VRF's table; table " + Integer.toUnsignedString(table)
                        + " cannot be given with it");
            }
            if (action != null && action.equals(RuleAction.GOTO) && gotoPriority.isEmpty()) {
                throw new IllegalArgumentException("a goto rule needs the priority to go to (gotoRule)");
            }
            return new Rule(f, priority, table, action != null ? action : RuleAction.UNSPEC, from, to, tos, iif, oif, fwmark,
                    fwmask, l3mdev, tunId, suppress, suppressIfgroup, gotoPriority, protocol, flags, unknown);
        }
    }
}
