package io.github.netlink4j.tunnel;

import io.github.netlink4j.core.NetlinkRequest;
import io.github.netlink4j.core.wire.MessageWriter;
import io.github.netlink4j.core.wire.Nlmsg;
import io.github.netlink4j.rtnl.Link;
import io.github.netlink4j.rtnl.LinkKind;
import io.github.netlink4j.rtnl.Rtnetlink;
import io.github.netlink4j.testkit.RefBytes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.Function;
import java.util.stream.Stream;

/** {@code ip link add NAME type gretap|gre|vxlan ...} built with the library is what iproute2 sends. */
class KindRefBytesTest {
    record Case(String fixture, String name, Function<RefBytes, LinkKind> kind) {
        @Override
        public String toString() {
            return fixture;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("gretap-external", "tun0", ref -> Gre.gretap().external().build()),
                new Case("gretap-key", "tun0", ref -> Gre.gretap().key(1000).build()),
                new Case("gretap-key-local", "tun0", ref -> Gre.gretap().local("1.1.1.1").key(1000).build()),
                new Case("gretap-local-remote-ttl", "tun0", ref -> Gre.gretap().local("1.1.1.1").remote("1.1.1.9").ttl(64)
                        .tos(0x10).nopmtudisc().underlay(ref.ifindex("veth0")).build()),
                new Case("gre-flags", "tun0", ref -> Gre.gre().local("1.1.1.1").remote("1.1.1.9").ikey(100).okey(200)
                        .iseq().oseq().icsum().ocsum().build()),
                new Case("vxlan-id-port", "vx0", ref -> Vxlan.id(42).dstport(4789).local("10.0.0.1").remote("10.0.0.9")
                        .ttl(64).nolearning().underlay(ref.ifindex("veth0")).build()),
                new Case("vxlan-external", "vx0", ref -> Vxlan.builder().external().dstport(4789).build()),
                new Case("vxlan-group", "vx0", ref -> Vxlan.id(7).group("239.1.1.1").underlay(ref.ifindex("veth0"))
                        .dstport(4789).build()),
                new Case("geneve-id-remote", "gn0", ref -> Geneve.of(5, "10.0.0.9").withDstport(6081).withTtl(32)),
                new Case("geneve-external", "gn0", ref -> Geneve.metadataMode()),
                new Case("ipip-local-remote", "ip0", ref -> Ipip.of("1.1.1.1", "1.1.1.9").withTtl(64)),
                new Case("ipip-external", "ip0", ref -> Ipip.metadataMode()),
                new Case("ip6gretap-external", "tun0", ref -> Ip6Gre.externalTap()),
                new Case("ip6gre-key", "tun0", ref -> Ip6Gre.of("ip6gre", "2001:db8::1", "2001:db8::9",
                        java.util.OptionalInt.of(7))));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesIproute2(Case c) {
        RefBytes ref = RefBytes.load(c.fixture());
        NetlinkRequest req;
        try (Rtnetlink rt = Rtnetlink.open()) { // builds the request only; nothing is sent
            req = rt.links().addRequest(Link.builder(c.name()).kind(c.kind().apply(ref)).build());
        }
        MessageWriter w = new MessageWriter();
        int s = w.beginMessage(req.type(), Nlmsg.NLM_F_REQUEST | Nlmsg.NLM_F_ACK | req.flags());
        req.encode(w);
        w.endMessage(s);
        RefBytes.assertSameMessage(ref.message(), w.toByteArray(), 16, ref.command() + " / " + req);
    }
}
