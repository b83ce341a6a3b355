package io.github.netlink4j.nft;

import io.github.netlink4j.core.wire.ByteString;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a rule's expressions in nft's syntax, as {@code nft list ruleset} prints them: loads and
 * the comparison that consumes them become one match ({@code ip daddr 10.0.0.1}), implicit
 * dependencies are left out as nft leaves them out, statements print by name. What it does not
 * recognise prints in {@code nft --debug=netlink} form.
 */
final class RuleText {
    private RuleText() {
    }

    /** What a register holds: a load (and the mask applied to it), or an immediate value. */
    private record Loaded(Expr source, ByteString mask) {
    }

    static String render(Rule r) {
        List<String> out = new ArrayList<>();
        Map<Integer, Loaded> regs = new HashMap<>();
        Map<Integer, ByteString> values = new HashMap<>();
        int l4 = -1;
        int nfproto = r.family().equals(Family.IP) ? 2 : r.family().equals(Family.IP6) ? 10 : -1;
        List<Expr> e = r.exprs();
        for (int i = 0; i < e.size(); i++) {
            Expr x = e.get(i);
            if (x instanceof Payload p) {
                regs.put(p.dreg(), new Loaded(p, null));
            } else if (x instanceof Meta m) {
                regs.put(m.dreg(), new Loaded(m, null));
            } else if (x instanceof Ct c) {
                regs.put(c.dreg(), new Loaded(c, null));
            } else if (x instanceof Bitwise b) {
                Loaded l = regs.get(b.sreg());
                if (l != null && allZero(b.xor())) {
                    regs.put(b.dreg(), new Loaded(l.source(), b.mask()));
                } else {
                    out.add(b.toString());
                }
            } else if (x instanceof Cmp c) {
                Loaded l = regs.get(c.sreg());
                if (l == null) {
                    out.add(c.toString());
                    continue;
                }
                if (l.source() instanceof Meta m && c.op().equals(CmpOp.EQ) && c.data().size() == 1) {
                    int v = c.data().get(0) & 0xff;
                    Expr next = i + 1 < e.size() ? e.get(i + 1) : null;
                    if (m.key().equals(MetaKey.L4PROTO)) {
                        l4 = v;
                        if (next instanceof Payload p && p.base().equals(PayloadBase.TRANSPORT) && (v == 6 || v == 17)) {
                            continue; // nft's implicit dependency of the tcp/udp match that follows
                        }
                    } else if (m.key().equals(MetaKey.NFPROTO)) {
                        nfproto = v;
                        if (next instanceof Payload p && p.base().equals(PayloadBase.NETWORK)) {
                            continue; // the implicit dependency of the ip/ip6 match that follows
                        }
                    }
                }
                out.add(match(l, c.op(), c.data(), l4, nfproto));
            } else if (x instanceof Range g) {
                Loaded l = regs.get(g.sreg());
                out.add(l == null ? g.toString() : field(l, l4, nfproto) + (g.negated() ? " != " : " ")
                        + value(l, g.from(), nfproto) + "-" + value(l, g.to(), nfproto));
            } else if (x instanceof Lookup k) {
                Loaded l = regs.get(k.sreg());
                String target = "@" + k.set();
                if (k.set().startsWith("__set") && k.setId().isPresent()) {
                    int idx = k.setId().getAsInt() - 1;
                    if (idx >= 0 && idx < r.anonymousSets().size() && l != null) {
                        List<String> els = new ArrayList<>();
                        for (SetElement s : r.anonymousSets().get(idx).elements()) {
                            els.add(value(l, s.key(), nfproto));
                        }
                        target = "{ " + String.join(", ", els) + " }";
                    }
                }
                out.add((l == null ? "reg " + k.sreg() : field(l, l4, nfproto))
                        + ((k.flags().orElse(0) & Lookup.NFT_LOOKUP_F_INV) != 0 ? " != " : " ") + target);
            } else if (x instanceof Immediate m) {
                if (m.verdict().isPresent()) {
                    out.add(m.verdict().get().toString());
                } else {
                    values.put(m.dreg(), m.value().get());
                }
            } else if (x instanceof MetaSet ms) {
                ByteString v = values.get(ms.sreg());
                out.add("meta " + ms.key().keyword() + " set " + (v != null && v.size() == 4
                        ? String.format("0x%08x", hostInt(v)) : "reg " + ms.sreg()));
            } else if (x instanceof Nat n) {
                out.add(nat(n, values, r.family()));
            } else if (x instanceof Masquerade m) {
                out.add("masquerade" + ports(values, m.regProtoMin(), m.regProtoMax(), " to "));
            } else if (x instanceof Redirect d) {
                out.add("redirect" + ports(values, d.regProtoMin(), d.regProtoMax(), " to "));
            } else if (x instanceof FlowOffload f) {
                out.add("flow add @" + f.flowtable());
            } else if (x instanceof Counter c) {
                out.add(c.packets().isPresent() || c.bytes().isPresent()
                    ? "counter packets " + c.packets().orElse(0) + " bytes " + c.bytes().orElse(0) : "counter");
            } else if (x instanceof Log g) {
                StringBuilder sb = new StringBuilder("log");
                g.prefix().ifPresent(p -> sb.append(" prefix \"").append(p).append('"'));
                if (g.group().isPresent()) {
                    sb.append(" group ").append(g.group().getAsInt());
                }
                out.add(sb.toString());
            } else if (x instanceof Limit m) {
                out.add("limit rate " + (m.inverted() ? "over " : "") + m.rate()
                    + (m.bytes() ? " bytes" : "") + "/" + m.unitWord()
                    + (m.burst() != 5 || m.bytes() ? " burst " + m.burst() + (m.bytes() ? " bytes" : " packets") : ""));
            } else if (x instanceof Reject j) {
                out.add(reject(j));
            } else if (x instanceof RawExpr raw) {
                out.add(raw.toString());
            }
        }
        StringBuilder sb = new StringBuilder(String.join(" ", out));
        r.comment().ifPresent(c -> sb.append(sb.length() > 0 ? " " : "").append("comment \"").append(c).append('"'));
        return sb.toString();
    }

