package io.github.netlink4j.nft;

import java.util.Objects;

/**
 * A netfilter hook a base chain or flowtable attaches to: an open enum. The numbers are per family:
 * {@code enum nf_inet_hooks} (NF_INET_PRE_ROUTING 0 .. NF_INET_POST_ROUTING 4, NF_INET_INGRESS 5)
 * and, for the netdev family, {@code enum nf_dev_hooks} (NF_NETDEV_INGRESS 0, NF_NETDEV_EGRESS 1),
 * from include/uapi/linux/netfilter.h. Flowtables use NF_NETDEV_INGRESS.
 */
public record Hook(int number, String name, String keyword) {
    public static final Hook PREROUTING = new Hook(0, "NF_INET_PRE_ROUTING", "prerouting");
    public static final Hook INPUT = new Hook(1, "NF_INET_LOCAL_IN", "input");
    public static final Hook FORWARD = new Hook(2, "NF_INET_FORWARD", "forward");
    public static final Hook OUTPUT = new Hook(3, "NF_INET_LOCAL_OUT", "output");
    public static final Hook POSTROUTING = new Hook(4, "NF_INET_POST_ROUTING", "postrouting");
    /** The netdev family's ingress hook (also the hook of every flowtable). */
    public static final Hook INGRESS = new Hook(0, "NF_NETDEV_INGRESS", "ingress");
    public static final Hook EGRESS = new Hook(1, "NF_NETDEV_EGRESS", "egress");
    /** The inet family's ingress hook. */
    public static final Hook INET_INGRESS = new Hook(5, "NF_INET_INGRESS", "ingress");

    public Hook {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keyword, "keyword");
        if (number < 0) {
            throw new IllegalArgumentException("hook number must be >= 0, was " + number);
        }
    }

    /** The hook numbered {@code number} in a chain of {@code family}. */
    public static Hook of(Family family, int number) {
        if (family.equals(Family.NETDEV)) {
            return switch (number) {
                case 0 -> INGRESS;
                case 1 -> EGRESS;
                default -> new Hook(number, "NF_NETDEV_" + number, "hook" + number);
            };
        }
        return switch (number) {
            case 0 -> PREROUTING;
            case 1 -> INPUT;
            case 2 -> FORWARD;
            case 3 -> OUTPUT;
            case 4 -> POSTROUTING;
            case 5 -> INET_INGRESS;
            default -> new Hook(number, "NF_INET_" + number, "hook" + number);
        };
    }

    @Override
    public String toString() {
        return keyword;
    }
}
