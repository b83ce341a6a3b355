package io.github.netlink4j.benchmarks;

import io.github.netlink4j.core.wire.MessageReader;
import io.github.netlink4j.core.wire.MessageWriter;
import io.github.netlink4j.core.wire.Nlmsg;
import io.github.netlink4j.rtnl.Route;
import io.github.netlink4j.rtnl.Routes;
import io.github.netlink4j.tunnel.IpEncap;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Decoding the messages of a 100,000-route dump into {@link Route} records, as
 * {@code Routes.list} does: the datagrams (32 KiB, as the kernel fills them) hold the bytes the
 * kernel sends for table 100 of scripts/bench, laid out as it lays them out:
 *
 * <pre>
 * plain  rtmsg { AF_INET, /32, table 100, boot, link, unicast }  RTA_TABLE RTA_DST RTA_OIF
 * encap  rtmsg { AF_INET, /32, table 100, boot, universe, unicast }  RTA_TABLE RTA_DST RTA_NH_ID
 *        RTA_OIF RTA_ENCAP { LWTUNNEL_IP_ID DST SRC TTL TOS FLAGS } RTA_ENCAP_TYPE
 *        (what nexthop_compat_mode reports of the nexthop object)
 * </pre>
 *
 * Scores are per route (ns/op; B/op with {@code -prof gc}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DumpDecodeBenchmarks {
    static final int ROUTES = 100_000;
    private static final int DATAGRAM = 32 * 1024;

    @Param({"plain", "encap"})
    public String kind;

    private final List<ByteBuffer> datagrams = new ArrayList<>();

    @Setup
    public void setup() {
        MessageWriter w = new MessageWriter(DATAGRAM + 1024);
        for (int i = 1; i <= ROUTES; i++) {
            int start = w.position();
            writeRoute(w, i, kind.equals("encap"));
            if (w.position() > DATAGRAM) {
                w.truncate(start);
                flush(w);
                writeRoute(w, i, kind.equals("encap"));
            }
        }
        flush(w);
    }

    private void flush(MessageWriter w) {
        ByteBuffer b = ByteBuffer.allocateDirect(w.position()).order(w.buffer().order());
        b.put(w.slice(0)).flip();
        datagrams.add(b);
        w.clear();
    }

    private static void writeRoute(MessageWriter w, int i, boolean encap) {
        int s = w.beginMessage(24 /* RTM_NEWROUTE */, Nlmsg.NLM_F_MULTI);
        w.setSeq(s, 1);
        // struct rtmsg
        w.putU8(2).putU8(32).putU8(0).putU8(0).putU8(100).putU8(3).putU8(encap ? 0 : 253).putU8(1).putU32(0);
        w.putU16(8).putU16(15).putU32(100);                                  // RTA_TABLE
        int a = (encap ? 0x0b000000 : 0x0a000000) + i;
        w.putU16(8).putU16(1).putU32Be(a);                                    // RTA_DST
        if (encap) {
            int nh = (i - 1) % 1000 + 1;
            w.putU16(8).putU16(30).putU32(nh);                                // RTA_NH_ID
            w.putU16(8).putU16(4).putU32(2);                                  // RTA_OIF
            int e = w.beginNested(22);                                        // RTA_ENCAP
            IpEncap.id(1000 + nh).dst("172.16." + (nh >> 8) + "." + (nh & 255)).src("0.0.0.0").ttl(0).tos(0).key()
                    .build().encode(w);
            w.endNested(e);
            w.putU16(6).putU16(21).putU16(2).align();                         // RTA_ENCAP_TYPE
        } else {
            w.putU16(8).putU16(4).putU32(2);                                  // RTA_OIF
        }
        w.endMessage(s);
    }

    /** Every message of every datagram into a Route. */
    @Benchmark
    @OperationsPerInvocation(ROUTES)
    public void decodeDump(Blackhole bh) {
        for (int d = 0, n = datagrams.size(); d < n; d++) {
            ByteBuffer b = datagrams.get(d);
            MessageReader m = new MessageReader(b.duplicate().order(b.order()));
            while (m.next()) {
                bh.consume(Routes.decode(m));
            }
        }
    }
}
