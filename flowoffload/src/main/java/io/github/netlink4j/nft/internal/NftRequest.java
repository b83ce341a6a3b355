package io.github.netlink4j.nft.internal;

import io.github.netlink4j.core.NetlinkRequest;
import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.MessageWriter;

import java.util.Objects;

/**
 * One nfnetlink request: the nfgenmsg header, then the body its operation writes. Its
 * {@code toString()} is the equivalent {@code nft} command.
 *
 * <pre>
 * struct nfgenmsg { __u8 nfgen_family; __u8 version; __be16 res_id; };   (include/uapi/linux/netfilter/nfnetlink.h)
 * </pre>
 */
public final class NftRequest implements NetlinkRequest {
    /** Writes a request's attributes. */
    @FunctionalInterface
    public interface Body {
        void encode(MessageWriter w);
    }

    private static final Body EMPTY = w -> {
    };

    private final int type;
    private final int flags;
    private final int family;
    private final int resId;
    private final Body body;
    private final String text;
    private final AttrSchema schema;

    public NftRequest(int type, int flags, int family, int resId, Body body, String text, AttrSchema schema) {
        this.type = type;
        this.flags = flags;
        this.family = family;
        this.resId = resId;
        this.body = body == null ? EMPTY : body;
        this.text = Objects.requireNonNull(text, "text");
        this.schema = schema == null ? AttrSchema.OPAQUE : schema;
    }

    /** An nf_tables message {@code msg} (NFT_MSG_*) of {@code family}. */
    public static NftRequest nft(int msg, int flags, int family, Body body, String text, AttrSchema schema) {
        return new NftRequest(Nf.type(msg), flags, family, 0, body, text, schema);
    }

    /** NFNL_MSG_BATCH_BEGIN (res_id NFNL_SUBSYS_NFTABLES), with NFNL_BATCH_GENID when {@code genId} is not 0. */
    public static NftRequest batchBegin(int genId) {
        Body b = genId == 0 ? null : w -> w.putU32Attr(Nf.NFNL_BATCH_GENID, genId);
        return new NftRequest(Nf.NFNL_MSG_BATCH_BEGIN, 0, 0, Nf.NFNL_SUBSYS_NFTABLES, b,
                genId == 0 ? "batch begin" : "batch begin (expecting ruleset generation " + Integer.toUnsignedString(genId) + ")",
                Nf.BATCH);
    }

    /** NFNL_MSG_BATCH_END (res_id NFNL_SUBSYS_NFTABLES). */
    public static NftRequest batchEnd() {
        return new NftRequest(Nf.NFNL_MSG_BATCH_END, 0, 0, Nf.NFNL_SUBSYS_NFTABLES, null, "batch end", Nf.BATCH);
    }

    @Override
    public int type() {
        return type;
    }

    @Override
    public int flags() {
        return flags;
    }

    public int family() {
        return family;
    }

    @Override
    public void encode(MessageWriter w) {
        w.putU8(family);
        w.putU8(Nf.NFNETLINK_V0);
        w.putU16Be(resId);
        body.encode(w);
    }

    @Override
    public String operation() {
        if (type == Nf.NFNL_MSG_BATCH_BEGIN) {
            return "NFNL_MSG_BATCH_BEGIN";
        }
        if (type == Nf.NFNL_MSG_BATCH_END) {
            return "NFNL_MSG_BATCH_END";
        }
        return Nf.msgName(type & 0xff);
    }

    @Override
    public int headerLength() {
        return Nf.NFGENMSG_LEN;
    }

    @Override
    public AttrSchema schema() {
        return schema;
    }

    @Override
    public String toString() {
        return text;
    }
}
