package io.github.netlink4j.rtnl;

import io.github.netlink4j.core.wire.MessageWriter;
import io.github.netlink4j.core.wire.RawAttribute;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A link kind this library has no codec for, kept as received: re-encoding writes the same bytes.
 *
 * @param kind IFLA_INFO_KIND
 * @param data the attributes of IFLA_INFO_DATA, or empty when the link had none
 */
public record RawLinkKind(String kind, Optional<List<RawAttribute>> data) implements LinkKind {
    public RawLinkKind {
        Objects.requireNonNull(kind, "kind");
        data = data.map(List::copyOf);
    }

    /** A kind with no IFLA_INFO_DATA. */
    public static RawLinkKind of(String kind) {
        return new RawLinkKind(kind, Optional.empty());
    }

    @Override
    public void encodeData(MessageWriter w) {
        data.ifPresent(list -> list.forEach(a -> a.writeTo(w)));
    }

    @Override
    public boolean hasData() {
        return data.isPresent();
    }

    @Override
    public String toIpArgs() {
        return "type " + kind;
    }
}
