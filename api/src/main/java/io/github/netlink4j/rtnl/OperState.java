package io.github.netlink4j.rtnl;

/**
 * The RFC 2863 operational state of a link (IFLA_OPERSTATE), an open enum of include/uapi/linux/if.h
 * {@code IF_OPER_*}.
 *
 * @param number the IF_OPER_* value (u8)
 * @param name   the state as ip prints it, e.g. {@code UP}
 */
public record OperState(int number, String name) {
    public static final OperState UNKNOWN = new OperState(0, "UNKNOWN");
    public static final OperState NOTPRESENT = new OperState(1, "NOTPRESENT");
    public static final OperState DOWN = new OperState(2, "DOWN");
    public static final OperState LOWERLAYERDOWN = new OperState(3, "LOWERLAYERDOWN");
    public static final OperState TESTING = new OperState(4, "TESTING");
    public static final OperState DORMANT = new OperState(5, "DORMANT");
    public static final OperState UP = new OperState(6, "UP");

    public OperState {
        if (number < 0 || number > 255) {
            throw new IllegalArgumentException("operstate must be in 0..255 (u8), was " + number);
        }
    }

    public static OperState of(int number) {
        return switch (number) {
            case 0 -> UNKNOWN;
            case 1 -> NOTPRESENT;
            case 2 -> DOWN;
            case 3 -> LOWERLAYERDOWN;
            case 4 -> TESTING;
            case 5 -> DORMANT;
            case 6 -> UP;
            default -> new OperState(number, Integer.toString(number));
        };
    }

    @Override
    public String toString() {
        return name;
    }
}
