package io.github.netlink4j.rtnl;

/**
 * What a fib rule does when it matches (FR_ACT_*), an open enum: values from include/uapi/linux/fib_rules.h; {@link #of(int)} gives a new
 * instance for a number this library does not name.
 *
 * @param number the kernel's value
 * @param name   the word ip uses for it
 */
public record RuleAction(int number, String name) {
    public static final RuleAction UNSPEC = new RuleAction(0, "unspec");
    public static final RuleAction TO_TBL = new RuleAction(1, "lookup");
    public static final RuleAction GOTO = new RuleAction(2, "goto");
    public static final RuleAction NOP = new RuleAction(3, "nop");
    public static final RuleAction BLACKHOLE = new RuleAction(6, "blackhole");
    public static final RuleAction UNREACHABLE = new RuleAction(7, "unreachable");
    public static final RuleAction PROHIBIT = new RuleAction(8, "prohibit");

    public RuleAction {
        if (number < 0 || number > 255) {
            throw new IllegalArgumentException("RuleAction must be in 0..255, was " + number);
        }
        java.util.Objects.requireNonNull(name, "name");
    }

    /** The constant for {@code number}, or a new unnamed instance. */
    public static RuleAction of(int number) {
        return switch (number) {
            case 0 -> UNSPEC;
            case 1 -> TO_TBL;
            case 2 -> GOTO;
            case 3 -> NOP;
            case 6 -> BLACKHOLE;
            case 7 -> UNREACHABLE;
            case 8 -> PROHIBIT;
            default -> new RuleAction(number, Integer.toString(number));
        };
    }

    /** The constant named {@code name} as ip writes it, or a number. */
    public static RuleAction parse(String name) {
        return switch (name) {
            case "unspec" -> UNSPEC;
            case "lookup" -> TO_TBL;
            case "goto" -> GOTO;
            case "nop" -> NOP;
            case "blackhole" -> BLACKHOLE;
            case "unreachable" -> UNREACHABLE;
            case "prohibit" -> PROHIBIT;
            default -> {
                try {
                    yield of(Integer.parseInt(name));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("unknown RuleAction \"" + name + "\"");
                }
            }
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RuleAction other && other.number == number;
    }

    @Override
    public int hashCode() {
        return number;
    }

    @Override
    public String toString() {
        return name;
    }
}
