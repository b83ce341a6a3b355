package io.github.netlink4j.nft;

import io.github.netlink4j.core.MalformedMessageException;
import io.github.netlink4j.core.wire.AttrReader;
import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.ByteString;
import io.github.netlink4j.core.wire.MessageReader;
import io.github.netlink4j.core.wire.MessageWriter;
import io.github.netlink4j.core.wire.Nlmsg;
import io.github.netlink4j.nft.internal.Nf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Encoders and decoders of tables, chains, rules, sets, elements and flowtables. Attribute order
 * follows what nft 1.0.6 sends (checked against reference bytes).
 */
final class NftCodec {
    private NftCodec() {
    }

    /** The expression decoders, keyed by NFTA_EXPR_NAME; a decoder returns null for a form it does not model. */
    private static final Map<String, Function<AttrReader, Expr>> EXPRS = new HashMap<>();

    static {
        EXPRS.put("payload", r -> Payload.decode(r.nested(Payload.SCHEMA)));
        EXPRS.put("meta", r -> {
            Expr load = Meta.decode(r.nested(Meta.SCHEMA));
            return load != null ? load : MetaSet.decode(r.nested(Meta.SCHEMA));
        });
        EXPRS.put("cmp", r -> Cmp.decode(r.nested(Cmp.SCHEMA)));
        EXPRS.put("bitwise", r -> Bitwise.decode(r.nested(Bitwise.SCHEMA)));
        EXPRS.put("range", r -> Range.decode(r.nested(Range.SCHEMA)));
        EXPRS.put("immediate", r -> Immediate.decode(r.nested(Immediate.SCHEMA)));
        EXPRS.put("ct", r -> Ct.decode(r.nested(Ct.SCHEMA)));
        EXPRS.put("nat", r -> Nat.decode(r.nested(Nat.SCHEMA)));
        EXPRS.put("masq", r -> Masquerade.decode(r.nested(Masquerade.SCHEMA)));
        EXPRS.put("redir", r -> Redirect.decode(r.nested(Redirect.SCHEMA)));
        EXPRS.put("flow_offload", r -> FlowOffload.decode(r.nested(FlowOffload.SCHEMA)));
        EXPRS.put("counter", r -> Counter.decode(r.nested(Counter.SCHEMA)));
        EXPRS.put("lookup", r -> Lookup.decode(r.nested(Lookup.SCHEMA)));
        EXPRS.put("log", r -> Log.decode(r.nested(Log.SCHEMA)));
        EXPRS.put("limit", r -> Limit.decode(r.nested(Limit.SCHEMA)));
        EXPRS.put("reject", r -> Reject.decode(r.nested(Reject.SCHEMA)));
    }

    // --- tables ------------------------------------------------------------------------------

    /**
     * <pre>
     * NFTA_TABLE_NAME   string
     * NFTA_TABLE_FLAGS  be32    (add only; nft always sends it)
     * </pre>
     */
    static void table(MessageWriter w, Table t, boolean add) {
        w.put(Nf.NFTA_TABLE_NAME, t.name());
        if (add) {
            w.putU32Attr(Nf.NFTA_TABLE_FLAGS, t.flags());
        }
    }

    static Table decodeTable(MessageReader m) {
        Family f = family(m);
        AttrReader r = m.attributes(Nf.NFGENMSG_LEN, Nf.TABLE);
        String name = null;
        int flags = 0;
        OptionalLong handle = OptionalLong.empty();
        while (r.next()) {
            switch (r.type()) {
                case 1 -> name = r.string();
                case 2 -> flags = r.u32Be();
                case 4 -> handle = OptionalLong.of(r.u64Be());
                default -> {
                }
            }
        }
        require(m, name, "NFTA_TABLE_NAME");
        return new Table(f, name, flags & 0x3, handle);
    }

    // --- chains ------------------------------------------------------------------------------

