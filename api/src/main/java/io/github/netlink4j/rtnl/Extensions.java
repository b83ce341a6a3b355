package io.github.netlink4j.rtnl;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry of link kinds and route encaps the decoders know. Codecs on the class or module path
 * are found with {@link ServiceLoader} the first time the registry is used; {@link #register}
 * adds others (an application's own kinds).
 */
public final class Extensions {
    private static final Map<String, LinkKindCodec> KINDS = new ConcurrentHashMap<>();
    private static final Map<Integer, RouteEncapCodec> ENCAPS = new ConcurrentHashMap<>();

    static {
        for (LinkKindCodec c : ServiceLoader.load(LinkKindCodec.class, Extensions.class.getClassLoader())) {
            KINDS.putIfAbsent(c.kind(), c);
        }
        for (RouteEncapCodec c : ServiceLoader.load(RouteEncapCodec.class, Extensions.class.getClassLoader())) {
            ENCAPS.putIfAbsent(c.encapType(), c);
        }
    }

    private Extensions() {
    }

    /** Registers a link kind codec, replacing any for the same kind. */
    public static void register(LinkKindCodec codec) {
        KINDS.put(Objects.requireNonNull(codec, "codec").kind(), codec);
    }

    /** Registers a route encap codec, replacing any for the same type. */
    public static void register(RouteEncapCodec codec) {
        ENCAPS.put(Objects.requireNonNull(codec, "codec").encapType(), codec);
    }

    /** The codec for IFLA_INFO_KIND {@code kind}. */
    public static Optional<LinkKindCodec> linkKind(String kind) {
        return Optional.ofNullable(KINDS.get(kind));
    }

    /** The codec for RTA_ENCAP_TYPE {@code type}. */
    public static Optional<RouteEncapCodec> routeEncap(int type) {
        return Optional.ofNullable(ENCAPS.get(type));
    }
}
