package io.github.netlink4j.benchmarks;

import io.github.netlink4j.core.wire.MessageWriter;
import io.github.netlink4j.core.wire.Nlmsg;
import io.github.netlink4j.rtnl.InetPrefix;
import io.github.netlink4j.rtnl.Inet;
import io.github.netlink4j.rtnl.Route;
import io.github.netlink4j.rtnl.RouteRequest;
import io.github.netlink4j.rtnl.RouteVerb;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The library's own share of a bulk install, without the kernel: what {@code Routes.apply} does
 * for each of 100,000 plain /32 routes before sendmsg (one request per route, encoded with its
 * header and sequence number into 128 KiB datagrams). Per route; compare with the kernel's
 * time per route in scripts/bench.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BulkEncodeBenchmarks {
    static final int ROUTES = 100_000;
    private final MessageWriter writer = new MessageWriter(256 * 1024);
    private final List<Route> routes = new ArrayList<>();

    @Setup
    public void setup() {
        for (int i = 1; i <= ROUTES; i++) {
            int a = 0x0a000000 + i;
            routes.add(Route.to(InetPrefix.host(Inet.of(new byte[]{(byte) (a >>> 24), (byte) (a >>> 16), (byte) (a >>> 8), (byte) a})))
                    .oif(2).table(100).build());
        }
    }

    @Benchmark
    @OperationsPerInvocation(ROUTES)
    public int requestsAndEncode() {
        List<RouteRequest> reqs = new ArrayList<>(routes.size());
        for (int i = 0, n = routes.size(); i < n; i++) {
            reqs.add(new RouteRequest(RouteVerb.ADD, routes.get(i)));
        }
        writer.clear();
        int seq = 1;
        for (int i = 0, n = reqs.size(); i < n; i++) {
            RouteRequest r = reqs.get(i);
            int s = writer.beginMessage(r.type(), Nlmsg.NLM_F_REQUEST | r.flags());
            writer.setSeq(s, seq++);
            r.encode(writer);
            writer.endMessage(s);
            if (writer.position() > 128 * 1024) {
                writer.clear();
            }
        }
        return writer.position();
    }
}
