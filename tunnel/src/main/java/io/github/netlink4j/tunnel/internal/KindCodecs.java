package io.github.netlink4j.tunnel.internal;

import io.github.netlink4j.core.wire.AttrReader;
import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.RawAttribute;
import io.github.netlink4j.rtnl.LinkKind;
import io.github.netlink4j.rtnl.LinkKindCodec;
import io.github.netlink4j.tunnel.Gre;
import io.github.netlink4j.tunnel.Vxlan;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static io.github.netlink4j.tunnel.internal.IflaGre.*;

/** The decoders of the tunnel link kinds, found by the api through ServiceLoader. */
public final class KindCodecs {
    private KindCodecs() {
    }

    /** gretap and gre share IFLA_GRE_*. */
    abstract static class GreBase implements LinkKindCodec {
        @Override
        public AttrSchema dataSchema() {
            return IFLA_GRE;
        }

        @Override
        public LinkKind decode(AttrReader r) {
            boolean external = false;
            OptionalInt ikey = OptionalInt.empty();
            OptionalInt okey = OptionalInt.empty();
            int iflags = 0;
            int oflags = 0;
            int ik = 0;
            int ok = 0;
            Optional<InetAddress> local = Optional.empty();
            Optional<InetAddress> remote = Optional.empty();
            int ttl = 0;
            int tos = 0;
            boolean pmtudisc = true;
            OptionalInt underlay = OptionalInt.empty();
            int fwmark = 0;
            List<RawAttribute> unknown = new ArrayList<>();
            while (r != null && r.next()) {
                switch (r.type()) {
                    case 1 -> {
                        int l = r.u32();
                        underlay = l == 0 ? OptionalInt.empty() : OptionalInt.of(l);
                    }
                    case 2 -> iflags = r.u16Be();
                    case 3 -> oflags = r.u16Be();
                    case 4 -> ik = r.u32Be();
                    case 5 -> ok = r.u32Be();
                    case 6 -> local = nonZero(r.inet());
                    case 7 -> remote = nonZero(r.inet());
                    case 8 -> ttl = r.u8();
                    case 9 -> tos = r.u8();
                    case 10 -> pmtudisc = r.u8() != 0;
                    case 14, 15, 16, 17 -> {
                        if (r.payloadLength() != 2 || r.buffer().getShort(r.payloadOffset()) != 0) {
                            unknown.add(r.raw());
                        }
                    }
                    case 18 -> external = true;
                    case 20 -> fwmark = r.u32();
                    default -> unknown.add(r.raw());
                }
            }
            if ((iflags & GRE_KEY) != 0 || ik != 0) {
                ikey = OptionalInt.of(ik);
            }
            if ((oflags & GRE_KEY) != 0 || ok != 0) {
                okey = OptionalInt.of(ok);
            }
            return new Gre(kind(), external, ikey, okey, iflags, oflags, local, remote, ttl, tos, pmtudisc, underlay, fwmark,
                    unknown);
        }
    }

    static Optional<InetAddress> nonZero(InetAddress a) {
        return a.isAnyLocalAddress() ? Optional.empty() : Optional.of(a);
    }

    /** gretap. */
    public static final class Gretap extends GreBase {
        @Override
        public String kind() {
            return "gretap";
        }
    }

    /** gre. */
    public static final class GreIp extends GreBase {
        @Override
        public String kind() {
            return "gre";
        }
    }

    /** vxlan. */
    public static final class VxlanCodec implements LinkKindCodec {
        @Override
        public String kind() {
            return "vxlan";
        }

        @Override
        public AttrSchema dataSchema() {
            return IFLA_VXLAN;
        }

        @Override
        public LinkKind decode(AttrReader r) {
            OptionalInt id = OptionalInt.empty();
            boolean external = false;
            Optional<InetAddress> remote = Optional.empty();
            Optional<InetAddress> local = Optional.empty();
            OptionalInt ttl = OptionalInt.empty();
            boolean learning = true;
            OptionalInt port = OptionalInt.empty();
            OptionalInt underlay = OptionalInt.empty();
            List<RawAttribute> unknown = new ArrayList<>();
            while (r != null && r.next()) {
                switch (r.type()) {
                    case 1 -> id = OptionalInt.of(r.u32());
                    case 2, 16 -> remote = nonZero(r.inet());
                    case 3 -> {
                        int l = r.u32();
                        underlay = l == 0 ? OptionalInt.empty() : OptionalInt.of(l);
                    }
                    case 4, 17 -> local = nonZero(r.inet());
                    case 5 -> ttl = OptionalInt.of(r.u8());
                    case 7 -> learning = r.u8() != 0;
                    case 15 -> port = OptionalInt.of(r.u16Be());
                    case 25 -> external = r.u8() != 0;
                    default -> unknown.add(r.raw());
                }
            }
            return new Vxlan(id, external, remote, local, ttl, learning, port, underlay, unknown);
        }
    }
}
