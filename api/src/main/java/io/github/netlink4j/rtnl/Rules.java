package io.github.netlink4j.rtnl;

import io.github.netlink4j.core.NetlinkChannel;
import io.github.netlink4j.core.NetlinkRequest;
import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.MessageWriter;
import io.github.netlink4j.core.wire.Nlmsg;
import io.github.netlink4j.rtnl.internal.RouteSchemas;
import io.github.netlink4j.rtnl.internal.RuleCodec;

import java.util.List;

/**
 * Policy-routing rule operations ({@code rt.rules()}, {@code ip rule}).
 *
 * <p>Thread safety: as the {@link Rtnetlink} it belongs to.
 */
public final class Rules {
    private final NetlinkChannel channel;

    Rules(NetlinkChannel channel) {
        this.channel = channel;
    }

    /**
     * {@code ip rule add}: action lookup and table main unless given (see {@link Rule}). EEXIST
     * when an identical rule exists.
     */
    public void add(Rule r) {
        channel.execute(new Request(true, r));
    }

    /**
     * {@code ip rule del}: deletes the first rule matching what is given (a decoded rule deletes
     * exactly itself). ENOENT when none matches.
     */
    public void delete(Rule r) {
        channel.execute(new Request(false, r));
    }

    /** The rules of {@code family} (AF_INET or AF_INET6), in priority order ({@code ip rule show}). */
    public List<Rule> list(AddressFamily family) {
        if (!family.equals(AddressFamily.INET) && !family.equals(AddressFamily.INET6)) {
            throw new IllegalArgumentException("rule family must be inet or inet6, was " + family);
        }
        return channel.dumpAll(new Dump(family), m -> m.type() == RouteSchemas.RTM_NEWRULE ? RuleCodec.decode(m) : null);
    }

    /**
     * An RTM_NEWRULE (add: NLM_F_CREATE | NLM_F_EXCL, as ip sends it) or RTM_DELRULE request;
     * toString is the ip command.
     */
    public record Request(boolean add, Rule rule) implements NetlinkRequest {
        @Override
        public int type() {
            return add ? RouteSchemas.RTM_NEWRULE : RouteSchemas.RTM_DELRULE;
        }

        @Override
        public int flags() {
            return add ? Nlmsg.NLM_F_CREATE | Nlmsg.NLM_F_EXCL : 0;
        }

        @Override
        public void encode(MessageWriter w) {
            RuleCodec.encode(w, rule, add);
        }

        @Override
        public String operation() {
            return RouteSchemas.name(type());
        }

        @Override
        public int headerLength() {
            return RouteSchemas.FIB_RULE_HDR_LEN;
        }

        @Override
        public AttrSchema schema() {
            return RouteSchemas.FRA;
        }

        @Override
        public String toString() {
            return "ip " + (rule.family().equals(AddressFamily.INET6) ? "-6 " : "") + "rule " + (add ? "add " : "del ")
                    + rule.toIpArgs();
        }
    }

    /** RTM_GETRULE with NLM_F_DUMP: an empty fib_rule_hdr of the family, as ip sends it. */
    record Dump(AddressFamily family) implements NetlinkRequest {
        @Override
        public int type() {
            return RouteSchemas.RTM_GETRULE;
        }

        @Override
        public int flags() {
            return Nlmsg.NLM_F_DUMP;
        }

        @Override
        public void encode(MessageWriter w) {
            w.putU8(family.number()).putU8(0).putU8(0).putU8(0).putU8(0).putU8(0).putU8(0).putU8(0).putU32(0);
        }

        @Override
        public String operation() {
            return "RTM_GETRULE";
        }

        @Override
        public String toString() {
            return "ip " + (family.equals(AddressFamily.INET6) ? "-6 " : "") + "rule show";
        }
    }
}