    /**
     * <pre>
     * NFTA_CHAIN_TABLE    string
     * NFTA_CHAIN_HANDLE   be64     (delete by handle)
     * NFTA_CHAIN_NAME     string
     * NFTA_CHAIN_TYPE     string   (base chains)
     * NFTA_CHAIN_POLICY   be32     (when given)
     * NFTA_CHAIN_HOOK     (nested)
     *   NFTA_HOOK_HOOKNUM   be32
     *   NFTA_HOOK_PRIORITY  be32 (signed)
     *   NFTA_HOOK_DEV       string        (one device)
     *   NFTA_HOOK_DEVS      (nested)      (several)
     *     NFTA_DEVICE_NAME  string ...
     * </pre>
     */
    static void chain(MessageWriter w, Chain c, boolean add) {
        w.put(Nf.NFTA_CHAIN_TABLE, c.table());
        w.put(Nf.NFTA_CHAIN_NAME, c.name());
        if (!add || c.base().isEmpty()) {
            return;
        }
        BaseChain b = c.base().get();
        w.put(Nf.NFTA_CHAIN_TYPE, b.type().name());
        if (b.policy().isPresent()) {
            w.putU32Attr(Nf.NFTA_CHAIN_POLICY, b.policy().get().code());
        }
        int hook = w.beginNested(Nf.NFTA_CHAIN_HOOK);
        w.putU32Attr(Nf.NFTA_HOOK_HOOKNUM, b.hook().number());
        w.putU32Attr(Nf.NFTA_HOOK_PRIORITY, b.priority());
        if (b.devices().size() == 1) {
            w.put(Nf.NFTA_HOOK_DEV, b.devices().get(0));
        } else if (!b.devices().isEmpty()) {
            int devs = w.beginNested(Nf.NFTA_HOOK_DEVS);
            for (String d : b.devices()) {
                w.put(Nf.NFTA_DEVICE_NAME, d);
            }
            w.endNested(devs);
        }
        w.endNested(hook);
    }

    static Chain decodeChain(MessageReader m) {
        Family f = family(m);
        AttrReader r = m.attributes(Nf.NFGENMSG_LEN, Nf.CHAIN);
        String table = null, name = null, type = null;
        OptionalLong handle = OptionalLong.empty();
        Integer policy = null, hookNum = null, prio = null;
        List<String> devices = new ArrayList<>();
        String dev = null;
        while (r.next()) {
            switch (r.type()) {
                case 1 -> table = r.string();
                case 2 -> handle = OptionalLong.of(r.u64Be());
                case 3 -> name = r.string();
                case 5 -> policy = r.u32Be();
                case 7 -> type = r.string();
                case 4 -> {
                    AttrReader h = r.nested(Nf.HOOK);
                    while (h.next()) {
                        switch (h.type()) {
                            case 1 -> hookNum = h.u32Be();
                            case 2 -> prio = h.u32Be();
                            case 3 -> dev = h.string();
                            case 4 -> {
                                AttrReader d = h.nested(Nf.DEVICES);
                                while (d.next()) {
                                    if (d.type() == 1) {
                                        devices.add(d.string());
                                    }
                                }
                            }
                            default -> {
                            }
                        }
                    }
                }
                default -> {
                }
            }
        }
        require(m, table, "NFTA_CHAIN_TABLE");
        require(m, name, "NFTA_CHAIN_NAME");
        if (devices.isEmpty() && dev != null) {
            devices.add(dev); // kernels that dump NFTA_HOOK_DEVS repeat a single device as NFTA_HOOK_DEV
        }
        Optional<BaseChain> base = Optional.empty();
        if (hookNum != null && prio != null && type != null) {
            base = Optional.of(new BaseChain(ChainType.of(type), Hook.of(f, hookNum), prio,
                    policy == null || (policy != 0 && policy != 1) ? Optional.empty() : Optional.of(Verdict.of(policy, null)),
                    devices.stream().filter(d -> !d.isEmpty() && d.length() <= 15).toList()));
        }
        return new Chain(f, table, name, base, handle);
    }

    // --- rules -------------------------------------------------------------------------------

