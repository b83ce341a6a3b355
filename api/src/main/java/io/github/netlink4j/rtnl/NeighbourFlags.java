package io.github.netlink4j.rtnl;

import java.util.ArrayList;
import java.util.List;

/**
 * Neighbour flags (ndm_flags): the NTF_* bits of include/uapi/linux/neighbour.h, an open set.
 *
 * @param bits the NTF_* bits (u8)
 */
public record NeighbourFlags(int bits) {
    public static final int NTF_USE = 1;
    public static final int NTF_SELF = 1 << 1;
    public static final int NTF_MASTER = 1 << 2;
    /** A proxy entry ({@code ip neigh add proxy ADDR}). */
    public static final int NTF_PROXY = 1 << 3;
    /** Added by an external control plane ({@code extern_learn}). */
    public static final int NTF_EXT_LEARNED = 1 << 4;
    public static final int NTF_OFFLOADED = 1 << 5;
    public static final int NTF_STICKY = 1 << 6;
    /** The neighbour is a router ({@code router}). */
    public static final int NTF_ROUTER = 1 << 7;

    public static final NeighbourFlags NONE = new NeighbourFlags(0);

    private static final String[] NAMES = {"use", "self", "master", "proxy", "extern_learn", "offload", "sticky",
        "router"};

    public NeighbourFlags {
        if (bits < 0 || bits > 0xff) {
            throw new IllegalArgumentException("neighbour flags must be in 0..255 (u8), was " + bits);
        }
    }

    public static NeighbourFlags of(int bits) {
        return bits == 0 ? NONE : new NeighbourFlags(bits);
    }

    public boolean has(int flag) {
        return (bits & flag) == flag;
    }

    public NeighbourFlags with(int flag) {
        return of(bits | flag);
    }

    /** The names of the set bits. */
    public List<String> names() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            if ((bits & (1 << i)) != 0) {
                out.add(NAMES[i]);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return String.join(" ", names());
    }
}
