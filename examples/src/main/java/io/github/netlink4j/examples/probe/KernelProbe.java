package io.github.netlink4j.examples.probe;

import io.github.netlink4j.core.KernelException;
import io.github.netlink4j.nft.TransactionException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Tells whether the running kernel supports each thing the multi-tenant gateway needs, by trying it
 * for real in scratch network namespaces, through the library only (no {@code ip} or {@code nft}
 * process):
 * <pre>{@code
 * for (ProbeResult r : KernelProbe.run()) {
 *     System.out.println(r);   // "flowtables: no — EOPNOTSUPP (Operation not supported) ... in: nft add flowtable ..."
 * }
 * }</pre>
 * Each feature runs in namespaces of its own ({@code nl4j-probe-XXXXXX-...}), deleted afterwards
 * whatever happened; one feature failing does not stop the others; each has a time limit
 * ({@link #DEFAULT_TIMEOUT} unless given), after which it counts as unsupported and its namespaces
 * are deleted. When the kernel refuses a request the detail is its answer (errno, extended-ACK
 * text, the attribute it pointed at, and the request as the {@code ip}/{@code nft} command); when
 * it accepts everything but does not behave, a one-line reason. A missing module is what the
 * kernel says of it (e.g. {@code EOPNOTSUPP: Unknown device type}). Needs root (CAP_NET_ADMIN and
 * CAP_SYS_ADMIN for the namespaces).
 */
public final class KernelProbe {
    /** The time each feature may take: generous, for slow (emulated) machines. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(90);

    private KernelProbe() {
    }

    /** Every feature, in {@link ProbeFeature} order, each within {@link #DEFAULT_TIMEOUT}. */
    public static List<ProbeResult> run() {
        return run(EnumSet.allOf(ProbeFeature.class), DEFAULT_TIMEOUT);
    }

    /** Every feature, each within {@code timeout}. */
    public static List<ProbeResult> run(Duration timeout) {
        return run(EnumSet.allOf(ProbeFeature.class), timeout);
    }

    /**
     * The features of {@code features}, in {@link ProbeFeature} order, one after the other, each within
     * {@code timeout} (1 s .. 1 h).
     */
    public static List<ProbeResult> run(Set<ProbeFeature> features, Duration timeout) {
        Objects.requireNonNull(features, "features");
        checkTimeout(timeout);
        return run(features, timeout, Probes::run);
    }

    /** What trying one feature does: returns when supported, throws why not. */
    @FunctionalInterface
    interface Body {
        void run(ProbeFeature feature, Scratch scratch) throws Exception;
    }

    static List<ProbeResult> run(Set<ProbeFeature> features, Duration timeout, Body body) {
        List<ProbeResult> out = new ArrayList<>();
        for (ProbeFeature f : features.isEmpty() ? EnumSet.noneOf(ProbeFeature.class) : EnumSet.copyOf(features)) {
            out.add(probe(f, timeout, body));
        }
        return out;
    }

    /** Tries one feature within {@code timeout} (1 s .. 1 h). */
    public static ProbeResult probe(ProbeFeature feature, Duration timeout) {
        return probe(feature, timeout, Probes::run);
    }

    static ProbeResult probe(ProbeFeature feature, Duration timeout, Body body) {
        Objects.requireNonNull(feature, "feature");
        checkTimeout(timeout);
        Scratch scratch = new Scratch(feature);
        FutureTask<ProbeResult> task = new FutureTask<>(() -> {
            try {
                body.run(feature, scratch);
                return ProbeResult.yes(feature);
            } catch (Throwable t) {
                return ProbeResult.no(feature, describe(t));
            }
        });
        Thread worker = new Thread(task, "probe-" + feature.name().toLowerCase());
        worker.setDaemon(true);
        worker.start();
        ProbeResult result;
        try {
            result = task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            worker.interrupt();
            result = ProbeResult.no(feature, "timed out after " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            worker.interrupt();
            Thread.currentThread().interrupt();
            result = ProbeResult.no(feature, "interrupted");
        } catch (ExecutionException e) {
            result = ProbeResult.no(feature, describe(e.getCause()));
        } finally {
            try {
                scratch.close();
            } catch (RuntimeException e) {
                // reported below only if nothing else was
            }
        }
        return result;
    }

    private static void checkTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.compareTo(Duration.ofSeconds(1)) < 0 || timeout.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("timeout must be 1 s .. 1 h, got " + timeout);
        }
    }

    /** The kernel's answer, or the reason, in one line. */
    static String describe(Throwable t) {
        if (t instanceof Probes.Missing m) {
            return m.getMessage();
        }
        if (t instanceof KernelException k) {
            StringBuilder sb = new StringBuilder();
            sb.append(k.errno().name()).append(" (").append(k.errno().number()).append(", ").append(k.errno().description())
                    .append(')');
            k.extackMessage().filter(x -> !x.isEmpty()).ifPresent(x -> sb.append(": ").append(x));
            k.attributePath().filter(x -> !x.isEmpty()).ifPresent(x -> sb.append(" [attribute ").append(x).append(']'));
            String op = k.request().isEmpty() ? k.operation() : k.request();
            if (t instanceof TransactionException && !k.request().isEmpty()) {
                op = "nft " + k.request().replaceFirst("^nft ", "");
            }
            sb.append(" in: ").append(op);
            return oneLine(sb.toString());
        }
        if (t instanceof UncheckedIOException u) {
            return oneLine(u.getMessage());
        }
        String m = t.getMessage();
        return oneLine(t.getClass().getSimpleName() + (m == null ? "" : ": " + m));
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    /** The running kernel's release ({@code uname -r}). */
    public static String kernelRelease() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim();
        } catch (IOException e) {
            return System.getProperty("os.version", "unknown");
        }
    }

    /**
     * The results as a Markdown table: feature, {@code yes}/{@code no}, and the kernel's answer when
     * no ({@code |} in it escaped).
     */
    public static String table(List<ProbeResult> results) {
        Objects.requireNonNull(results, "results");
        int w = "feature".length();
        for (ProbeResult r : results) {
            w = Math.max(w, r.feature().displayName().length());
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("| %-" + w + "s | supported | the kernel's answer when not |%n", "feature"));
        sb.append("| ").append("-".repeat(w)).append(" | --------- | ---------------------------- |").append(System.lineSeparator());
        for (ProbeResult r : results) {
            sb.append(String.format("| %-" + w + "s | %-9s | %s |%n", r.feature().displayName(), r.supported() ? "yes" : "no",
                    r.detail().map(d -> d.replace("|", "\\|")).orElse("")));
        }
        return sb.toString();
    }
}
