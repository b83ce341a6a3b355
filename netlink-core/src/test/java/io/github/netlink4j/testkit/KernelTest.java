package io.github.netlink4j.testkit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test that talks to the real kernel (tag {@code kernel}): it needs root, and the kernel
 * features listed. On the host, a missing feature aborts the test as "needs VM: ..." (the VM run
 * executes it); inside the test VM ({@code NETLINK4J_VM=1}) a missing feature fails it.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag("kernel")
@ExtendWith(KernelCondition.class)
public @interface KernelTest {
    KernelFeature[] needs() default {};
}