    /**
     * <pre>
     * NFTA_RULE_TABLE        string
     * NFTA_RULE_CHAIN        string
     * NFTA_RULE_HANDLE       be64     (replace, delete)
     * NFTA_RULE_EXPRESSIONS  (nested)
     *   NFTA_LIST_ELEM  (nested) ...  (see Expr)
     * NFTA_RULE_POSITION     be64     (insert before / add after)
     * NFTA_RULE_USERDATA     bytes    (comment TLV)
     * </pre>
     *
     * @param setIds the transaction's NFTA_SET_ID of the rule's anonymous sets, by index
     */
    static void rule(MessageWriter w, Rule r, boolean withHandle, boolean withBody, int[] setIds) {
        w.put(Nf.NFTA_RULE_TABLE, r.table());
        w.put(Nf.NFTA_RULE_CHAIN, r.chain());
        if (withHandle) {
            w.put(Nf.NFTA_RULE_HANDLE, r.handle().orElseThrow());
        }
        if (!withBody) {
            return;
        }
        int list = w.beginNested(Nf.NFTA_RULE_EXPRESSIONS);
        for (Expr e : r.exprs()) {
            int el = w.beginNested(Nf.NFTA_LIST_ELEM);
            w.put(Nf.NFTA_EXPR_NAME, e.kind());
            int data = w.beginNested(Nf.NFTA_EXPR_DATA);
            if (setIds.length > 0 && e instanceof Lookup l && l.setId().isPresent()
                    && l.setId().getAsInt() >= 1 && l.setId().getAsInt() <= setIds.length) {
                new Lookup(l.set(), l.sreg(), OptionalInt.of(setIds[l.setId().getAsInt() - 1]), l.dreg(), l.flags())
                        .encodeData(w);
            } else {
                e.encodeData(w);
            }
            w.endNested(data);
            w.endNested(el);
        }
        w.endNested(list);
        if (r.position().isPresent()) {
            w.put(Nf.NFTA_RULE_POSITION, r.position().getAsLong());
        }
        if (r.userdata().isPresent()) {
            w.put(Nf.NFTA_RULE_USERDATA, r.userdata().get());
        }
    }

    static Rule decodeRule(MessageReader m) {
        Family f = family(m);
        AttrReader r = m.attributes(Nf.NFGENMSG_LEN, Nf.RULE);
        String table = null, chain = null;
        OptionalLong handle = OptionalLong.empty(), position = OptionalLong.empty();
        ByteString userdata = null;
        List<Expr> exprs = new ArrayList<>();
        while (r.next()) {
            switch (r.type()) {
                case 1 -> table = r.string();
                case 2 -> chain = r.string();
                case 3 -> handle = OptionalLong.of(r.u64Be());
                case 6 -> position = OptionalLong.of(r.u64Be());
                case 7 -> userdata = r.bytes();
                case 4 -> {
                    AttrReader list = r.nested(Nf.EXPR_LIST);
                    while (list.next()) {
                        exprs.add(decodeExpr(list.nested(Nf.EXPR)));
                    }
                }
                default -> {
                }
            }
        }
        require(m, table, "NFTA_RULE_TABLE");
        require(m, chain, "NFTA_RULE_CHAIN");
        return new Rule(f, table, chain, exprs, Optional.ofNullable(userdata), handle, position, List.of());
    }

    /** One NFTA_LIST_ELEM's contents: a known expression, or a {@link RawExpr}. */
    static Expr decodeExpr(AttrReader e) {
        String name = null;
        int dataOffset = -1, dataLength = 0;
        AttrReader dataReader = null;
        while (e.next()) {
            if (e.type() == 1) {
                name = e.string();
            } else if (e.type() == 2) {
                dataOffset = e.payloadOffset();
                dataLength = e.payloadLength();
            }
        }
        if (name == null || name.isEmpty() || name.length() > 15) {
            throw new MalformedMessageException("expression without a valid NFTA_EXPR_NAME", "NFTA_RULE_EXPRESSIONS",
                    Math.max(0, dataOffset), "");
        }
        ByteString raw = dataOffset < 0 ? ByteString.EMPTY : ByteString.copyOf(e.buffer(), dataOffset, dataLength);
        Function<AttrReader, Expr> d = EXPRS.get(name);
        if (d != null && dataOffset >= 0) {
            // re-read the data attribute with a reader positioned on it
            AttrReader again = new AttrReader(e.buffer(), dataOffset - 4, dataOffset + dataLength, Nf.EXPR);
            if (again.next()) {
                dataReader = again;
            }
            try {
                Expr x = dataReader == null ? null : d.apply(dataReader);
                if (x != null) {
                    return x;
                }
            } catch (IllegalArgumentException | MalformedMessageException ex) {
                // a value outside what the record accepts: keep the bytes
            }
        }
        return new RawExpr(name, padded(raw));
    }

