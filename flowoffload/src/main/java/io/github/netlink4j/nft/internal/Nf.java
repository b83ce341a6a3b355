package io.github.netlink4j.nft.internal;

import io.github.netlink4j.core.wire.Attr;
import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.Codecs;

/**
 * The nfnetlink and nf_tables numbers and attribute descriptors, each declared once. Values from
 * include/uapi/linux/netfilter/nfnetlink.h and include/uapi/linux/netfilter/nf_tables.h. Every
 * nf_tables integer attribute is big-endian ({@code __be32} / {@code __be64}).
 */
public final class Nf {
    private Nf() {
    }

    /** struct nfgenmsg { __u8 nfgen_family; __u8 version; __be16 res_id; } */
    public static final int NFGENMSG_LEN = 4;
    /** #define NFNETLINK_V0 0 */
    public static final int NFNETLINK_V0 = 0;
    /** #define NFNL_SUBSYS_NFTABLES 10 */
    public static final int NFNL_SUBSYS_NFTABLES = 10;
    /** #define NFNL_MSG_BATCH_BEGIN NLMSG_MIN_TYPE */
    public static final int NFNL_MSG_BATCH_BEGIN = 0x10;
    /** #define NFNL_MSG_BATCH_END NLMSG_MIN_TYPE+1 */
    public static final int NFNL_MSG_BATCH_END = 0x11;
    // enum nfnl_batch_attributes
    public static final Attr<Integer> NFNL_BATCH_GENID = Attr.of(1, "NFNL_BATCH_GENID", Codecs.U32_BE);
    public static final AttrSchema BATCH = AttrSchema.of("nfnl_batch", "NFNL_BATCH_", NFNL_BATCH_GENID);

    // enum nf_tables_msg_types
    public static final int NFT_MSG_NEWTABLE = 0;
    public static final int NFT_MSG_GETTABLE = 1;
    public static final int NFT_MSG_DELTABLE = 2;
    public static final int NFT_MSG_NEWCHAIN = 3;
    public static final int NFT_MSG_GETCHAIN = 4;
    public static final int NFT_MSG_DELCHAIN = 5;
    public static final int NFT_MSG_NEWRULE = 6;
    public static final int NFT_MSG_GETRULE = 7;
    public static final int NFT_MSG_DELRULE = 8;
    public static final int NFT_MSG_NEWSET = 9;
    public static final int NFT_MSG_GETSET = 10;
    public static final int NFT_MSG_DELSET = 11;
    public static final int NFT_MSG_NEWSETELEM = 12;
    public static final int NFT_MSG_GETSETELEM = 13;
    public static final int NFT_MSG_DELSETELEM = 14;
    public static final int NFT_MSG_NEWGEN = 15;
    public static final int NFT_MSG_GETGEN = 16;
    public static final int NFT_MSG_NEWFLOWTABLE = 22;
    public static final int NFT_MSG_GETFLOWTABLE = 23;
    public static final int NFT_MSG_DELFLOWTABLE = 24;

    private static final String[] MSG_NAMES = {"NFT_MSG_NEWTABLE", "NFT_MSG_GETTABLE", "NFT_MSG_DELTABLE",
            "NFT_MSG_NEWCHAIN", "NFT_MSG_GETCHAIN", "NFT_MSG_DELCHAIN", "NFT_MSG_NEWRULE", "NFT_MSG_GETRULE",
            "NFT_MSG_DELRULE", "NFT_MSG_NEWSET", "NFT_MSG_GETSET", "NFT_MSG_DELSET", "NFT_MSG_NEWSETELEM",
            "NFT_MSG_GETSETELEM", "NFT_MSG_DELSETELEM", "NFT_MSG_NEWGEN", "NFT_MSG_GETGEN", "NFT_MSG_TRACE",
            "NFT_MSG_NEWOBJ", "NFT_MSG_GETOBJ", "NFT_MSG_DELOBJ", "NFT_MSG_GETOBJ_RESET", "NFT_MSG_NEWFLOWTABLE",
            "NFT_MSG_GETFLOWTABLE", "NFT_MSG_DELFLOWTABLE"};

    /** nlmsg_type of nf_tables message {@code msg}: (NFNL_SUBSYS_NFTABLES << 8) | msg. */
    public static int type(int msg) {
        return NFNL_SUBSYS_NFTABLES << 8 | msg;
    }

    public static String msgName(int msg) {
        return msg >= 0 && msg < MSG_NAMES.length ? MSG_NAMES[msg] : "NFT_MSG_" + msg;
    }