    private static String reject(Reject j) {
        if (j.type() == Reject.NFT_REJECT_ICMPX_UNREACH && j.icmpCode() == Reject.NFT_REJECT_ICMPX_PORT_UNREACH) {
            return "reject";
        }
        if (j.type() == Reject.NFT_REJECT_TCP_RST) {
            return "reject with tcp reset";
        }
        return "reject with " + (j.type() == Reject.NFT_REJECT_ICMPX_UNREACH ? "icmpx " : "icmp ") + j.icmpCode();
    }

    private static String nat(Nat n, Map<Integer, ByteString> values, Family tableFamily) {
        StringBuilder sb = new StringBuilder(n.dnat() ? "dnat" : "snat");
        if (tableFamily.equals(Family.INET)) {
            sb.append(' ').append(n.family().keyword());
        }
        if (n.regAddrMin().isEmpty() && n.regProtoMin().isEmpty()) {
            return sb.toString();
        }
        sb.append(" to ");
        if (n.regAddrMin().isPresent()) {
            ByteString min = values.get(n.regAddrMin().getAsInt());
            sb.append(min == null ? "reg " + n.regAddrMin().getAsInt() : address(min));
            if (n.regAddrMax().isPresent() && n.regAddrMax().getAsInt() != n.regAddrMin().getAsInt()) {
                ByteString max = values.get(n.regAddrMax().getAsInt());
                sb.append('-').append(max == null ? "reg " + n.regAddrMax().getAsInt() : address(max));
            }
        }
        sb.append(ports(values, n.regProtoMin(), n.regProtoMax(), ":"));
        return sb.toString();
    }

    private static String ports(Map<Integer, ByteString> values, java.util.OptionalInt min, java.util.OptionalInt max,
                                String lead) {
        if (min.isEmpty()) {
            return "";
        }
        String s = lead + (lead.equals(" to ") ? ":" : "") + port(values.get(min.getAsInt()));
        if (max.isPresent() && max.getAsInt() != min.getAsInt()) {
            s += "-" + port(values.get(max.getAsInt()));
        }
        return s;
    }

    private static String port(ByteString b) {
        if (b == null || b.size() < 2) {
            return "?";
        }
        return String.valueOf(((b.get(0) & 0xff) << 8) | (b.get(1) & 0xff));
    }

    private static String match(Loaded l, CmpOp op, ByteString data, int l4, int nfproto) {
        String f = field(l, l4, nfproto);
        // ct state / ct status: "ct state established,related" is (state & mask) != 0
        if (l.source() instanceof Ct c && l.mask() != null && op.equals(CmpOp.NEQ) && allZero(data)) {
            int mask = hostInt(l.mask());
            return f + " " + (c.key().equals(CtKey.STATE) ? CtState.format(mask) : String.format("0x%x", mask));
        }
        String sym = op.equals(CmpOp.EQ) ? " " : " " + op.symbol() + " ";
        return f + sym + value(l, data, nfproto);
    }

