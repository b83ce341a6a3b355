package io.github.netlink4j.nft;

import io.github.netlink4j.core.wire.ByteString;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Statements in nft's words: verdicts, NAT, flow offload, counter, log, limit, reject. Each writes
 * exactly what nft 1.0.6 writes (registers from NFT_REG_1 up, NAT flags as nft sets them).
 */
public final class Stmt {
    private Stmt() {
    }

    public static Phrase accept() {
        return verdict(Verdict.ACCEPT);
    }

    public static Phrase drop() {
        return verdict(Verdict.DROP);
    }

    /** {@code return}. */
    public static Phrase ret() {
        return verdict(Verdict.RETURN);
    }

    public static Phrase jump(String chain) {
        return verdict(Verdict.jump(chain));
    }

    public static Phrase goTo(String chain) {
        return verdict(Verdict.goTo(chain));
    }

    public static Phrase verdict(Verdict v) {
        return Phrase.of(Immediate.verdict(v));
    }

    /** {@code meta mark set MARK}: the packet's mark, e.g. for a {@code fwmark} rule to pick a routing table. */
    public static Phrase metaMarkSet(int mark) {
        return Phrase.of(Immediate.value(1, Match.hostU32(mark)), new MetaSet(MetaKey.MARK, 1));
    }

    /** {@code counter}. */
    public static Phrase counter() {
        return Phrase.of(new Counter());
    }

    /** {@code flow add @FLOWTABLE}. */
    public static Phrase flowAdd(String flowtable) {
        return Phrase.of(new FlowOffload(flowtable));
    }

    /** {@code log prefix "PREFIX"}. */
    public static Phrase log(String prefix) {
        return Phrase.of(Log.prefix(prefix));
    }

    /** {@code limit rate N/second} (burst 5 packets). */
    public static Phrase limitPerSecond(long rate) {
        return Phrase.of(Limit.perSecond(rate));
    }

    /** {@code reject} as nft writes it in an inet table (ICMPX port unreachable). */
    public static Phrase reject() {
        return Phrase.of(Reject.icmpxPortUnreachable());
    }

    /** {@code reject with tcp reset}. */
    public static Phrase rejectTcpReset() {
        return Phrase.of(new Reject(Reject.NFT_REJECT_TCP_RST, 0));
    }

    /** {@code masquerade}. */
    public static Phrase masquerade() {
        return Phrase.of(new Masquerade());
    }

    /** {@code redirect to :PORT}. */
    public static Phrase redirect(int port) {
        return Phrase.of(Immediate.value(1, Match.be16(Match.checkPort(port))),
                new Redirect(OptionalInt.of(1), OptionalInt.empty(), OptionalInt.of(Nat.NF_NAT_RANGE_PROTO_SPECIFIED)));
    }

    /** {@code dnat to A} ({@code dnat ip to A} in an inet table). */
    public static Phrase dnat(String address) {
        return nat(true, address, null, -1, -1);
    }

    /** {@code dnat to A:P}. */
    public static Phrase dnat(String address, int port) {
        return nat(true, address, null, port, -1);
    }

    /** {@code dnat to A1-A2:P1-P2}; {@code addressMax} may be null and {@code portMin} / {@code portMax} -1. */
    public static Phrase dnat(String addressMin, String addressMax, int portMin, int portMax) {
        return nat(true, addressMin, addressMax, portMin, portMax);
    }

    /** {@code snat to A}. */
    public static Phrase snat(String address) {
        return nat(false, address, null, -1, -1);
    }

    /** {@code snat to A:P}. */
    public static Phrase snat(String address, int port) {
        return nat(false, address, null, port, -1);
    }

    /** {@code snat to A1-A2:P1-P2}; {@code addressMax} may be null and {@code portMin} / {@code portMax} -1. */
    public static Phrase snat(String addressMin, String addressMax, int portMin, int portMax) {
        return nat(false, addressMin, addressMax, portMin, portMax);
    }

    private static Phrase nat(boolean dnat, String addrMin, String addrMax, int portMin, int portMax) {
        byte[] min = Match.addressBytes(addrMin);
        byte[] max = addrMax == null ? null : Match.addressBytes(addrMax);
        if (max != null && max.length != min.length) {
            throw new IllegalArgumentException("NAT range " + addrMin + "-" + addrMax + " mixes IPv4 and IPv6");
        }
        if (portMin < 0 && portMax >= 0) {
            throw new IllegalArgumentException("NAT port range needs its start, got only the end " + portMax);
        }
        List<Expr> e = new ArrayList<>(5);
        int reg = 1;
        e.add(Immediate.value(reg, ByteString.of(min)));
        OptionalInt aMin = OptionalInt.of(reg++);
        OptionalInt aMax = OptionalInt.empty();
        if (max != null) {
            e.add(Immediate.value(reg, ByteString.of(max)));
            aMax = OptionalInt.of(reg++);
        }
        OptionalInt pMin = OptionalInt.empty();
        OptionalInt pMax = OptionalInt.empty();
        OptionalInt flags = OptionalInt.empty();
        if (portMin >= 0) {
            e.add(Immediate.value(reg, Match.be16(Match.checkPort(portMin))));
            pMin = OptionalInt.of(reg++);
            if (portMax >= 0) {
                e.add(Immediate.value(reg, Match.be16(Match.checkPort(portMax))));
                pMax = OptionalInt.of(reg++);
            }
            flags = OptionalInt.of(Nat.NF_NAT_RANGE_PROTO_SPECIFIED);
        }
        e.add(new Nat(dnat, min.length == 4 ? Family.IP : Family.IP6, aMin, aMax, pMin, pMax, flags));
        return new Phrase(e, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
