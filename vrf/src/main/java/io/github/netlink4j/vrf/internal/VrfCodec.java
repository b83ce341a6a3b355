package io.github.netlink4j.vrf.internal;

import io.github.netlink4j.core.MalformedMessageException;
import io.github.netlink4j.core.wire.AttrReader;
import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.RawAttribute;
import io.github.netlink4j.rtnl.LinkKind;
import io.github.netlink4j.rtnl.LinkKindCodec;
import io.github.netlink4j.vrf.Vrf;

import java.util.ArrayList;
import java.util.List;

/** Decodes kind {@code vrf}; found by the api through ServiceLoader. */
public final class VrfCodec implements LinkKindCodec {
    @Override
    public String kind() {
        return "vrf";
    }

    @Override
    public AttrSchema dataSchema() {
        return Vrf.IFLA_VRF;
    }

    @Override
    public LinkKind decode(AttrReader r) {
        int table = 0;
        List<RawAttribute> unknown = new ArrayList<>();
        while (r != null && r.next()) {
            if (r.type() == 1) {
                table = r.u32();
            } else {
                unknown.add(r.raw());
            }
        }
        if (table == 0) {
            throw new MalformedMessageException("vrf without IFLA_VRF_TABLE", "IFLA_INFO_DATA", 0, "");
        }
        return new Vrf(table, unknown);
    }
}
