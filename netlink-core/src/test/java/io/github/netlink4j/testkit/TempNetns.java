package io.github.netlink4j.testkit;

import io.github.netlink4j.core.NetNs;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.concurrent.ThreadLocalRandom;

/**
 * A throwaway named network namespace per test, made with the library's own {@link NetNs#create}
 * and deleted after the test whether it passed or not.
 *
 * <pre>{@code @RegisterExtension final TempNetns ns = new TempNetns();}</pre>
 */
public final class TempNetns implements BeforeEachCallback, AfterEachCallback {
    private String name;
    private NetNs handle;

    @Override
    public void beforeEach(ExtensionContext context) {
        name = "nl4j-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffffL);
        handle = NetNs.create(name);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            if (handle != null) {
                handle.close();
            }
        } finally {
            if (name != null && NetNs.exists(name)) {
                NetNs.delete(name);
            }
            handle = null;
        }
    }

    /** The namespace's name, for {@code ip -n NAME}. */
    public String name() {
        if (name == null) {
            throw new IllegalStateException("no namespace outside a test");
        }
        return name;
    }

    /** A handle on the namespace, for the library. */
    public NetNs handle() {
        if (handle == null) {
            throw new IllegalStateException("no namespace outside a test");
        }
        return handle;
    }
}
