package io.github.netlink4j.rtnl;

import io.github.netlink4j.core.wire.RawAttribute;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Route metrics, the contents of RTA_METRICS: RTAX_* values (include/uapi/linux/rtnetlink.h) and
 * which of them are locked ({@code mtu lock 1400}: RTAX_LOCK carries bit 1 << RTAX_MTU).
 *
 * @param values RTAX number (2..255, RTAX_LOCK excluded) to u32 value
 * @param locked RTAX_LOCK: a bit mask of locked metrics (bit 1 << RTAX_*)
 * @param other  metrics that are not a u32 (RTAX_CC_ALGO carries a string), kept raw and re-sent
 *               byte for byte
 */
public record RouteMetrics(Map<Integer, Integer> values, int locked, List<RawAttribute> other) {
    /** No metrics. */
    public static final RouteMetrics NONE = new RouteMetrics(Map.of(), 0);

    /** RTAX_MTU. */
    public static final int MTU = 2;
    /** RTAX_WINDOW. */
    public static final int WINDOW = 3;
    /** RTAX_ADVMSS. */
    public static final int ADVMSS = 8;
    /** RTAX_HOPLIMIT. */
    public static final int HOPLIMIT = 10;
    /** RTAX_INITCWND. */
    public static final int INITCWND = 11;
    /** RTAX_INITRWND. */
    public static final int INITRWND = 14;

    public RouteMetrics {
        Objects.requireNonNull(values, "values");
        TreeMap<Integer, Integer> copy = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k < 2 || k > 255) {
                throw new IllegalArgumentException("metric number must be in 2..255 (RTAX_*, RTAX_LOCK excluded), was " + k);
            }
            copy.put(k, Objects.requireNonNull(v, "metric value"));
        });
        values = Collections.unmodifiableMap(copy);
        other = List.copyOf(other);
    }

    /** Metrics without raw ones. */
    public RouteMetrics(Map<Integer, Integer> values, int locked) {
        this(values, locked, List.of());
    }

    public boolean isEmpty() {
        return values.isEmpty() && locked == 0 && other.isEmpty();
    }

    /** RTAX_MTU. */
    public OptionalInt mtu() {
        Integer v = values.get(MTU);
        return v == null ? OptionalInt.empty() : OptionalInt.of(v);
    }

    /** Whether RTAX_LOCK carries the bit of {@code metric}. */
    public boolean isLocked(int metric) {
        return metric >= 0 && metric < 32 && (locked & (1 << metric)) != 0;
    }

    /** These metrics with {@code metric} set to {@code value}, locked or not. */
    public RouteMetrics with(int metric, int value, boolean lock) {
        if (lock && metric > 31) {
            throw new IllegalArgumentException("only metrics 2..31 can be locked (RTAX_LOCK is a u32 bit mask), was " + metric);
        }
        TreeMap<Integer, Integer> m = new TreeMap<>(values);
        m.put(metric, value);
        int bit = metric < 32 ? 1 << metric : 0;
        return new RouteMetrics(m, lock ? locked | bit : locked & ~bit, other);
    }

    /** As ip writes them: {@code mtu lock 1400 advmss 1360}. */
    public String toIpArgs() {
        StringBuilder sb = new StringBuilder();
        values.forEach((k, v) -> {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(name(k)).append(' ');
            if (isLocked(k)) {
                sb.append("lock ");
            }
            sb.append(Integer.toUnsignedString(v));
        });
        return sb.toString();
    }

    private static String name(int metric) {
        return switch (metric) {
            case MTU -> "mtu";
            case WINDOW -> "window";
            case 4 -> "rtt";
            case 5 -> "rttvar";
            case 6 -> "ssthresh";
            case 7 -> "cwnd";
            case ADVMSS -> "advmss";
            case 9 -> "reordering";
            case HOPLIMIT -> "hoplimit";
            case INITCWND -> "initcwnd";
            case 12 -> "features";
            case 13 -> "rto_min";
            case INITRWND -> "initrwnd";
            case 15 -> "quickack";
            default -> "metric" + metric;
        };
    }
}
