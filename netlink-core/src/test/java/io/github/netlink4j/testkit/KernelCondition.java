package io.github.netlink4j.testkit;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Enforces {@link KernelTest}: root, and the needed features (abort on the host, fail in the VM). */
public final class KernelCondition implements BeforeEachCallback {
    /** Whether this JVM runs inside the project's test VM. */
    public static boolean inVm() {
        return "1".equals(System.getenv("NETLINK4J_VM"));
    }

    private static boolean strict() {
        return inVm() || "true".equals(System.getenv("CI"));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Set<KernelFeature> needs = EnumSet.noneOf(KernelFeature.class);
        collect(context.getRequiredTestClass(), needs);
        context.getTestMethod().ifPresent(m -> collect(m, needs));
        if (!isRoot()) {
            String msg = "kernel tests need root (CAP_NET_ADMIN)";
            if (strict()) {
                throw new AssertionError(msg);
            }
            throw new TestAbortedException(msg);
        }
        List<String> missing = new ArrayList<>();
        for (KernelFeature f : needs) {
            if (!f.present()) {
                missing.add(f.name().toLowerCase());
            }
        }
        if (!missing.isEmpty()) {
            if (inVm()) {
                StringBuilder sb = new StringBuilder("the test VM's kernel lacks " + missing + ":");
                for (KernelFeature f : needs) {
                    if (!f.present()) {
                        sb.append("\n  ").append(f.probe()).append(" -> ").append(f.failure());
                    }
                }
                throw new AssertionError(sb.toString());
            }
            throw new TestAbortedException("needs VM: " + String.join(", ", missing));
        }
    }

    private static void collect(AnnotatedElement e, Set<KernelFeature> into) {
        for (Class<?> c = e instanceof Class<?> k ? k : null; c != null; c = c.getEnclosingClass()) {
            KernelTest t = c.getAnnotation(KernelTest.class);
            if (t != null) {
                into.addAll(List.of(t.needs()));
            }
        }
        if (!(e instanceof Class<?>)) {
            KernelTest t = e.getAnnotation(KernelTest.class);
            if (t != null) {
                into.addAll(List.of(t.needs()));
            }
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
