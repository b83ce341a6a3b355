package io.github.netlink4j.benchmarks;

import io.github.netlink4j.core.NetlinkRequest;
import io.github.netlink4j.core.wire.MessageReader;
import io.github.netlink4j.core.wire.MessageWriter;
import io.github.netlink4j.core.wire.Nlmsg;
import io.github.netlink4j.rtnl.Link;
import io.github.netlink4j.rtnl.Route;
import io.github.netlink4j.rtnl.RouteRequest;
import io.github.netlink4j.rtnl.RouteVerb;
import io.github.netlink4j.rtnl.Routes;
import io.github.netlink4j.rtnl.Rtnetlink;
import io.github.netlink4j.tunnel.IpEncap;
import io.github.netlink4j.tunnel.Vxlan;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/**
 * Encoding requests and decoding route messages, per message, into a reused buffer as the channel
 * does: run with JMH's runner and {@code -prof gc} to see ns/op and bytes allocated per op
 * (scripts/jmh runs it so and prints both).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CodecBenchmarks {
    private final MessageWriter writer = new MessageWriter(64 * 1024);
    private RouteRequest encapRoute;
    private RouteRequest nhidRoute;
    private NetlinkRequest linkAdd;
    private ByteBuffer dump;

    @Setup
    public void setup() {
        // Links.addRequest makes the request without sending anything; the handle needs a socket
        try (Rtnetlink rt = Rtnetlink.open()) {
            // ip link add vx0 type vxlan external dstport 4789 && ip link set vx0 up
            linkAdd = rt.links().addRequest(Link.builder("vx0").kind(Vxlan.builder().external().dstport(4789).build())
                    .up().build());
        }
        encapRoute = new RouteRequest(RouteVerb.REPLACE, Route.to("2.2.2.11").via("1.1.1.11").oif(3)
                .encap(IpEncap.id(1000).dst("172.168.0.1").key().build()).build());
        nhidRoute = new RouteRequest(RouteVerb.ADD, Route.to("10.1.2.3").nhid(7).table(100).build());
        // 256 route messages as a dump datagram would carry them
        MessageWriter w = new MessageWriter(64 * 1024);
        for (int i = 0; i < 256; i++) {
            RouteRequest r = new RouteRequest(RouteVerb.ADD, Route.to("10.0." + (i / 250) + "." + (i % 250))
                    .via("10.255.0.1").oif(3).table(100).build());
            int s = w.beginMessage(24, Nlmsg.NLM_F_MULTI);
            r.encode(w);
            w.endMessage(s);
        }
        dump = w.slice(0);
    }

    private int encode(RouteRequest r) {
        writer.clear();
        int s = writer.beginMessage(r.type(), Nlmsg.NLM_F_REQUEST | Nlmsg.NLM_F_ACK | r.flags());
        r.encode(writer);
        writer.endMessage(s);
        return writer.position();
    }

    /** One /32 route with encap ip id/dst/key into a reused buffer. */
    @Benchmark
    public int encodeEncapRoute() {
        return encode(encapRoute);
    }

    /** One route pointing at a nexthop object. */
    @Benchmark
    public int encodeNhidRoute() {
        return encode(nhidRoute);
    }

    /** A link add: {@code ip link add vx0 type vxlan external dstport 4789 up}. */
    @Benchmark
    public int encodeLinkAdd() {
        writer.clear();
        int s = writer.beginMessage(linkAdd.type(), Nlmsg.NLM_F_REQUEST | Nlmsg.NLM_F_ACK | linkAdd.flags());
        linkAdd.encode(writer);
        writer.endMessage(s);
        return writer.position();
    }

    // The nft rule with DNAT is io.github.netlink4j.nft.NftEncodeBenchmarks (in the library's
    // package, to reach the request a transaction queues).

    /** Decoding 256 route messages of a dump datagram into records (divide by 256 per route). */
    @Benchmark
    public void decode256Routes(Blackhole bh) {
        MessageReader m = new MessageReader(dump.duplicate().order(dump.order()));
        while (m.next()) {
            bh.consume(Routes.decode(m));
        }
    }
}