    // enum nft_registers
    public static final int NFT_REG_VERDICT = 0;
    public static final int NFT_REG_1 = 1;
    public static final int NFT_REG_4 = 4;

    // enum nft_verdicts
    public static final int NFT_CONTINUE = -1;
    public static final int NFT_BREAK = -2;
    public static final int NFT_JUMP = -3;
    public static final int NFT_GOTO = -4;
    public static final int NFT_RETURN = -5;
    /** #define NF_DROP 0 (include/uapi/linux/netfilter.h) */
    public static final int NF_DROP = 0;
    /** #define NF_ACCEPT 1 */
    public static final int NF_ACCEPT = 1;

    // enum nft_table_flags
    public static final int NFT_TABLE_F_DORMANT = 0x1;
    // enum nft_set_flags
    public static final int NFT_SET_ANONYMOUS = 0x1;
    public static final int NFT_SET_CONSTANT = 0x2;
    public static final int NFT_SET_INTERVAL = 0x4;
    public static final int NFT_SET_MAP = 0x8;
    public static final int NFT_SET_TIMEOUT = 0x10;
    // enum nft_set_elem_flags
    public static final int NFT_SET_ELEM_INTERVAL_END = 0x1;
    // enum nft_flowtable_flags
    public static final int NFT_FLOWTABLE_HW_OFFLOAD = 0x1;
    public static final int NFT_FLOWTABLE_COUNTER = 0x2;

    // --- enum nft_gen_attributes ---
    public static final Attr<Integer> NFTA_GEN_ID = Attr.of(1, "NFTA_GEN_ID", Codecs.U32_BE);
    public static final Attr<Integer> NFTA_GEN_PROC_PID = Attr.of(2, "NFTA_GEN_PROC_PID", Codecs.U32_BE);
    public static final Attr<String> NFTA_GEN_PROC_NAME = Attr.of(3, "NFTA_GEN_PROC_NAME", Codecs.STRING);
    public static final AttrSchema GEN = AttrSchema.of("nft_gen", "NFTA_GEN_", NFTA_GEN_ID, NFTA_GEN_PROC_PID, NFTA_GEN_PROC_NAME);

    // --- enum nft_table_attributes ---
    public static final Attr<String> NFTA_TABLE_NAME = Attr.of(1, "NFTA_TABLE_NAME", Codecs.STRING);
    public static final Attr<Integer> NFTA_TABLE_FLAGS = Attr.of(2, "NFTA_TABLE_FLAGS", Codecs.U32_BE);
    public static final Attr<Integer> NFTA_TABLE_USE = Attr.of(3, "NFTA_TABLE_USE", Codecs.U32_BE);
    public static final Attr<Long> NFTA_TABLE_HANDLE = Attr.of(4, "NFTA_TABLE_HANDLE", Codecs.U64_BE);
    public static final Attr<Void> NFTA_TABLE_PAD = Attr.nested(5, "NFTA_TABLE_PAD");
    public static final Attr<io.github.netlink4j.core.wire.ByteString> NFTA_TABLE_USERDATA =
            Attr.of(6, "NFTA_TABLE_USERDATA", Codecs.BYTES);
    public static final AttrSchema TABLE = AttrSchema.of("nft_table", "NFTA_TABLE_", NFTA_TABLE_NAME, NFTA_TABLE_FLAGS,
            NFTA_TABLE_USE, NFTA_TABLE_HANDLE, NFTA_TABLE_PAD, NFTA_TABLE_USERDATA);

    // --- enum nft_hook_attributes ---
    public static final Attr<Integer> NFTA_HOOK_HOOKNUM = Attr.of(1, "NFTA_HOOK_HOOKNUM", Codecs.U32_BE);
    public static final Attr<Integer> NFTA_HOOK_PRIORITY = Attr.of(2, "NFTA_HOOK_PRIORITY", Codecs.U32_BE);
    public static final Attr<String> NFTA_HOOK_DEV = Attr.of(3, "NFTA_HOOK_DEV", Codecs.STRING);
    // enum nft_devices_attributes
    public static final Attr<String> NFTA_DEVICE_NAME = Attr.of(1, "NFTA_DEVICE_NAME", Codecs.STRING);
    public static final AttrSchema DEVICES = AttrSchema.of("nft_devices", "NFTA_DEVICE_", NFTA_DEVICE_NAME);
    public static final Attr<Void> NFTA_HOOK_DEVS = Attr.nested(4, "NFTA_HOOK_DEVS", () -> DEVICES);
    public static final AttrSchema HOOK = AttrSchema.of("nft_hook", "NFTA_HOOK_", NFTA_HOOK_HOOKNUM, NFTA_HOOK_PRIORITY,
            NFTA_HOOK_DEV, NFTA_HOOK_DEVS);

