package io.github.netlink4j.tunnel.internal;

import io.github.netlink4j.core.wire.AttrReader;
import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.RawAttribute;
import io.github.netlink4j.rtnl.RouteEncap;
import io.github.netlink4j.rtnl.RouteEncapCodec;
import io.github.netlink4j.tunnel.Ip6Encap;
import io.github.netlink4j.tunnel.IpEncap;
import io.github.netlink4j.tunnel.TunnelFlags;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** The decoders of {@code encap ip} and {@code encap ip6}, found by the api through ServiceLoader. */
public final class EncapCodecs {
    private EncapCodecs() {
    }

    /** LWTUNNEL_ENCAP_IP. */
    public static final class Ip implements RouteEncapCodec {
        @Override
        public int encapType() {
            return Lwtunnel.LWTUNNEL_ENCAP_IP;
        }

        @Override
        public AttrSchema schema() {
            return Lwtunnel.LWTUNNEL_IP;
        }

        @Override
        public RouteEncap decode(AttrReader r) {
            Fields f = read(r, Lwtunnel.LWTUNNEL_IP);
            return new IpEncap(f.id, f.src, f.dst, f.ttl, f.tos, f.flags, f.unknown);
        }
    }

    /** LWTUNNEL_ENCAP_IP6. */
    public static final class Ip6 implements RouteEncapCodec {
        @Override
        public int encapType() {
            return Lwtunnel.LWTUNNEL_ENCAP_IP6;
        }

        @Override
        public AttrSchema schema() {
            return Lwtunnel.LWTUNNEL_IP6;
        }

        @Override
        public RouteEncap decode(AttrReader r) {
            Fields f = read(r, Lwtunnel.LWTUNNEL_IP6);
            return new Ip6Encap(f.id, f.src, f.dst, f.ttl, f.tos, f.flags, f.unknown);
        }
    }

    /** Both encaps number their attributes alike: 1 id, 2 dst, 3 src, 4 ttl/hoplimit, 5 tos/tc, 6 flags. */
    private static final class Fields {
        OptionalLong id = OptionalLong.empty();
        Optional<InetAddress> src = Optional.empty();
        Optional<InetAddress> dst = Optional.empty();
        OptionalInt ttl = OptionalInt.empty();
        OptionalInt tos = OptionalInt.empty();
        Optional<TunnelFlags> flags = Optional.empty();
        List<RawAttribute> unknown = List.of();
    }

    // A dump repeats the same ttl, tos and flags on every route: their wrappers are made once
    // (immutable values; a racing first use at worst makes two equal ones).
    private static final OptionalInt[] U8 = new OptionalInt[256];
    @SuppressWarnings("unchecked")
    private static final Optional<TunnelFlags>[] FLAGS = new Optional[256];

    static {
        for (int i = 0; i < 256; i++) {
            U8[i] = OptionalInt.of(i);
        }
    }

    private static Optional<TunnelFlags> flagsOf(int bits) {
        if (bits > 0xff) {
            return Optional.of(new TunnelFlags(bits));
        }
        Optional<TunnelFlags> f = FLAGS[bits];
        if (f == null) {
            f = Optional.of(new TunnelFlags(bits));
            FLAGS[bits] = f;
        }
        return f;
    }

    private static Fields read(AttrReader r, AttrSchema schema) {
        Fields f = new Fields();
        while (r.next()) {
            switch (r.type()) {
                case 1 -> f.id = OptionalLong.of(r.u64Be());
                case 2 -> f.dst = Optional.of(r.decode(Lwtunnel.codecOf(schema, 2)));
                case 3 -> f.src = Optional.of(r.decode(Lwtunnel.codecOf(schema, 3)));
                case 4 -> f.ttl = U8[r.u8()];
                case 5 -> f.tos = U8[r.u8()];
                case 6 -> f.flags = flagsOf(r.u16Be());
                default -> {
                    if (f.unknown.isEmpty()) {
                        f.unknown = new ArrayList<>();
                    }
                    f.unknown.add(r.raw());
                }
            }
        }
        return f;
    }
}
