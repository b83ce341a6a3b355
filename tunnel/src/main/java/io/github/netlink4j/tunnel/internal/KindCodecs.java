package io.github.netlink4j.tunnel.internal;

import io.github.netlink4j.core.wire.AttrReader;
import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.RawAttribute;
import io.github.netlink4j.rtnl.LinkKind;
import io.github.netlink4j.rtnl.LinkKindCodec;
import io.github.netlink4j.tunnel.Geneve;
import io.github.netlink4j.tunnel.Gre;
import io.github.netlink4j.tunnel.Ip6Gre;
import io.github.netlink4j.tunnel.Ipip;
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

    /** geneve. */
    public static final class GeneveCodec implements LinkKindCodec {
        @Override
        public String kind() {
            return "geneve";
        }

        @Override
        public AttrSchema dataSchema() {
            return IFLA_GENEVE;
        }

        @Override
        public LinkKind decode(AttrReader r) {
            int id = 0;
            boolean external = false;
            Optional<InetAddress> remote = Optional.empty();
            int ttl = 0;
            int tos = 0;
            OptionalInt port = OptionalInt.empty();
            List<RawAttribute> unknown = new ArrayList<>();
            while (r != null && r.next()) {
                switch (r.type()) {
                    case 1 -> id = r.u32();
                    case 2, 7 -> remote = nonZero(r.inet());
                    case 3 -> ttl = r.u8();
                    case 4 -> tos = r.u8();
                    case 5 -> port = OptionalInt.of(r.u16Be());
                    case 6 -> external = true;
                    case 11 -> {
                        if (r.u32Be() != 0) {
                            unknown.add(r.raw());
                        }
                    }
                    default -> unknown.add(r.raw());
                }
            }
            return new Geneve(id, external, remote, ttl, tos, port, unknown);
        }
    }

    /** ipip. */
    public static final class IpipCodec implements LinkKindCodec {
        @Override
        public String kind() {
            return "ipip";
        }

        @Override
        public AttrSchema dataSchema() {
            return IFLA_IPTUN;
        }

        @Override
        public LinkKind decode(AttrReader r) {
            boolean external = false;
            Optional<InetAddress> local = Optional.empty();
            Optional<InetAddress> remote = Optional.empty();
            int ttl = 0;
            int tos = 0;
            boolean pmtudisc = true;
            int link = 0;
            List<RawAttribute> unknown = new ArrayList<>();
            while (r != null && r.next()) {
                switch (r.type()) {
                    case 1 -> link = r.u32();
                    case 2 -> local = nonZero(r.inet());
                    case 3 -> remote = nonZero(r.inet());
                    case 4 -> ttl = r.u8();
                    case 5 -> tos = r.u8();
                    case 9, 15, 16, 17, 18, 20 -> {
                        boolean zero = true;
                        for (int i = 0; i < r.payloadLength(); i++) {
                            zero &= r.buffer().get(r.payloadOffset() + i) == 0;
                        }
                        if (!zero) {
                            unknown.add(r.raw());
                        }
                    }
                    case 10 -> pmtudisc = r.u8() != 0;
                    case 19 -> external = true;
                    default -> unknown.add(r.raw());
                }
            }
            return new Ipip(external, local, remote, ttl, tos, pmtudisc, link, unknown);
        }
    }

    /** ip6gretap and ip6gre. */
    abstract static class Ip6GreBase implements LinkKindCodec {
        @Override
        public AttrSchema dataSchema() {
            return IFLA_GRE;
        }

        @Override
        public LinkKind decode(AttrReader r) {
            boolean external = false;
            int iflags = 0;
            int ikey = 0;
            Optional<InetAddress> local = Optional.empty();
            Optional<InetAddress> remote = Optional.empty();
            int hoplimit = 64;
            int encapLimit = 4;
            List<RawAttribute> unknown = new ArrayList<>();
            while (r != null && r.next()) {
                switch (r.type()) {
                    case 2 -> iflags = r.u16Be();
                    case 4 -> ikey = r.u32Be();
                    case 3, 5 -> {
                        // the same key and flags both ways is all this record models
                    }
                    case 6 -> local = nonZero(r.inet());
                    case 7 -> remote = nonZero(r.inet());
                    case 8 -> hoplimit = r.u8();
                    case 11 -> encapLimit = r.u8();
                    case 18 -> external = true;
                    case 12, 13, 14, 15, 16, 17, 20, 22, 1 -> {
                        // defaults iproute2 writes; the kernel reports them back
                    }
                    default -> unknown.add(r.raw());
                }
            }
            OptionalInt key = (iflags & GRE_KEY) != 0 ? OptionalInt.of(ikey) : OptionalInt.empty();
            return new Ip6Gre(kind(), external, external ? OptionalInt.empty() : key, local, remote,
                    external ? 64 : hoplimit, external ? 4 : encapLimit, unknown);
        }
    }

    /** ip6gretap. */
    public static final class Ip6Gretap extends Ip6GreBase {
        @Override
        public String kind() {
            return "ip6gretap";
        }
    }

    /** ip6gre. */
    public static final class Ip6GreIp extends Ip6GreBase {
        @Override
        public String kind() {
            return "ip6gre";
        }
    }
}
