package io.github.netlink4j.core;

import io.github.netlink4j.core.wire.Attr;
import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.Codecs;
import io.github.netlink4j.core.wire.MessageReader;
import io.github.netlink4j.core.wire.MessageWriter;
import io.github.netlink4j.core.wire.Nlmsg;
import io.github.netlink4j.testkit.KernelTest;
import io.github.netlink4j.testkit.Oracle;
import io.github.netlink4j.testkit.TempNetns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The request engine against the real kernel, in a throwaway namespace. */
@KernelTest
class NetlinkChannelKernelTest {
    @RegisterExtension
    final TempNetns ns = new TempNetns();

    // include/uapi/linux/rtnetlink.h, if_link.h, lwtunnel.h: just what these tests send.
    static final int RTM_NEWLINK = 16;
    static final int RTM_GETLINK = 18;
    static final int RTM_NEWROUTE = 24;
    static final Attr<String> IFLA_IFNAME = Attr.of(3, "IFLA_IFNAME", Codecs.STRING);
    static final Attr<Integer> IFLA_MTU = Attr.of(4, "IFLA_MTU", Codecs.U32);
    static final AttrSchema IFLA = AttrSchema.of("ifinfomsg", "IFLA_", IFLA_IFNAME, IFLA_MTU);
    static final Attr<Long> LWTUNNEL_IP_ID = Attr.of(1, "LWTUNNEL_IP_ID", Codecs.U64_BE);
    static final Attr<io.github.netlink4j.core.wire.ByteString> LWTUNNEL_IP_DST =
            Attr.of(2, "LWTUNNEL_IP_DST", Codecs.BYTES);
    static final AttrSchema LWTUNNEL_IP = AttrSchema.of("lwtunnel_ip", "LWTUNNEL_IP_", LWTUNNEL_IP_ID, LWTUNNEL_IP_DST);
    static final Attr<InetAddress> RTA_DST = Attr.of(1, "RTA_DST", Codecs.INET4);
    static final Attr<Integer> RTA_OIF = Attr.of(4, "RTA_OIF", Codecs.U32);
    static final Attr<Void> RTA_ENCAP = Attr.nested(22, "RTA_ENCAP", () -> LWTUNNEL_IP);
    static final Attr<Integer> RTA_ENCAP_TYPE = Attr.of(21, "RTA_ENCAP_TYPE", Codecs.U16);
    static final AttrSchema RTA = AttrSchema.of("rtmsg", "RTA_", RTA_DST, RTA_OIF, RTA_ENCAP, RTA_ENCAP_TYPE);

    /** A request built from a lambda, for tests. */
    public record Req(int type, int flags, int headerLength, AttrSchema schema, java.util.function.Consumer<MessageWriter> body,
               String text) implements NetlinkRequest {
        @Override
        public void encode(MessageWriter w) {
            body.accept(w);
        }

        @Override
        public String operation() {
            return switch (type) {
                case RTM_NEWLINK -> "RTM_NEWLINK";
                case RTM_GETLINK -> "RTM_GETLINK";
                case RTM_NEWROUTE -> "RTM_NEWROUTE";
                default -> "type " + type;
            };
        }

        @Override
        public String toString() {
            return text;
        }
    }

    public static void ifinfomsg(MessageWriter w, int index) {
        // struct ifinfomsg { u8 family; u8 pad; u16 type; s32 index; u32 flags; u32 change; }
        w.putU8(0).putU8(0).putU16(0).putU32(index).putU32(0).putU32(0);
    }

    static Req getLinks() {
        return new Req(RTM_GETLINK, Nlmsg.NLM_F_DUMP, 16, IFLA, w -> ifinfomsg(w, 0), "ip link show");
    }

    static List<String> names(MessageReader m, List<String> into) {
        var r = m.attributes(16, IFLA);
        while (r.next()) {
            if (r.type() == IFLA_IFNAME.type()) {
                into.add(r.get(IFLA_IFNAME));
            }
        }
        return into;
    }

    @Test
    void dumpOfAFreshNamespaceReturnsLoopbackOnly() {
        try (NetlinkChannel ch = NetlinkChannel.open(NetlinkProtocol.ROUTE, ns.handle())) {
            // A fresh namespace has lo, plus the fallback devices of loaded tunnel modules
            // (gre0, tunl0...): the oracle is ip's listing of the same namespace.
            List<String> expected = Oracle.linkNames(ns.name());
            assertEquals("lo", expected.get(0));
            List<String> found = new ArrayList<>();
            ch.dump(getLinks(), m -> names(m, found));
            assertEquals(expected, found);
            List<String> again = ch.dumpAll(getLinks(), m -> names(m, new ArrayList<>()).get(0));
            assertEquals(expected, again);
        }
    }

