package io.github.netlink4j.examples.probe;

import java.time.Duration;
import java.util.List;

/**
 * {@code java ... io.github.netlink4j.examples.probe.ProbeMain [--quiet] [--gateway] [--timeout SECONDS]}:
 * tries every feature ({@link KernelProbe}), prints the table, and exits 0 when the kernel supports
 * them all, 1 otherwise (2 for bad arguments). {@code --gateway} answers for the features the
 * reference gateway uses ({@link ProbeFeature#gatewayUses()}) only. {@code --quiet} prints nothing:
 * the exit code alone answers.
 */
public final class ProbeMain {
    private ProbeMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        boolean quiet = false;
        boolean gatewayOnly = false;
        Duration timeout = KernelProbe.DEFAULT_TIMEOUT;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quiet", "-q" -> quiet = true;
                case "--gateway" -> gatewayOnly = true;
                case "--timeout" -> {
                    if (i + 1 >= args.length) {
                        return usage("--timeout needs a number of seconds");
                    }
                    try {
                        long s = Long.parseLong(args[++i]);
                        if (s < 1 || s > 3600) {
                            return usage("--timeout must be 1..3600 seconds, got " + s);
                        }
                        timeout = Duration.ofSeconds(s);
                    } catch (NumberFormatException e) {
                        return usage("--timeout must be 1..3600 seconds, got \"" + args[i] + "\"");
                    }
                }
                case "--help", "-h" -> {
                    System.out.println(USAGE);
                    return 0;
                }
                default -> {
                    return usage("unknown argument \"" + args[i] + "\"");
                }
            }
        }
        List<ProbeResult> results = KernelProbe.run(timeout);
        if (!quiet) {
            System.out.println("kernel " + KernelProbe.kernelRelease());
            System.out.println();
            System.out.print(KernelProbe.table(results));
        }
        boolean onlyGateway = gatewayOnly;
        return results.stream().filter(r -> !onlyGateway || r.feature().gatewayUses())
                .allMatch(ProbeResult::supported) ? 0 : 1;
    }

    private static final String USAGE = "usage: ProbeMain [--quiet] [--gateway] [--timeout SECONDS]\n"
            + "  tries each kernel feature the gateway needs in scratch network namespaces and prints a table;\n"
            + "  exit 0 when all are supported, 1 otherwise; --gateway: only those the reference gateway uses;\n"
            + "  --quiet prints nothing";

    private static int usage(String problem) {
        System.err.println(problem);
        System.err.println(USAGE);
        return 2;
    }
}
