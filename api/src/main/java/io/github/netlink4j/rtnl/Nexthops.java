package io.github.netlink4j.rtnl;

import io.github.netlink4j.core.NetlinkChannel;
import io.github.netlink4j.core.NetlinkRequest;
import io.github.netlink4j.core.PipelineOptions;
import io.github.netlink4j.core.PipelineResult;
import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.MessageWriter;
import io.github.netlink4j.core.wire.Nlmsg;
import io.github.netlink4j.rtnl.internal.LinkNames;
import io.github.netlink4j.rtnl.internal.NexthopCodec;
import io.github.netlink4j.rtnl.internal.RouteSchemas;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * Nexthop object operations ({@code rt.nexthops()}, {@code ip nexthop}).
 *
 * <p>Thread safety: as the {@link Rtnetlink} it belongs to.
 */
public final class Nexthops {
    private final NetlinkChannel channel;

    Nexthops(NetlinkChannel channel) {
        this.channel = channel;
    }

    /** {@code ip nexthop add}: fails with EEXIST when the id is taken. */
    public void add(Nexthop n) {
        channel.execute(request(Verb.ADD, n));
    }

    /** {@code ip nexthop replace}. */
    public void replace(Nexthop n) {
        channel.execute(request(Verb.REPLACE, n));
    }

    /** {@code ip nexthop del id N}: ENOENT when there is none; routes using it go with it. */
    public void delete(int id) {
        channel.execute(new ById(RouteSchemas.RTM_DELNEXTHOP, id));
    }

    /** The request {@link #delete(int)} sends: to log or pipeline. */
    public NetlinkRequest deleteRequest(int id) {
        return new ById(RouteSchemas.RTM_DELNEXTHOP, id);
    }

    /** {@code ip nexthop get id N}, or empty when there is none. */
    public Optional<Nexthop> get(int id) {
        try {
            return Optional.of(channel.query(new ById(RouteSchemas.RTM_GETNEXTHOP, id),
                    m -> m.type() == RouteSchemas.RTM_NEWNEXTHOP ? NexthopCodec.decode(m) : null));
        } catch (io.github.netlink4j.core.KernelException e) {
            if (e.errno().equals(io.github.netlink4j.core.Errno.ENOENT)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Every nexthop object ({@code ip nexthop show}), in id order. */
    public List<Nexthop> list() {
        return channel.dumpAll(new Dump(), m -> m.type() == RouteSchemas.RTM_NEWNEXTHOP ? NexthopCodec.decode(m) : null);
    }

    /** Many nexthops in one pipeline; every refusal is reported. */
    public PipelineResult apply(Verb verb, List<Nexthop> nexthops) {
        ToIntFunction<String> names = new LinkNames(channel)::indexOf;
        List<Request> reqs = new ArrayList<>(nexthops.size());
        for (Nexthop n : nexthops) {
            reqs.add(new Request(verb, resolve(n, names)));
        }
        return channel.pipeline(reqs, PipelineOptions.errorsOnly());
    }

    /** The request for {@code n}, its device resolved. */
    public Request request(Verb verb, Nexthop n) {
        return new Request(verb, resolve(n, new LinkNames(channel)::indexOf));
    }

    /** {@code n} with its device name resolved through {@code names} (name to ifindex). */
    static Nexthop resolve(Nexthop n, ToIntFunction<String> names) {
        return n.dev().isPresent() && n.oif().isEmpty() ? n.withOif(names.applyAsInt(n.dev().get())) : n;
    }

    /** add (NLM_F_CREATE | NLM_F_EXCL) or replace (NLM_F_CREATE | NLM_F_REPLACE). */
    public enum Verb { ADD, REPLACE }

    /** An RTM_NEWNEXTHOP request; toString is the ip command. */
    public record Request(Verb verb, Nexthop nexthop) implements NetlinkRequest {
        public Request {
            java.util.Objects.requireNonNull(verb, "verb");
            java.util.Objects.requireNonNull(nexthop, "nexthop");
            if (nexthop.dev().isPresent() && nexthop.oif().isEmpty()) {
                throw new IllegalArgumentException("device \"" + nexthop.dev().get() + "\" is not resolved: " + nexthop);
            }
        }

        @Override
        public int type() {
            return RouteSchemas.RTM_NEWNEXTHOP;
        }

        @Override
        public int flags() {
            return Nlmsg.NLM_F_CREATE | (verb == Verb.ADD ? Nlmsg.NLM_F_EXCL : Nlmsg.NLM_F_REPLACE);
        }

        @Override
        public void encode(MessageWriter w) {
            NexthopCodec.encodeRequest(w, nexthop);
        }

        @Override
        public String operation() {
            return "RTM_NEWNEXTHOP";
        }

        @Override
        public int headerLength() {
            return RouteSchemas.NHMSG_LEN;
        }

        @Override
        public AttrSchema schema() {
            return NexthopCodec.schemaFor(nexthop);
        }

        @Override
        public String toString() {
            // ip needs -6 to make a gatewayless nexthop IPv6
            boolean v6 = nexthop.family().equals(AddressFamily.INET6) && nexthop.gateway().isEmpty();
            return "ip " + (v6 ? "-6 " : "") + "nexthop " + (verb == Verb.ADD ? "add " : "replace ") + nexthop.toIpArgs();
        }
    }

    /** RTM_DELNEXTHOP / RTM_GETNEXTHOP by id: an empty nhmsg and NHA_ID, as ip sends them. */
    public record ById(int type, int id) implements NetlinkRequest {
        public ById {
            if (type != RouteSchemas.RTM_DELNEXTHOP && type != RouteSchemas.RTM_GETNEXTHOP) {
                throw new IllegalArgumentException("type must be RTM_DELNEXTHOP or RTM_GETNEXTHOP, was " + type);
            }
            if (id == 0) {
                throw new IllegalArgumentException("nexthop id must be 1..4294967295, was 0");
            }
        }

        @Override
        public int flags() {
            return 0;
        }

        @Override
        public void encode(MessageWriter w) {
            NexthopCodec.encodeId(w, id);
        }

        @Override
        public String operation() {
            return RouteSchemas.name(type);
        }

        @Override
        public int headerLength() {
            return RouteSchemas.NHMSG_LEN;
        }

        @Override
        public AttrSchema schema() {
            return RouteSchemas.NHA;
        }

        @Override
        public String toString() {
            return "ip nexthop " + (type == RouteSchemas.RTM_DELNEXTHOP ? "del" : "get") + " id " + Integer.toUnsignedString(id);
        }
    }

    record Dump() implements NetlinkRequest {
        @Override
        public int type() {
            return RouteSchemas.RTM_GETNEXTHOP;
        }

        @Override
        public int flags() {
            return Nlmsg.NLM_F_DUMP;
        }

        @Override
        public void encode(MessageWriter w) {
            w.putU8(0).putU8(0).putU8(0).putU8(0).putU32(0);
        }

        @Override
        public String operation() {
            return "RTM_GETNEXTHOP";
        }

        @Override
        public String toString() {
            return "ip nexthop show";
        }
    }
}
