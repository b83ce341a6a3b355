package io.github.netlink4j.core;

import java.util.Objects;

/**
 * A Linux error number with its symbolic name ({@code ENOENT}), an open enum: every number is
 * representable, names come from jnr-constants for this platform.
 *
 * @param number the positive errno value
 * @param name   the symbolic name, or {@code "E?" + number} when the platform has none
 */
public record Errno(int number, String name) {
    public static final Errno EPERM = of(1);
    public static final Errno ENOENT = of(2);
    public static final Errno ESRCH = of(3);
    public static final Errno EINTR = of(4);
    public static final Errno EAGAIN = of(11);
    public static final Errno ENOMEM = of(12);
    public static final Errno EBUSY = of(16);
    public static final Errno EEXIST = of(17);
    public static final Errno ENODEV = of(19);
    public static final Errno EINVAL = of(22);
    public static final Errno ENOSPC = of(28);
    public static final Errno ERANGE = of(34);
    public static final Errno EOPNOTSUPP = of(95);
    public static final Errno EAFNOSUPPORT = of(97);
    public static final Errno ENOBUFS = of(105);
    public static final Errno ENETUNREACH = of(101);

    public Errno {
        Objects.requireNonNull(name, "name");
        if (number < 0) {
            throw new IllegalArgumentException("errno must be >= 0, was " + number);
        }
    }

    /** The errno for {@code number} (positive; a negative netlink error code is negated). */
    public static Errno of(int number) {
        int n = Math.abs(number);
        jnr.constants.platform.Errno e = jnr.constants.platform.Errno.valueOf(n);
        String name = (e == null || e == jnr.constants.platform.Errno.__UNKNOWN_CONSTANT__)
                ? "E?" + n : e.name();
        return new Errno(n, name);
    }

    /** The platform's text for this error, e.g. "No such file or directory". */
    public String description() {
        jnr.constants.platform.Errno e = jnr.constants.platform.Errno.valueOf(number);
        return e == null || e == jnr.constants.platform.Errno.__UNKNOWN_CONSTANT__
                ? name : e.description();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Errno other && other.number == number;
    }

    @Override
    public int hashCode() {
        return number;
    }

    @Override
    public String toString() {
        return name + " (" + number + ")";
    }
}
