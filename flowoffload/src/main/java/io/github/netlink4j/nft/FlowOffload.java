package io.github.netlink4j.nft;

import io.github.netlink4j.core.wire.Attr;
import io.github.netlink4j.core.wire.AttrReader;
import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.Codecs;
import io.github.netlink4j.core.wire.MessageWriter;

/**
 * {@code flow_offload}: {@code flow add @FLOWTABLE}, puts the packet's connection into a flowtable
 * so that later packets take the fast path.
 *
 * <pre>
 * NFTA_EXPR_DATA
 *   NFTA_FLOW_TABLE_NAME  string
 * </pre>
 */
public record FlowOffload(String flowtable) implements Expr {
    // enum nft_offload_attributes
    static final Attr<String> NFTA_FLOW_TABLE_NAME = Attr.of(1, "NFTA_FLOW_TABLE_NAME", Codecs.STRING);
    static final AttrSchema SCHEMA = AttrSchema.of("nft_flow_offload", "NFTA_FLOW_", NFTA_FLOW_TABLE_NAME);

    public FlowOffload {
        Chain.checkName(flowtable);
    }

    @Override
    public String kind() {
        return "flow_offload";
    }

    @Override
    public void encodeData(MessageWriter w) {
        w.put(NFTA_FLOW_TABLE_NAME, flowtable);
    }

    static FlowOffload decode(AttrReader r) {
        String name = null;
        while (r.next()) {
            if (r.type() != 1) {
                return null;
            }
            name = r.string();
        }
        return name == null || name.isEmpty() ? null : new FlowOffload(name);
    }

    @Override
    public String toString() {
        return "[ flow_offload " + flowtable + " ]";
    }
}