    @Test
    void refusalCarriesErrnoExtackAndTheAttributePath() {
        try (NetlinkChannel ch = NetlinkChannel.open(NetlinkProtocol.ROUTE, ns.handle())) {
            // LWTUNNEL_IP_DST must be a u32: a 3-byte payload fails the kernel's policy, and the
            // extended ACK points inside RTA_ENCAP.
            AttrSchema schema = RTA;
            Req bad = new Req(RTM_NEWROUTE, Nlmsg.NLM_F_CREATE | Nlmsg.NLM_F_REPLACE, 12, schema, w -> {
                // struct rtmsg { family, dst_len, src_len, tos, table, protocol, scope, type; u32 flags }
                w.putU8(2).putU8(32).putU8(0).putU8(0).putU8(254).putU8(3).putU8(253).putU8(1).putU32(0);
                w.put(RTA_DST, addr("2.2.2.11"));
                w.put(RTA_OIF, 1);
                w.put(RTA_ENCAP_TYPE, 2);
                int e = w.beginNested(RTA_ENCAP);
                w.put(LWTUNNEL_IP_ID, 1000L);
                w.put(LWTUNNEL_IP_DST, io.github.netlink4j.core.wire.ByteString.of((byte) 172, (byte) 168, (byte) 0));
                w.endNested(e);
            }, "ip route replace 2.2.2.11 dev lo encap ip id 1000 dst <3 bytes>");
            KernelException ex = assertThrows(KernelException.class, () -> ch.execute(bad));
            assertEquals("RTM_NEWROUTE", ex.operation());
            assertTrue(ex.extackMessage().isPresent(), ex.getMessage());
            assertEquals("RTA_ENCAP > LWTUNNEL_IP_DST", ex.attributePath().orElse(""), ex.getMessage());
            assertTrue(ex.getMessage().contains("ip route replace 2.2.2.11"), ex.getMessage());
            assertTrue(ex.errno().equals(Errno.EINVAL) || ex.errno().equals(Errno.ERANGE), ex.getMessage());
        }
    }

    @Test
    void refusalOfATooLongNameNamesIflaIfname() {
        try (NetlinkChannel ch = NetlinkChannel.open(NetlinkProtocol.ROUTE, ns.handle())) {
            Req bad = new Req(RTM_NEWLINK, Nlmsg.NLM_F_CREATE | Nlmsg.NLM_F_EXCL, 16, IFLA, w -> {
                ifinfomsg(w, 0);
                w.put(IFLA_IFNAME, "a-name-far-longer-than-sixteen-bytes");
            }, "ip link add a-name-far-longer-than-sixteen-bytes");
            KernelException ex = assertThrows(KernelException.class, () -> ch.execute(bad));
            assertEquals("IFLA_IFNAME", ex.attributePath().orElse(""), ex.getMessage());
        }
    }

    @Test
    void pipelineAttributesEachFailureToItsRequest() {
        try (NetlinkChannel ch = NetlinkChannel.open(NetlinkProtocol.ROUTE, ns.handle())) {
            List<Req> reqs = new ArrayList<>();
            for (int i = 0; i < 3000; i++) {
                boolean bad = i % 1000 == 7; // no device 9999: ENODEV
                int mtu = 1280 + (i % 100);
                reqs.add(new Req(RTM_NEWLINK, 0, 16, IFLA, w -> {
                    ifinfomsg(w, bad ? 9999 : 1);
                    w.put(IFLA_MTU, mtu);
                }, "ip link set dev " + (bad ? "if9999" : "lo") + " mtu " + mtu));
            }
            for (PipelineOptions o : List.of(PipelineOptions.ackEach(), PipelineOptions.errorsOnly(),
                    PipelineOptions.errorsOnly().withMaxBytes(4096))) {
                PipelineResult r = ch.pipeline(reqs, o);
                assertEquals(3000, r.sent());
                assertEquals(List.of(7, 1007, 2007),
                        r.failures().stream().map(PipelineResult.Failure::index).toList(), o.toString());
                for (PipelineResult.Failure f : r.failures()) {
                    assertTrue(f.error() instanceof KernelException, f.error().toString());
                    assertEquals(Errno.ENODEV, ((KernelException) f.error()).errno());
                    assertTrue(f.error().getMessage().contains("if9999"), f.error().getMessage());
                }
                assertFalse(r.ok());
                assertThrows(PipelineException.class, r::throwIfFailed);
            }
        }
    }