    private static ByteString padded(ByteString b) {
        int pad = ((b.size() + 3) & ~3) - b.size();
        if (pad == 0) {
            return b;
        }
        byte[] a = java.util.Arrays.copyOf(b.toByteArray(), b.size() + pad);
        return ByteString.of(a);
    }

    // --- sets --------------------------------------------------------------------------------

    /**
     * <pre>
     * NFTA_SET_TABLE     string
     * NFTA_SET_NAME      string
     * NFTA_SET_FLAGS     be32
     * NFTA_SET_KEY_TYPE  be32
     * NFTA_SET_KEY_LEN   be32
     * NFTA_SET_ID        be32
     * NFTA_SET_DESC      (nested)
     *   NFTA_SET_DESC_SIZE  be32
     * NFTA_SET_USERDATA  bytes
     * </pre>
     */
    static void set(MessageWriter w, NftSet s, int id, boolean add) {
        w.put(Nf.NFTA_SET_TABLE, s.table());
        w.put(Nf.NFTA_SET_NAME, s.name());
        if (!add) {
            return;
        }
        w.putU32Attr(Nf.NFTA_SET_FLAGS, s.flags());
        w.putU32Attr(Nf.NFTA_SET_KEY_TYPE, s.keyType().number());
        w.putU32Attr(Nf.NFTA_SET_KEY_LEN, s.keyType().length());
        w.putU32Attr(Nf.NFTA_SET_ID, id);
        if (s.size().isPresent()) {
            int d = w.beginNested(Nf.NFTA_SET_DESC);
            w.putU32Attr(Nf.NFTA_SET_DESC_SIZE, s.size().getAsInt());
            w.endNested(d);
        }
        if (s.userdata().isPresent()) {
            w.put(Nf.NFTA_SET_USERDATA, s.userdata().get());
        }
    }

    static NftSet decodeSet(MessageReader m) {
        Family f = family(m);
        AttrReader r = m.attributes(Nf.NFGENMSG_LEN, Nf.SET);
        String table = null, name = null;
        int flags = 0, keyType = 0, keyLen = -1;
        OptionalInt size = OptionalInt.empty();
        OptionalLong handle = OptionalLong.empty();
        ByteString userdata = null;
        while (r.next()) {
            switch (r.type()) {
                case 1 -> table = r.string();
                case 2 -> name = r.string();
                case 3 -> flags = r.u32Be();
                case 4 -> keyType = r.u32Be();
                case 5 -> keyLen = r.u32Be();
                case 13 -> userdata = r.bytes();
                case 16 -> handle = OptionalLong.of(r.u64Be());
                case 9 -> {
                    AttrReader d = r.nested(Nf.SET_DESC);
                    while (d.next()) {
                        if (d.type() == 1) {
                            size = OptionalInt.of(d.u32Be());
                        }
                    }
                }
                default -> {
                }
            }
        }
        require(m, table, "NFTA_SET_TABLE");
        require(m, name, "NFTA_SET_NAME");
        if (keyLen < 1 || keyLen > 64) {
            throw new MalformedMessageException("NFTA_SET_KEY_LEN " + keyLen + " outside 1..64", "NFTA_SET_KEY_LEN",
                    m.offset(), "");
        }
        return new NftSet(f, table, name, SetKeyType.of(keyType, keyLen), flags & ~NftSet.MAP, OptionalInt.empty(), size,
                Optional.ofNullable(userdata), handle);
    }

