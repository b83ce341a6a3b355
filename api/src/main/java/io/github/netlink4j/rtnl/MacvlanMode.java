package io.github.netlink4j.rtnl;

/**
 * How a macvlan forwards between its siblings (IFLA_MACVLAN_MODE): an open enum of
 * {@code enum macvlan_mode} in include/uapi/linux/if_link.h.
 *
 * @param number the MACVLAN_MODE_* value
 * @param name   the ip word, e.g. {@code bridge}
 */
public record MacvlanMode(int number, String name) {
    /** MACVLAN_MODE_PRIVATE: don't talk to other macvlans. */
    public static final MacvlanMode PRIVATE = new MacvlanMode(1, "private");
    /** MACVLAN_MODE_VEPA: talk to other ports through the external bridge (the kernel's default). */
    public static final MacvlanMode VEPA = new MacvlanMode(2, "vepa");
    /** MACVLAN_MODE_BRIDGE: talk to bridge ports directly. */
    public static final MacvlanMode BRIDGE = new MacvlanMode(4, "bridge");
    /** MACVLAN_MODE_PASSTHRU: take over the underlying device. */
    public static final MacvlanMode PASSTHRU = new MacvlanMode(8, "passthru");
    /** MACVLAN_MODE_SOURCE: use the source MAC address list to assign. */
    public static final MacvlanMode SOURCE = new MacvlanMode(16, "source");

    public MacvlanMode {
        java.util.Objects.requireNonNull(name, "name");
    }

    public static MacvlanMode of(int number) {
        return switch (number) {
            case 1 -> PRIVATE;
            case 2 -> VEPA;
            case 4 -> BRIDGE;
            case 8 -> PASSTHRU;
            case 16 -> SOURCE;
            default -> new MacvlanMode(number, Integer.toUnsignedString(number));
        };
    }

    @Override
    public String toString() {
        return name;
    }
}