    @Test
    void longPipelineEncodedAheadNamesTheAttributeAndStopsAtAnUnencodableRequest() {
        try (NetlinkChannel ch = NetlinkChannel.open(NetlinkProtocol.ROUTE, ns.handle())) {
            int n = NetlinkChannel.ENCODE_AHEAD_MIN_REQUESTS * 2;
            List<NetlinkRequest> reqs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int mtu = 1280 + (i % 100);
                reqs.add(i == n - 5 ? badEncapRoute() : new Req(RTM_NEWLINK, 0, 16, IFLA, w -> {
                    ifinfomsg(w, 1);
                    w.put(IFLA_MTU, mtu);
                }, "ip link set dev lo mtu " + mtu));
            }
            // many small datagrams: the refusal is answered while later ones are being encoded
            PipelineResult r = ch.pipeline(reqs, PipelineOptions.errorsOnly().withMaxBytes(4096));
            assertEquals(List.of(n - 5), r.failures().stream().map(PipelineResult.Failure::index).toList());
            KernelException ex = (KernelException) r.failures().get(0).error();
            assertEquals("RTA_ENCAP > LWTUNNEL_IP_DST", ex.attributePath().orElse(""), ex.getMessage());

            // a request that cannot be encoded: what came before it in earlier datagrams is sent,
            // its own datagram is not, and the exception reaches the caller
            List<NetlinkRequest> broken = new ArrayList<>(reqs.subList(0, n - 5));
            broken.set(n / 2, new Req(RTM_NEWLINK, 0, 16, IFLA, w -> {
                throw new IllegalArgumentException("cannot encode this one");
            }, "broken"));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ch.pipeline(broken, PipelineOptions.errorsOnly().withMaxBytes(4096)));
            assertEquals("cannot encode this one", e.getMessage());
            // the channel is usable afterwards
            assertTrue(ch.pipeline(reqs.subList(0, n - 5), PipelineOptions.errorsOnly()).ok());
            assertEquals(List.of("lo"), Oracle.linkNames(ns.name()).subList(0, 1));
        }
    }

    static Req badEncapRoute() {
        return new Req(RTM_NEWROUTE, Nlmsg.NLM_F_CREATE | Nlmsg.NLM_F_REPLACE, 12, RTA, w -> {
            w.putU8(2).putU8(32).putU8(0).putU8(0).putU8(254).putU8(3).putU8(253).putU8(1).putU32(0);
            w.put(RTA_DST, addr("2.2.2.11"));
            w.put(RTA_OIF, 1);
            w.put(RTA_ENCAP_TYPE, 2);
            int e = w.beginNested(RTA_ENCAP);
            w.put(LWTUNNEL_IP_ID, 1000L);
            w.put(LWTUNNEL_IP_DST, io.github.netlink4j.core.wire.ByteString.of((byte) 172, (byte) 168, (byte) 0));
            w.endNested(e);
        }, "ip route replace 2.2.2.11 dev lo encap ip id 1000 dst <3 bytes>");
    }

    @Test
    void eightThreadsSharingAChannelEachGetTheirOwnReplies() throws Exception {
        List<String> expected = Oracle.linkNames(ns.name());
        try (NetlinkChannel ch = NetlinkChannel.open(NetlinkProtocol.ROUTE, ns.handle())) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<Integer>> results = new ArrayList<>();
            List<String> errors = Collections.synchronizedList(new ArrayList<>());
            for (int t = 0; t < 8; t++) {
                final int thread = t;
                results.add(pool.submit(() -> {
                    int ok = 0;
                    for (int i = 0; i < 200; i++) {
                        if ((i + thread) % 2 == 0) {
                            List<String> n = new ArrayList<>();
                            ch.dump(getLinks(), m -> names(m, n));
                            if (n.equals(expected)) {
                                ok++;
                            } else {
                                errors.add("thread " + thread + " got " + n);
                            }
                        } else {
                            int mtu = 1000 + thread * 10 + (i % 7);
                            boolean bad = i % 5 == 0;
                            Req r = new Req(RTM_NEWLINK, 0, 16, IFLA, w -> {
                                ifinfomsg(w, bad ? 9999 : 1);
                                w.put(IFLA_MTU, mtu);
                            }, "ip link set dev " + (bad ? "if9999" : "lo") + " mtu " + mtu + " #" + thread);
                            try {
                                ch.execute(r);
                                if (bad) {
                                    errors.add("thread " + thread + ": bad request acked");
                                } else {
                                    ok++;
                                }
                            } catch (KernelException e) {
                                if (bad && e.request().endsWith("#" + thread)) {
                                    ok++;
                                } else {
                                    errors.add("thread " + thread + ": " + e.getMessage());
                                }
                            }
                        }
                    }
                    return ok;
                }));
            }
            int total = 0;
            for (Future<Integer> f : results) {
                total += f.get();
            }
            pool.shutdown();
            assertEquals(List.of(), errors);
            assertEquals(8 * 200, total);
        }
    }

    private static InetAddress addr(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
