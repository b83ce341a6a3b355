package io.github.netlink4j.rtnl;

import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.MessageWriter;
import io.github.netlink4j.core.wire.RawAttribute;
import io.github.netlink4j.rtnl.internal.KindSchemas;
import io.github.netlink4j.rtnl.internal.LinkCodec;
import io.github.netlink4j.rtnl.internal.RtCodecs;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A virtual Ethernet pair ({@code type veth peer name veth1}). The peer is described by a
 * {@link Link} (its name, and optionally its namespace, MTU, address...).
 *
 * <pre>
 * IFLA_INFO_DATA
 *   VETH_INFO_PEER
 *     struct ifinfomsg        the peer's header
 *     IFLA_MTU .. IFLA_IFNAME the peer's attributes, as for a link of its own
 * </pre>
 *
 * The kernel reports no IFLA_INFO_DATA for a veth: a decoded veth has no peer (the peer's index is
 * the link's {@link Link#link()}).
 *
 * @param peer  the other end, absent to let the kernel name it
 * @param other IFLA_INFO_DATA attributes this record does not model
 */
public record Veth(Optional<Link> peer, List<RawAttribute> other) implements LinkKind {
    /** IFLA_INFO_KIND. */
    public static final String KIND = "veth";

    public Veth {
        Objects.requireNonNull(peer, "peer");
        other = List.copyOf(other);
        peer.ifPresent(p -> {
            if (p.kind().isPresent()) {
                throw new IllegalArgumentException("a veth peer has no kind of its own, was " + p.kind().get().kind());
            }
        });
    }

    /** A veth whose peer the kernel names. */
    public static Veth of() {
        return new Veth(Optional.empty(), List.of());
    }

    /** A veth whose peer is called {@code peerName}. */
    public static Veth peer(String peerName) {
        return peer(Link.builder(peerName).build());
    }

    /** A veth whose peer is {@code peer} (its name, netns, mtu...). */
    public static Veth peer(Link peer) {
        return new Veth(Optional.of(peer), List.of());
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public boolean hasData() {
        return peer.isPresent() || !other.isEmpty();
    }

    @Override
    public void encodeData(MessageWriter w) {
        if (peer.isPresent()) {
            int n = w.beginNested(KindSchemas.VETH_INFO_PEER);
            LinkCodec.encode(w, peer.get());
            w.endNested(n);
        }
        RtCodecs.putAll(w, other);
    }

    @Override
    public AttrSchema dataSchema() {
        return KindSchemas.VETH;
    }

    @Override
    public String toIpArgs() {
        return peer.map(p -> "type veth peer name " + LinkCodec.addArgs(p, null, null)).orElse("type veth");
    }
}
