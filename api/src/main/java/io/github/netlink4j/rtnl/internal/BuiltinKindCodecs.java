package io.github.netlink4j.rtnl.internal;

import io.github.netlink4j.core.wire.Attr;
import io.github.netlink4j.core.wire.AttrReader;
import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.RawAttribute;
import io.github.netlink4j.rtnl.Bridge;
import io.github.netlink4j.rtnl.Dummy;
import io.github.netlink4j.rtnl.Link;
import io.github.netlink4j.rtnl.LinkKind;
import io.github.netlink4j.rtnl.LinkKindCodec;
import io.github.netlink4j.rtnl.Macvlan;
import io.github.netlink4j.rtnl.MacvlanMode;
import io.github.netlink4j.rtnl.Veth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The decoders of the link kinds built into this module, found through
 * {@code META-INF/services/io.github.netlink4j.rtnl.LinkKindCodec} (and {@code provides} in the
 * module descriptor).
 */
public final class BuiltinKindCodecs {
    private BuiltinKindCodecs() {
    }

    /** {@code veth}: VETH_INFO_PEER holds a struct ifinfomsg and the peer's attributes. */
    public static final class VethCodec implements LinkKindCodec {
        @Override
        public String kind() {
            return Veth.KIND;
        }

        @Override
        public AttrSchema dataSchema() {
            return KindSchemas.VETH;
        }

        @Override
        public LinkKind decode(AttrReader data) {
            if (data == null) {
                return Veth.of();
            }
            Optional<Link> peer = Optional.empty();
            List<RawAttribute> other = new ArrayList<>();
            while (data.next()) {
                if (data.type() == KindSchemas.VETH_INFO_PEER.type() && peer.isEmpty()) {
                    int from = data.payloadOffset();
                    Link p = LinkCodec.decode(data.buffer(), from, from + data.payloadLength());
                    if (p.kind().isPresent()) {
                        throw data.malformed("a veth peer with a kind of its own", from);
                    }
                    peer = Optional.of(p);
                } else {
                    other.add(data.raw());
                }
            }
            return new Veth(peer, other);
        }
    }

    /** {@code dummy}: no attributes. */
    public static final class DummyCodec implements LinkKindCodec {
        @Override
        public String kind() {
            return Dummy.KIND;
        }

        @Override
        public AttrSchema dataSchema() {
            return AttrSchema.OPAQUE;
        }

        @Override
        public LinkKind decode(AttrReader data) {
            return new Dummy(data == null ? List.of() : LinkCodec.rawList(data));
        }
    }

    /** {@code macvlan}: IFLA_MACVLAN_MODE and IFLA_MACVLAN_FLAGS typed, the rest raw. */
    public static final class MacvlanCodec implements LinkKindCodec {
        @Override
        public String kind() {
            return Macvlan.KIND;
        }

        @Override
        public AttrSchema dataSchema() {
            return KindSchemas.MACVLAN;
        }

        @Override
        public LinkKind decode(AttrReader data) {
            if (data == null) {
                return Macvlan.defaults();
            }
            Optional<MacvlanMode> mode = Optional.empty();
            OptionalInt flags = OptionalInt.empty();
            List<RawAttribute> other = new ArrayList<>();
            while (data.next()) {
                int t = data.type();
                if (t == KindSchemas.IFLA_MACVLAN_MODE.type() && mode.isEmpty()) {
                    mode = Optional.of(MacvlanMode.of(data.get(KindSchemas.IFLA_MACVLAN_MODE)));
                } else if (t == KindSchemas.IFLA_MACVLAN_FLAGS.type() && flags.isEmpty()) {
                    flags = OptionalInt.of(data.get(KindSchemas.IFLA_MACVLAN_FLAGS));
                } else {
                    other.add(data.raw());
                }
            }
            return new Macvlan(mode, flags, other);
        }
    }

    /** {@code bridge}: seven options typed, the rest raw. */
    public static final class BridgeCodec implements LinkKindCodec {
        @Override
        public String kind() {
            return Bridge.KIND;
        }

        @Override
        public AttrSchema dataSchema() {
            return KindSchemas.BRIDGE;
        }

        @Override
        public LinkKind decode(AttrReader data) {
            if (data == null) {
                return Bridge.of();
            }
            List<Attr<Integer>> typed = List.of(KindSchemas.IFLA_BR_FORWARD_DELAY, KindSchemas.IFLA_BR_HELLO_TIME,
                    KindSchemas.IFLA_BR_MAX_AGE, KindSchemas.IFLA_BR_AGEING_TIME, KindSchemas.IFLA_BR_STP_STATE,
                    KindSchemas.IFLA_BR_PRIORITY, KindSchemas.IFLA_BR_VLAN_FILTERING);
            OptionalInt[] v = new OptionalInt[typed.size()];
            Arrays.fill(v, OptionalInt.empty());
            List<RawAttribute> other = new ArrayList<>();
            while (data.next()) {
                int i = indexOf(typed, data.type());
                if (i >= 0 && v[i].isEmpty()) {
                    v[i] = OptionalInt.of(data.get(typed.get(i)));
                } else {
                    other.add(data.raw());
                }
            }
            return new Bridge(v[0], v[1], v[2], v[3], v[4], v[5], v[6], other);
        }

        private static int indexOf(List<Attr<Integer>> attrs, int type) {
            for (int i = 0; i < attrs.size(); i++) {
                if (attrs.get(i).type() == type) {
                    return i;
                }
            }
            return -1;
        }
    }
}
