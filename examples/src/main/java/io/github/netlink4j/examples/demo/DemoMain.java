package io.github.netlink4j.examples.demo;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Runs the gateway demo and exits 0 when every check passed, 1 when one failed, 2 on bad usage:
 * <pre>
 * java ... io.github.netlink4j.examples.demo.DemoMain [--keep] [--verbose] [--config FILE] [--timeout SECONDS]
 * </pre>
 * {@code --keep} leaves the namespaces in place to look around ({@code ip netns exec PREFIX-gw ...});
 * {@code --verbose} shows the gateway's log (every change it sends, as the ip/nft command it stands
 * for) on stderr; the tenant file defaults to {@code examples/gateway.sample.json}; {@code --timeout}
 * bounds each network operation (default 20 s).
 */
public final class DemoMain {
    private static final String GATEWAY_LOG_LEVEL = "org.slf4j.simpleLogger.log.io.github.netlink4j.examples.gateway";

    private DemoMain() {
    }

    public static void main(String[] args) {
        boolean keep = false;
        boolean verbose = false;
        Path config = null;
        Duration timeout = Duration.ofSeconds(20);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--keep" -> keep = true;
                case "--verbose" -> verbose = true;
                case "--config" -> config = Path.of(value(args, ++i, "--config"));
                case "--timeout" -> {
                    String v = value(args, ++i, "--timeout");
                    long s;
                    try {
                        s = Long.parseLong(v);
                    } catch (NumberFormatException e) {
                        s = -1;
                    }
                    if (s < 1 || s > 3600) {
                        usage("--timeout must be 1..3600 seconds, got " + v);
                    }
                    timeout = Duration.ofSeconds(s);
                }
                case "-h", "--help" -> {
                    usage(null);
                }
                default -> usage("unknown argument " + args[i]);
            }
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            System.err.println("demo: needs root (network namespaces, CAP_NET_ADMIN)");
            System.exit(2);
        }
        if (!verbose && System.getProperty(GATEWAY_LOG_LEVEL) == null) {
            // before the first logger is made: the report shows what the gateway did, read back, and
            // its warnings
            System.setProperty(GATEWAY_LOG_LEVEL, "error");
        }
        Demo.Options o = new Demo.Options(config != null ? config : Demo.sampleConfig(), keep, Topology.uniquePrefix(), timeout);
        Demo.Result r = Demo.run(o, System.out);
        System.exit(r.passed() ? 0 : 1);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            usage(option + " needs a value");
        }
        return args[i];
    }

    private static void usage(String error) {
        if (error != null) {
            System.err.println("demo: " + error);
        }
        System.err.println("usage: DemoMain [--keep] [--verbose] [--config FILE] [--timeout SECONDS]");
        System.exit(error == null ? 0 : 2);
    }
}
