package io.github.netlink4j.nft;

import io.github.netlink4j.core.NetlinkRequest;
import io.github.netlink4j.core.wire.MessageWriter;
import io.github.netlink4j.core.wire.Nlmsg;
import io.github.netlink4j.nft.internal.NftRequest;
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

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Encoding an nftables rule with DNAT ({@code ip daddr 203.0.113.7 tcp dport 80 dnat to 10.0.0.7:8080}),
 * per message, into a reused buffer, exactly as {@link Transaction#commit} encodes it: the request is
 * the one the transaction queued for the rule. (This class lives in the library's package only to
 * reach that queued request, which the public API does not hand out.) Run with {@code -prof gc} for
 * bytes allocated per op: scripts/jmh.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NftEncodeBenchmarks {
    private final MessageWriter writer = new MessageWriter(64 * 1024);
    private final Table nat = Table.of(Family.IP, "nat");
    private Rule rule;
    private NetlinkRequest ruleRequest;

    @Setup
    public void setup() {
        rule = Rule.builder(nat, "pre").match(Match.ipDaddr("203.0.113.7")).match(Match.tcpDport(80))
                .then(Stmt.dnat("10.0.0.7", 8080)).build();
        // the transaction never sends anything here: it only queues requests until commit
        List<NftRequest> reqs = new Transaction(null).addRule(rule).requests();
        ruleRequest = reqs.get(1); // [batch begin, the rule, batch end]
        if (!ruleRequest.toString().startsWith("nft add rule ip nat pre ip daddr 203.0.113.7 tcp dport 80 dnat")) {
            throw new IllegalStateException("not the DNAT rule: " + ruleRequest);
        }
    }

    /** One NFT_MSG_NEWRULE with its nfgenmsg header and expressions into a reused buffer. */
    @Benchmark
    public int encodeDnatRule() {
        writer.clear();
        int s = writer.beginMessage(ruleRequest.type(), Nlmsg.NLM_F_REQUEST | ruleRequest.flags());
        ruleRequest.encode(writer);
        writer.endMessage(s);
        return writer.position();
    }
}
