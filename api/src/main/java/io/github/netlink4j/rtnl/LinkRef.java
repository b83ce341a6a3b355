package io.github.netlink4j.rtnl;

import java.util.Objects;

/**
 * A device named by name or by index, as in {@code dev veth0} or {@code dev if7}. Names resolve to
 * an index through the library ({@link Links#indexOf}) right before a request is sent.
 */
public sealed interface LinkRef {
    /** The device called {@code name} (validated as {@link Link#validateName} does, altnames up to 127 bytes allowed). */
    static LinkRef name(String name) {
        return new ByName(name);
    }

    /** The device with ifindex {@code index} (1..2^31-1; 0 only where the kernel gives it a meaning). */
    static LinkRef index(int index) {
        return new ByIndex(index);
    }

    /** A device name. */
    record ByName(String name) implements LinkRef {
        public ByName {
            Objects.requireNonNull(name, "name");
            Link.validateLookupName(name);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A device index; prints as {@code if7}, which ip also accepts as a device name. */
    record ByIndex(int index) implements LinkRef {
        public ByIndex {
            if (index < 0) {
                throw new IllegalArgumentException("ifindex must be >= 0, was " + index);
            }
        }

        @Override
        public String toString() {
            return "if" + index;
        }
    }
}
