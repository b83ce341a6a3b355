package io.github.netlink4j.rtnl;

import io.github.netlink4j.core.NetlinkRequest;
import io.github.netlink4j.rtnl.internal.RouteSchemas;
import io.github.netlink4j.testkit.RefBytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Nexthop-object and rule requests are what iproute2 6.1 sends for the same command, and their
 * {@code toString()} is that command.
 */
class NexthopRuleRefBytesTest {
    record Case(String fixture, int headerLength, boolean ack, Function<RefBytes, NetlinkRequest> request) {
        @Override
        public String toString() {
            return fixture;
        }
    }

    static Case nh(String fixture, Nexthops.Verb verb, Nexthop.Builder n) {
        Nexthop built = n.build();
        return new Case(fixture, RouteSchemas.NHMSG_LEN, true, ref -> new Nexthops.Request(verb,
                Nexthops.resolve(built, ref::ifindex)));
    }

    static Case rule(String fixture, boolean add, Rule.Builder r) {
        Rule built = r.build();
        return new Case(fixture, RouteSchemas.FIB_RULE_HDR_LEN, true, ref -> new Rules.Request(add, built));
    }

    static Stream<Case> cases() {
        return Stream.of(
                nh("nexthop-add-via-dev", Nexthops.Verb.ADD, Nexthop.id(1).via("10.0.0.2").dev("veth0")),
                nh("nexthop-add-blackhole", Nexthops.Verb.ADD, Nexthop.id(2).blackhole()),
                nh("nexthop-add-group", Nexthops.Verb.ADD, Nexthop.id(10).member(1, 3).member(2, 5)),
                nh("nexthop-add-onlink", Nexthops.Verb.ADD, Nexthop.id(4).via("192.168.99.1").dev("veth0").onlink()),
                nh("nexthop-replace", Nexthops.Verb.REPLACE, Nexthop.id(1).via("10.0.0.3").dev("veth0")),
                nh("nexthop-add-encap-ip", Nexthops.Verb.ADD, Nexthop.id(5).encap(TestIpEncap.key(1000, "172.168.0.1"))
                        .dev("veth0")),
                nh("nexthop-add-ipv6", Nexthops.Verb.ADD, Nexthop.id(6).via("2001:db8::2").dev("veth0")),
                nh("nexthop-add-dev", Nexthops.Verb.ADD, Nexthop.id(7).dev("veth0")),
                nh("nexthop-add-dev-ipv6", Nexthops.Verb.ADD, Nexthop.id(8).family(AddressFamily.INET6).dev("veth0")),
                nh("nexthop-add-fdb", Nexthops.Verb.ADD, Nexthop.id(9).via("10.0.0.2").fdb()),
                nh("nexthop-add-proto", Nexthops.Verb.ADD, Nexthop.id(11).via("10.0.0.2").dev("veth0")
                        .protocol(RouteProtocol.STATIC)),
                nh("nexthop-add-group-mpath", Nexthops.Verb.ADD, Nexthop.id(12).member(1, 1).member(2, 1)
                        .groupType(Nexthop.GROUP_MPATH)),
                new Case("nexthop-del", RouteSchemas.NHMSG_LEN, true, ref -> new Nexthops.ById(RouteSchemas.RTM_DELNEXTHOP, 1)),
                new Case("nexthop-get", RouteSchemas.NHMSG_LEN, false, ref -> new Nexthops.ById(RouteSchemas.RTM_GETNEXTHOP, 1)),
                new Case("nexthop-show", RouteSchemas.NHMSG_LEN, false, ref -> new Nexthops.Dump()),
                rule("rule-add-from-table-pref", true, Rule.builder().from("10.0.0.0/8").table(100).priority(100)),
                rule("rule-add-to-table", true, Rule.builder().to("192.168.0.0/16").table(200).priority(200)),
                rule("rule-add-l3mdev", true, Rule.builder().l3mdev().priority(1000)),
                rule("rule-add-fwmark", true, Rule.builder().fwmark(0x10, 0xff).table(100).priority(300)),
                rule("rule-add-iif-oif", true, Rule.builder().iif("veth0").oif("veth1").table(100).priority(400)),
                rule("rule-add-table-1000", true, Rule.builder().from("10.1.0.0/16").table(1000).priority(500)),
                rule("rule-add-suppress", true, Rule.builder().table(254).suppressPrefixLength(0).priority(600)),
                rule("rule-add-goto", true, Rule.builder().from("10.2.0.0/16").gotoRule(700).priority(650)),
                rule("rule-add-prohibit", true, Rule.builder().from("10.3.0.0/16").action(RuleAction.PROHIBIT).priority(660)),
                rule("rule-add-blackhole", true, Rule.builder().from("10.4.0.0/16").action(RuleAction.BLACKHOLE).priority(670)),
                rule("rule-add-tun-id", true, Rule.builder().tunId(1000).table(100).priority(680)),
                rule("rule-del", false, Rule.builder().priority(100)),
                rule("rule-add-ipv6", true, Rule.builder().from("2001:db8::/32").table(100).priority(100)),
                // an add without table or action looks up main, as ip's does
                rule("rule-add-default-table", true, Rule.builder().from("10.5.0.0/16").priority(710)),
                rule("rule-add-not", true, Rule.builder().not().from("10.6.0.0/16").table(100).priority(720)),
                rule("rule-add-protocol", true, Rule.builder().from("10.7.0.0/16").table(100).priority(730)
                        .protocol(RouteProtocol.STATIC)),
                rule("rule-add-suppress-ifgroup", true, Rule.builder().table(Route.TABLE_MAIN).suppressIfgroup(5).priority(740)),
                rule("rule-add-unreachable", true, Rule.builder().from("10.8.0.0/16").action(RuleAction.UNREACHABLE)
                        .priority(750)),
                rule("rule-add-nop", true, Rule.builder().from("10.9.0.0/16").action(RuleAction.NOP).priority(760)),
                // a delete sends no action: it matches the rule whatever its action
                rule("rule-del-full", false, Rule.builder().from("10.0.0.0/8").table(100).priority(100)),
                rule("rule-add-ipv6-l3mdev", true, Rule.builder().family(AddressFamily.INET6).l3mdev().priority(1000)),
                rule("rule-add-tos", true, Rule.builder().tos(0x10).table(100).priority(770)),
                rule("rule-add-fwmark-nomask", true, Rule.builder().fwmark(7).table(100).priority(780)),
                rule("rule-add-oif", true, Rule.builder().oif("veth1").table(100).priority(790)),
                rule("rule-add-to-ipv6-goto", true, Rule.builder().to("2001:db8:9::/48").gotoRule(900).priority(800)),
                new Case("rule-show", RouteSchemas.FIB_RULE_HDR_LEN, false, ref -> new Rules.Dump(AddressFamily.INET)));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesIproute2(Case c) {
        RefBytes ref = RefBytes.load(c.fixture());
        NetlinkRequest req = c.request().apply(ref);
        RefBytes.assertSameMessage(ref.message(), RouteRefBytesTest.encode(req, c.ack()), c.headerLength(), ref.command());
        // ip accepts "table" and "lookup" alike; the library writes lookup, as ip rule show does
        assertEquals(ref.command().replace(" table ", " lookup "), req.toString(), "toString");
    }

    @Test
    void badValuesAreRefusedBeforeAnythingIsSent() {
        assertThrows(IllegalArgumentException.class, () -> Nexthop.id(0));
        assertThrows(IllegalArgumentException.class, () -> Nexthop.id(1).member(0, 1));
        assertThrows(IllegalArgumentException.class, () -> Nexthop.id(1).member(2, 257));
        assertThrows(IllegalArgumentException.class, () -> Nexthop.id(1).member(2, 1).via("10.0.0.1").build());
        assertThrows(IllegalArgumentException.class, () -> Nexthop.id(1).blackhole().via("10.0.0.1").build());
        assertThrows(IllegalArgumentException.class, () -> Nexthop.id(1).family(AddressFamily.INET6).via("10.0.0.1").build());
        assertThrows(IllegalArgumentException.class, () -> new Nexthops.Request(Nexthops.Verb.ADD,
                Nexthop.id(1).dev("veth0").build()));
        assertThrows(IllegalArgumentException.class, () -> Rule.builder().l3mdev().table(100).build());
        assertThrows(IllegalArgumentException.class, () -> Rule.builder().action(RuleAction.GOTO).build());
        assertThrows(IllegalArgumentException.class, () -> Rule.builder().table(0));
        assertThrows(IllegalArgumentException.class, () -> Rule.builder().suppressPrefixLength(129));
        assertThrows(IllegalArgumentException.class, () -> Rule.builder().from("10.0.0.0/8").to("2001:db8::/32").build());
        assertThrows(IllegalArgumentException.class, () -> Rule.builder().iif("a/b"));
    }
}
