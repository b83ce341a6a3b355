package io.github.netlink4j.rtnl;

import java.util.ArrayList;
import java.util.List;

/**
 * The state of a neighbour entry (ndm_state): a set of the NUD_* bits of
 * include/uapi/linux/neighbour.h, open to bits this class does not name. An entry is normally in
 * exactly one state; {@link #NONE} is NUD_NONE.
 *
 * @param bits the NUD_* bits (u16)
 */
public record NeighbourState(int bits) {
    public static final int NUD_NONE = 0x00;
    public static final int NUD_INCOMPLETE = 0x01;
    public static final int NUD_REACHABLE = 0x02;
    public static final int NUD_STALE = 0x04;
    public static final int NUD_DELAY = 0x08;
    public static final int NUD_PROBE = 0x10;
    public static final int NUD_FAILED = 0x20;
    public static final int NUD_NOARP = 0x40;
    public static final int NUD_PERMANENT = 0x80;

    public static final NeighbourState NONE = new NeighbourState(NUD_NONE);
    public static final NeighbourState INCOMPLETE = new NeighbourState(NUD_INCOMPLETE);
    public static final NeighbourState REACHABLE = new NeighbourState(NUD_REACHABLE);
    public static final NeighbourState STALE = new NeighbourState(NUD_STALE);
    public static final NeighbourState DELAY = new NeighbourState(NUD_DELAY);
    public static final NeighbourState PROBE = new NeighbourState(NUD_PROBE);
    public static final NeighbourState FAILED = new NeighbourState(NUD_FAILED);
    public static final NeighbourState NOARP = new NeighbourState(NUD_NOARP);
    /** The state ip gives an entry it adds when {@code nud} is not named. */
    public static final NeighbourState PERMANENT = new NeighbourState(NUD_PERMANENT);

    private static final String[] NAMES = {"incomplete", "reachable", "stale", "delay", "probe", "failed", "noarp",
        "permanent"};

    public NeighbourState {
        if (bits < 0 || bits > 0xffff) {
            throw new IllegalArgumentException("neighbour state must be in 0..65535 (u16), was " + bits);
        }
    }

    public static NeighbourState of(int bits) {
        return switch (bits) {
            case NUD_NONE -> NONE;
            case NUD_INCOMPLETE -> INCOMPLETE;
            case NUD_REACHABLE -> REACHABLE;
            case NUD_STALE -> STALE;
            case NUD_DELAY -> DELAY;
            case NUD_PROBE -> PROBE;
            case NUD_FAILED -> FAILED;
            case NUD_NOARP -> NOARP;
            case NUD_PERMANENT -> PERMANENT;
            default -> new NeighbourState(bits);
        };
    }

    /** Whether every bit of {@code state} is set. */
    public boolean has(int state) {
        return (bits & state) == state;
    }

    /** The states as ip writes them after {@code nud}, lower case ({@code 0x100} for unnamed bits). */
    public List<String> names() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            if ((bits & (1 << i)) != 0) {
                out.add(i < NAMES.length ? NAMES[i] : "0x" + Integer.toHexString(1 << i));
            }
        }
        if (out.isEmpty()) {
            out.add("none");
        }
        return out;
    }

    @Override
    public String toString() {
        return String.join(",", names());
    }
}
