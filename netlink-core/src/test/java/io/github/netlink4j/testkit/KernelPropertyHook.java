package io.github.netlink4j.testkit;

import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link KernelTest} for jqwik properties, which JUnit Jupiter extensions do not reach: on a host
 * that lacks a needed feature the property is skipped as "needs VM" (and the test command then
 * requires it to pass in the VM); as non-root, or inside the VM, nothing is skipped and a missing
 * feature fails the property.
 *
 * <pre>{@code
 * @KernelTest(needs = KernelFeature.VRF)
 * @net.jqwik.api.Tag("kernel")
 * @AddLifecycleHook(KernelPropertyHook.class)
 * class SomeKernelProperties { ... }
 * }</pre>
 */
public final class KernelPropertyHook implements SkipExecutionHook {
    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
        List<String> missing = new ArrayList<>();
        for (KernelTest t : context.findAnnotationsInContainer(KernelTest.class)) {
            for (KernelFeature f : t.needs()) {
                if (!f.present()) {
                    missing.add(f.name().toLowerCase());
                }
            }
        }
        context.findAnnotation(KernelTest.class).ifPresent(t -> {
            for (KernelFeature f : t.needs()) {
                if (!f.present() && !missing.contains(f.name().toLowerCase())) {
                    missing.add(f.name().toLowerCase());
                }
            }
        });
        if (missing.isEmpty() || KernelCondition.inVm()) {
            return SkipResult.doNotSkip();
        }
        return SkipResult.skip("needs VM: " + String.join(", ", missing));
    }
}