    // --- enum nft_chain_attributes ---
    public static final Attr<String> NFTA_CHAIN_TABLE = Attr.of(1, "NFTA_CHAIN_TABLE", Codecs.STRING);
    public static final Attr<Long> NFTA_CHAIN_HANDLE = Attr.of(2, "NFTA_CHAIN_HANDLE", Codecs.U64_BE);
    public static final Attr<String> NFTA_CHAIN_NAME = Attr.of(3, "NFTA_CHAIN_NAME", Codecs.STRING);
    public static final Attr<Void> NFTA_CHAIN_HOOK = Attr.nested(4, "NFTA_CHAIN_HOOK", () -> HOOK);
    public static final Attr<Integer> NFTA_CHAIN_POLICY = Attr.of(5, "NFTA_CHAIN_POLICY", Codecs.U32_BE);
    public static final Attr<Integer> NFTA_CHAIN_USE = Attr.of(6, "NFTA_CHAIN_USE", Codecs.U32_BE);
    public static final Attr<String> NFTA_CHAIN_TYPE = Attr.of(7, "NFTA_CHAIN_TYPE", Codecs.STRING);
    public static final Attr<Void> NFTA_CHAIN_COUNTERS = Attr.nested(8, "NFTA_CHAIN_COUNTERS");
    public static final Attr<Integer> NFTA_CHAIN_FLAGS = Attr.of(10, "NFTA_CHAIN_FLAGS", Codecs.U32_BE);
    public static final Attr<Integer> NFTA_CHAIN_ID = Attr.of(11, "NFTA_CHAIN_ID", Codecs.U32_BE);
    public static final AttrSchema CHAIN = AttrSchema.of("nft_chain", "NFTA_CHAIN_", NFTA_CHAIN_TABLE, NFTA_CHAIN_HANDLE,
            NFTA_CHAIN_NAME, NFTA_CHAIN_HOOK, NFTA_CHAIN_POLICY, NFTA_CHAIN_USE, NFTA_CHAIN_TYPE, NFTA_CHAIN_COUNTERS,
            NFTA_CHAIN_FLAGS, NFTA_CHAIN_ID);

    // --- enum nft_data_attributes / nft_verdict_attributes ---
    public static final Attr<io.github.netlink4j.core.wire.ByteString> NFTA_DATA_VALUE =
            Attr.of(1, "NFTA_DATA_VALUE", Codecs.BYTES);
    public static final Attr<Integer> NFTA_VERDICT_CODE = Attr.of(1, "NFTA_VERDICT_CODE", Codecs.U32_BE);
    public static final Attr<String> NFTA_VERDICT_CHAIN = Attr.of(2, "NFTA_VERDICT_CHAIN", Codecs.STRING);
    public static final AttrSchema VERDICT = AttrSchema.of("nft_verdict", "NFTA_VERDICT_", NFTA_VERDICT_CODE, NFTA_VERDICT_CHAIN);
    public static final Attr<Void> NFTA_DATA_VERDICT = Attr.nested(2, "NFTA_DATA_VERDICT", () -> VERDICT);
    public static final AttrSchema DATA = AttrSchema.of("nft_data", "NFTA_DATA_", NFTA_DATA_VALUE, NFTA_DATA_VERDICT);

    // --- enum nft_expr_attributes / nft_list_attributes ---
    public static final Attr<String> NFTA_EXPR_NAME = Attr.of(1, "NFTA_EXPR_NAME", Codecs.STRING);
    public static final Attr<Void> NFTA_EXPR_DATA = Attr.nested(2, "NFTA_EXPR_DATA");
    public static final AttrSchema EXPR = AttrSchema.of("nft_expr", "NFTA_EXPR_", NFTA_EXPR_NAME, NFTA_EXPR_DATA);
    public static final Attr<Void> NFTA_LIST_ELEM = Attr.nested(1, "NFTA_LIST_ELEM", () -> EXPR);
    public static final AttrSchema EXPR_LIST = AttrSchema.of("nft_list", "NFTA_LIST_", NFTA_LIST_ELEM);