    /**
     * <pre>
     * NFTA_SET_ELEM_LIST_TABLE     string
     * NFTA_SET_ELEM_LIST_SET       string
     * NFTA_SET_ELEM_LIST_SET_ID    be32      (a set of the same transaction)
     * NFTA_SET_ELEM_LIST_ELEMENTS  (nested)
     *   NFTA_LIST_ELEM  (nested)
     *     NFTA_SET_ELEM_KEY    (nested) NFTA_DATA_VALUE
     *     NFTA_SET_ELEM_FLAGS  be32     (when not 0)
     * </pre>
     */
    static void elements(MessageWriter w, String table, String set, OptionalInt setId, List<SetElement> elements) {
        w.put(Nf.NFTA_SET_ELEM_LIST_TABLE, table);
        w.put(Nf.NFTA_SET_ELEM_LIST_SET, set);
        if (setId.isPresent()) {
            w.putU32Attr(Nf.NFTA_SET_ELEM_LIST_SET_ID, setId.getAsInt());
        }
        int list = w.beginNested(Nf.NFTA_SET_ELEM_LIST_ELEMENTS);
        for (int i = 0; i < elements.size(); i++) {
            SetElement e = elements.get(i);
            // nft numbers the list entries 1, 2, 3... (the kernel ignores the type)
            int el = w.beginNested(1 + i % Nlmsg.NLA_TYPE_MAX);
            Wire.putData(w, Nf.NFTA_SET_ELEM_KEY, e.key());
            if (e.flags() != 0) {
                w.putU32Attr(Nf.NFTA_SET_ELEM_FLAGS, e.flags());
            }
            w.endNested(el);
        }
        w.endNested(list);
    }

    static List<SetElement> decodeElements(MessageReader m) {
        AttrReader r = m.attributes(Nf.NFGENMSG_LEN, Nf.SET_ELEM_LIST);
        List<SetElement> out = new ArrayList<>();
        while (r.next()) {
            if (r.type() != 3) {
                continue;
            }
            AttrReader list = r.nested(Nf.SET_ELEM_ITEMS);
            while (list.next()) {
                AttrReader e = list.nested(Nf.SET_ELEM);
                ByteString key = null;
                int flags = 0;
                while (e.next()) {
                    if (e.type() == 1) {
                        key = Wire.dataValue(e);
                    } else if (e.type() == 3) {
                        flags = e.u32Be();
                    }
                }
                if (key != null && key.size() >= 1 && key.size() <= 64) {
                    out.add(new SetElement(key, flags));
                }
            }
        }
        return out;
    }

    // --- flowtables --------------------------------------------------------------------------

    /**
     * <pre>
     * NFTA_FLOWTABLE_TABLE  string
     * NFTA_FLOWTABLE_NAME   string
     * NFTA_FLOWTABLE_HOOK   (nested)
     *   NFTA_FLOWTABLE_HOOK_NUM       be32
     *   NFTA_FLOWTABLE_HOOK_PRIORITY  be32 (signed)
     *   NFTA_FLOWTABLE_HOOK_DEVS      (nested)
     *     NFTA_DEVICE_NAME  string ...
     * NFTA_FLOWTABLE_FLAGS  be32   (when not 0)
     * </pre>
     */
    static void flowtable(MessageWriter w, Flowtable f, boolean add) {
        w.put(Nf.NFTA_FLOWTABLE_TABLE, f.table());
        w.put(Nf.NFTA_FLOWTABLE_NAME, f.name());
        if (!add) {
            return;
        }
        int hook = w.beginNested(Nf.NFTA_FLOWTABLE_HOOK);
        w.putU32Attr(Nf.NFTA_FLOWTABLE_HOOK_NUM, f.hook().number());
        w.putU32Attr(Nf.NFTA_FLOWTABLE_HOOK_PRIORITY, f.priority());
        if (!f.devices().isEmpty()) {
            int devs = w.beginNested(Nf.NFTA_FLOWTABLE_HOOK_DEVS);
            for (String d : f.devices()) {
                w.put(Nf.NFTA_DEVICE_NAME, d);
            }
            w.endNested(devs);
        }
        w.endNested(hook);
        if (f.flags() != 0) {
            w.putU32Attr(Nf.NFTA_FLOWTABLE_FLAGS, f.flags());
        }
    }

