package io.github.netlink4j.rtnl;

import io.github.netlink4j.core.wire.MessageWriter;
import io.github.netlink4j.core.wire.RawAttribute;
import io.github.netlink4j.rtnl.internal.RtCodecs;

import java.util.List;

/**
 * A dummy device ({@code type dummy}): no kind attributes.
 *
 * @param other IFLA_INFO_DATA attributes, should a kernel ever send some; kept as received
 */
public record Dummy(List<RawAttribute> other) implements LinkKind {
    /** IFLA_INFO_KIND. */
    public static final String KIND = "dummy";

    public Dummy {
        other = List.copyOf(other);
    }

    public static Dummy of() {
        return new Dummy(List.of());
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public boolean hasData() {
        return !other.isEmpty();
    }

    @Override
    public void encodeData(MessageWriter w) {
        RtCodecs.putAll(w, other);
    }

    @Override
    public String toIpArgs() {
        return "type dummy";
    }
}