    // --- enum nft_rule_attributes ---
    public static final Attr<String> NFTA_RULE_TABLE = Attr.of(1, "NFTA_RULE_TABLE", Codecs.STRING);
    public static final Attr<String> NFTA_RULE_CHAIN = Attr.of(2, "NFTA_RULE_CHAIN", Codecs.STRING);
    public static final Attr<Long> NFTA_RULE_HANDLE = Attr.of(3, "NFTA_RULE_HANDLE", Codecs.U64_BE);
    public static final Attr<Void> NFTA_RULE_EXPRESSIONS = Attr.nested(4, "NFTA_RULE_EXPRESSIONS", () -> EXPR_LIST);
    public static final Attr<Long> NFTA_RULE_POSITION = Attr.of(6, "NFTA_RULE_POSITION", Codecs.U64_BE);
    public static final Attr<io.github.netlink4j.core.wire.ByteString> NFTA_RULE_USERDATA =
            Attr.of(7, "NFTA_RULE_USERDATA", Codecs.BYTES);
    public static final Attr<Integer> NFTA_RULE_ID = Attr.of(9, "NFTA_RULE_ID", Codecs.U32_BE);
    public static final AttrSchema RULE = AttrSchema.of("nft_rule", "NFTA_RULE_", NFTA_RULE_TABLE, NFTA_RULE_CHAIN,
            NFTA_RULE_HANDLE, NFTA_RULE_EXPRESSIONS, NFTA_RULE_POSITION, NFTA_RULE_USERDATA, NFTA_RULE_ID);

    // --- enum nft_set_attributes ---
    public static final Attr<String> NFTA_SET_TABLE = Attr.of(1, "NFTA_SET_TABLE", Codecs.STRING);
    public static final Attr<String> NFTA_SET_NAME = Attr.of(2, "NFTA_SET_NAME", Codecs.STRING);
    public static final Attr<Integer> NFTA_SET_FLAGS = Attr.of(3, "NFTA_SET_FLAGS", Codecs.U32_BE);
    public static final Attr<Integer> NFTA_SET_KEY_TYPE = Attr.of(4, "NFTA_SET_KEY_TYPE", Codecs.U32_BE);
    public static final Attr<Integer> NFTA_SET_KEY_LEN = Attr.of(5, "NFTA_SET_KEY_LEN", Codecs.U32_BE);
    public static final Attr<Integer> NFTA_SET_DATA_TYPE = Attr.of(6, "NFTA_SET_DATA_TYPE", Codecs.U32_BE);
    public static final Attr<Integer> NFTA_SET_DATA_LEN = Attr.of(7, "NFTA_SET_DATA_LEN", Codecs.U32_BE);
    public static final Attr<Integer> NFTA_SET_DESC_SIZE = Attr.of(1, "NFTA_SET_DESC_SIZE", Codecs.U32_BE);
    public static final AttrSchema SET_DESC = AttrSchema.of("nft_set_desc", "NFTA_SET_DESC_", NFTA_SET_DESC_SIZE);
    public static final Attr<Void> NFTA_SET_DESC = Attr.nested(9, "NFTA_SET_DESC", () -> SET_DESC);
    public static final Attr<Integer> NFTA_SET_ID = Attr.of(10, "NFTA_SET_ID", Codecs.U32_BE);
    public static final Attr<io.github.netlink4j.core.wire.ByteString> NFTA_SET_USERDATA =
            Attr.of(13, "NFTA_SET_USERDATA", Codecs.BYTES);
    public static final Attr<Long> NFTA_SET_HANDLE = Attr.of(16, "NFTA_SET_HANDLE", Codecs.U64_BE);
    public static final AttrSchema SET = AttrSchema.of("nft_set", "NFTA_SET_", NFTA_SET_TABLE, NFTA_SET_NAME,
            NFTA_SET_FLAGS, NFTA_SET_KEY_TYPE, NFTA_SET_KEY_LEN, NFTA_SET_DATA_TYPE, NFTA_SET_DATA_LEN, NFTA_SET_DESC,
            NFTA_SET_ID, NFTA_SET_USERDATA, NFTA_SET_HANDLE);