    static Flowtable decodeFlowtable(MessageReader m) {
        Family fam = family(m);
        AttrReader r = m.attributes(Nf.NFGENMSG_LEN, Nf.FLOWTABLE);
        String table = null, name = null;
        int hookNum = 0, prio = 0, flags = 0;
        OptionalLong handle = OptionalLong.empty();
        List<String> devices = new ArrayList<>();
        while (r.next()) {
            switch (r.type()) {
                case 1 -> table = r.string();
                case 2 -> name = r.string();
                case 5 -> handle = OptionalLong.of(r.u64Be());
                case 7 -> flags = r.u32Be();
                case 3 -> {
                    AttrReader h = r.nested(Nf.FLOWTABLE_HOOK);
                    while (h.next()) {
                        switch (h.type()) {
                            case 1 -> hookNum = h.u32Be();
                            case 2 -> prio = h.u32Be();
                            case 3 -> {
                                AttrReader d = h.nested(Nf.DEVICES);
                                while (d.next()) {
                                    if (d.type() == 1) {
                                        devices.add(d.string());
                                    }
                                }
                            }
                            default -> {
                            }
                        }
                    }
                }
                default -> {
                }
            }
        }
        require(m, table, "NFTA_FLOWTABLE_TABLE");
        require(m, name, "NFTA_FLOWTABLE_NAME");
        return new Flowtable(fam, table, name, Hook.of(Family.NETDEV, hookNum), prio,
                devices.stream().filter(d -> !d.isEmpty() && d.length() <= 15).toList(), flags & 0x3, handle);
    }

    // --- generation --------------------------------------------------------------------------

    static Integer decodeGeneration(MessageReader m) {
        if ((m.type() & 0xff) != Nf.NFT_MSG_NEWGEN) {
            return null;
        }
        AttrReader r = m.attributes(Nf.NFGENMSG_LEN, Nf.GEN);
        while (r.next()) {
            if (r.type() == Nf.NFTA_GEN_ID.type()) {
                return r.u32Be();
            }
        }
        throw new MalformedMessageException("NFT_MSG_NEWGEN without NFTA_GEN_ID", "NFTA_GEN_ID", m.offset(), "");
    }

    // --- helpers -----------------------------------------------------------------------------

    static Family family(MessageReader m) {
        m.requirePayload(Nf.NFGENMSG_LEN, "struct nfgenmsg");
        return Family.of(m.buffer().get(m.payloadOffset()) & 0xff);
    }

    private static void require(MessageReader m, String v, String attr) {
        if (v == null || v.isEmpty() || v.length() > 255) {
            throw new MalformedMessageException("missing or invalid " + attr, attr, m.offset(), "");
        }
    }

    static AttrSchema schemaOf(int msg) {
        return switch (msg) {
            case Nf.NFT_MSG_NEWTABLE, Nf.NFT_MSG_DELTABLE -> Nf.TABLE;
            case Nf.NFT_MSG_NEWCHAIN, Nf.NFT_MSG_DELCHAIN -> Nf.CHAIN;
            case Nf.NFT_MSG_NEWRULE, Nf.NFT_MSG_DELRULE -> Nf.RULE;
            case Nf.NFT_MSG_NEWSET, Nf.NFT_MSG_DELSET -> Nf.SET;
            case Nf.NFT_MSG_NEWSETELEM, Nf.NFT_MSG_DELSETELEM -> Nf.SET_ELEM_LIST;
            case Nf.NFT_MSG_NEWFLOWTABLE, Nf.NFT_MSG_DELFLOWTABLE -> Nf.FLOWTABLE;
            default -> AttrSchema.OPAQUE;
        };
    }
}