    private static String field(Loaded l, int l4, int nfproto) {
        Expr s = l.source();
        if (s instanceof Meta m) {
            MetaKey k = m.key();
            if (k.equals(MetaKey.IIFNAME) || k.equals(MetaKey.OIFNAME) || k.equals(MetaKey.IIF) || k.equals(MetaKey.OIF)) {
                return k.keyword();
            }
            return "meta " + k.keyword();
        }
        if (s instanceof Ct c) {
            return "ct " + c.key().keyword();
        }
        Payload p = (Payload) s;
        if (p.base().equals(PayloadBase.NETWORK)) {
            boolean v6 = nfproto == 10;
            if (!v6 && (p.offset() == 12 || p.offset() == 16) && p.len() <= 4) {
                return "ip " + (p.offset() == 12 ? "saddr" : "daddr");
            }
            if (v6 && (p.offset() == 8 || p.offset() == 24) && p.len() <= 16) {
                return "ip6 " + (p.offset() == 8 ? "saddr" : "daddr");
            }
            if (!v6 && p.offset() == 9 && p.len() == 1) {
                return "ip protocol";
            }
        }
        if (p.base().equals(PayloadBase.TRANSPORT) && p.len() == 2 && (p.offset() == 0 || p.offset() == 2)) {
            String proto = l4 == 6 ? "tcp" : l4 == 17 ? "udp" : "th";
            return proto + " " + (p.offset() == 0 ? "sport" : "dport");
        }
        String base = p.base().equals(PayloadBase.LL) ? "ll" : p.base().equals(PayloadBase.NETWORK) ? "nh" : "th";
        return "@" + base + "," + (p.offset() * 8) + "," + (p.len() * 8);
    }

    private static String value(Loaded l, ByteString data, int nfproto) {
        Expr s = l.source();
        if (s instanceof Meta m) {
            MetaKey k = m.key();
            if (k.equals(MetaKey.IIFNAME) || k.equals(MetaKey.OIFNAME)) {
                int end = 0;
                while (end < data.size() && data.get(end) != 0) {
                    end++;
                }
                return "\"" + new String(data.toByteArray(), 0, end, StandardCharsets.UTF_8) + "\"";
            }
            if (k.equals(MetaKey.L4PROTO) && data.size() == 1) {
                return switch (data.get(0) & 0xff) {
                    case 1 -> "icmp";
                    case 6 -> "tcp";
                    case 17 -> "udp";
                    case 58 -> "ipv6-icmp";
                    case 132 -> "sctp";
                    default -> String.valueOf(data.get(0) & 0xff);
                };
            }
            if (k.equals(MetaKey.NFPROTO) && data.size() == 1) {
                int v = data.get(0) & 0xff;
                return v == 2 ? "ipv4" : v == 10 ? "ipv6" : String.valueOf(v);
            }
            if (data.size() == 4) {
                return String.format("0x%08x", hostInt(data));
            }
            return Wire.hex(data);
        }
        if (s instanceof Ct c) {
            if (c.key().equals(CtKey.DIRECTION) && data.size() == 1) {
                return data.get(0) == 0 ? "original" : "reply";
            }
            if (data.size() == 4) {
                return String.format("0x%08x", hostInt(data));
            }
            return Wire.hex(data);
        }
        Payload p = (Payload) s;
        if (p.base().equals(PayloadBase.NETWORK) && (p.len() <= 4 && nfproto != 10 && (p.offset() == 12 || p.offset() == 16)
                || p.len() <= 16 && nfproto == 10 && (p.offset() == 8 || p.offset() == 24))) {
            int full = nfproto == 10 ? 16 : 4;
            byte[] a = java.util.Arrays.copyOf(data.toByteArray(), full);
            int prefix = l.mask() != null ? bitCount(l.mask()) : data.size() * 8;
            String addr = address(ByteString.of(a));
            return prefix == full * 8 ? addr : addr + "/" + prefix;
        }
        if (p.base().equals(PayloadBase.TRANSPORT) && p.len() == 2 && data.size() == 2) {
            return port(data);
        }
        return Wire.hex(data);
    }

    private static String address(ByteString b) {
        try {
            String s = InetAddress.getByAddress(b.toByteArray()).getHostAddress();
            return b.size() == 16 ? s.replaceAll("(^|:)0(:0)+(:|$)", "::").replaceFirst(":::", "::") : s;
        } catch (UnknownHostException e) {
            return Wire.hex(b);
        }
    }

    private static boolean allZero(ByteString b) {
        for (int i = 0; i < b.size(); i++) {
            if (b.get(i) != 0) {
                return false;
            }
        }
        return true;
    }

    private static int bitCount(ByteString b) {
        int n = 0;
        for (int i = 0; i < b.size(); i++) {
            n += Integer.bitCount(b.get(i) & 0xff);
        }
        return n;
    }

    private static int hostInt(ByteString b) {
        if (b.size() != 4) {
            return 0;
        }
        return ByteBuffer.wrap(b.toByteArray()).order(ByteOrder.nativeOrder()).getInt();
    }
}