    // --- enum nft_set_elem_attributes / nft_set_elem_list_attributes ---
    public static final Attr<Void> NFTA_SET_ELEM_KEY = Attr.nested(1, "NFTA_SET_ELEM_KEY", () -> DATA);
    public static final Attr<Void> NFTA_SET_ELEM_DATA = Attr.nested(2, "NFTA_SET_ELEM_DATA", () -> DATA);
    public static final Attr<Integer> NFTA_SET_ELEM_FLAGS = Attr.of(3, "NFTA_SET_ELEM_FLAGS", Codecs.U32_BE);
    public static final AttrSchema SET_ELEM = AttrSchema.of("nft_set_elem", "NFTA_SET_ELEM_", NFTA_SET_ELEM_KEY,
            NFTA_SET_ELEM_DATA, NFTA_SET_ELEM_FLAGS);
    public static final Attr<Void> SET_ELEM_LIST_ELEM = Attr.nested(1, "NFTA_LIST_ELEM", () -> SET_ELEM);
    public static final AttrSchema SET_ELEM_ITEMS = AttrSchema.of("nft_list", "NFTA_LIST_", SET_ELEM_LIST_ELEM);
    public static final Attr<String> NFTA_SET_ELEM_LIST_TABLE = Attr.of(1, "NFTA_SET_ELEM_LIST_TABLE", Codecs.STRING);
    public static final Attr<String> NFTA_SET_ELEM_LIST_SET = Attr.of(2, "NFTA_SET_ELEM_LIST_SET", Codecs.STRING);
    public static final Attr<Void> NFTA_SET_ELEM_LIST_ELEMENTS = Attr.nested(3, "NFTA_SET_ELEM_LIST_ELEMENTS", () -> SET_ELEM_ITEMS);
    public static final Attr<Integer> NFTA_SET_ELEM_LIST_SET_ID = Attr.of(4, "NFTA_SET_ELEM_LIST_SET_ID", Codecs.U32_BE);
    public static final AttrSchema SET_ELEM_LIST = AttrSchema.of("nft_set_elem_list", "NFTA_SET_ELEM_LIST_",
            NFTA_SET_ELEM_LIST_TABLE, NFTA_SET_ELEM_LIST_SET, NFTA_SET_ELEM_LIST_ELEMENTS, NFTA_SET_ELEM_LIST_SET_ID);

    // --- enum nft_flowtable_attributes / nft_flowtable_hook_attributes ---
    public static final Attr<String> NFTA_FLOWTABLE_TABLE = Attr.of(1, "NFTA_FLOWTABLE_TABLE", Codecs.STRING);
    public static final Attr<String> NFTA_FLOWTABLE_NAME = Attr.of(2, "NFTA_FLOWTABLE_NAME", Codecs.STRING);
    public static final Attr<Integer> NFTA_FLOWTABLE_HOOK_NUM = Attr.of(1, "NFTA_FLOWTABLE_HOOK_NUM", Codecs.U32_BE);
    public static final Attr<Integer> NFTA_FLOWTABLE_HOOK_PRIORITY = Attr.of(2, "NFTA_FLOWTABLE_HOOK_PRIORITY", Codecs.U32_BE);
    public static final Attr<Void> NFTA_FLOWTABLE_HOOK_DEVS = Attr.nested(3, "NFTA_FLOWTABLE_HOOK_DEVS", () -> DEVICES);
    public static final AttrSchema FLOWTABLE_HOOK = AttrSchema.of("nft_flowtable_hook", "NFTA_FLOWTABLE_HOOK_",
            NFTA_FLOWTABLE_HOOK_NUM, NFTA_FLOWTABLE_HOOK_PRIORITY, NFTA_FLOWTABLE_HOOK_DEVS);
    public static final Attr<Void> NFTA_FLOWTABLE_HOOK = Attr.nested(3, "NFTA_FLOWTABLE_HOOK", () -> FLOWTABLE_HOOK);
    public static final Attr<Integer> NFTA_FLOWTABLE_USE = Attr.of(4, "NFTA_FLOWTABLE_USE", Codecs.U32_BE);
    public static final Attr<Long> NFTA_FLOWTABLE_HANDLE = Attr.of(5, "NFTA_FLOWTABLE_HANDLE", Codecs.U64_BE);
    public static final Attr<Integer> NFTA_FLOWTABLE_FLAGS = Attr.of(7, "NFTA_FLOWTABLE_FLAGS", Codecs.U32_BE);
    public static final AttrSchema FLOWTABLE = AttrSchema.of("nft_flowtable", "NFTA_FLOWTABLE_", NFTA_FLOWTABLE_TABLE,
            NFTA_FLOWTABLE_NAME, NFTA_FLOWTABLE_HOOK, NFTA_FLOWTABLE_USE, NFTA_FLOWTABLE_HANDLE, NFTA_FLOWTABLE_FLAGS);

    /** NFNL_UDATA_RULE_COMMENT of libnftnl's userdata TLVs (type u8, length u8, value). */
    public static final int UDATA_RULE_COMMENT = 0;
    /** NFTNL_UDATA_SET_KEYBYTEORDER. */
    public static final int UDATA_SET_KEYBYTEORDER = 0;
    /** NFTNL_UDATA_SET_KEY_TYPEOF. */
    public static final int UDATA_SET_KEY_TYPEOF = 3;
}
