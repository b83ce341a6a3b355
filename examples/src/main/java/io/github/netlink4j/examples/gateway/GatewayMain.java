package io.github.netlink4j.examples.gateway;

import io.github.netlink4j.core.NetNs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The gateway program:
 * <pre>
 * java -p ... -m io.github.netlink4j.examples/io.github.netlink4j.examples.gateway.GatewayMain \
 *      --config FILE [--netns NAME] [--once]
 * </pre>
 * It reconciles the namespace ({@code NAME} under /run/netns, else its own) with the tenant file
 * on start, then again whenever the file changes (a watch on its directory, changes within
 * {@value #DEBOUNCE_MILLIS} ms taken together, so an editor's write-and-rename is one reconcile)
 * and on SIGHUP, until it is stopped. A file that does not parse or check is logged with the
 * reason (tenant, field, value) and changes nothing: the namespace keeps what the last good file
 * made. Everything is reported through SLF4J.
 *
 * <p>Exit codes: 0 done ({@code --once} with everything applied); 1 the kernel refused part of it or
 * the namespace made the file impossible ({@code --once}), or the gateway could not start;
 * 2 bad command line; 3 the file is bad ({@code --once}).
 */
public final class GatewayMain {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayMain.class);

    /** Changes to the file closer together than this are taken as one. */
    public static final long DEBOUNCE_MILLIS = 200;

    static final int EXIT_OK = 0;
    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_BAD_CONFIG = 3;

    private static final String USAGE = "usage: GatewayMain --config FILE [--netns NAME] [--once]";

    private GatewayMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** The command line. */
    record Options(Path config, String netns, boolean once) {
        static Options parse(String... args) {
            Path config = null;
            String netns = null;
            boolean once = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--config" -> {
                        if (++i == args.length) {
                            throw new IllegalArgumentException("--config needs a file");
                        }
                        config = Path.of(args[i]);
                    }
                    case "--netns" -> {
                        if (++i == args.length) {
                            throw new IllegalArgumentException("--netns needs a namespace name");
                        }
                        netns = args[i];
                    }
                    case "--once" -> once = true;
                    case "-h", "--help" -> throw new IllegalArgumentException("");
                    default -> throw new IllegalArgumentException("unknown argument \"" + args[i] + "\"");
                }
            }
            if (config == null) {
                throw new IllegalArgumentException("--config FILE is required");
            }
            return new Options(config, netns, once);
        }
    }

    /** Runs the program; returns its exit code (only after {@code --once}, or when it cannot go on). */
    public static int run(String... args) {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println(e.getMessage());
            }
            System.err.println(USAGE);
            return EXIT_USAGE;
        }
        NetNs ns;
        try {
            ns = o.netns() == null ? NetNs.current() : NetNs.open(o.netns());
        } catch (RuntimeException e) {
            LOG.error("cannot open network namespace {}: {}", o.netns(), e.getMessage());
            return EXIT_FAILED;
        }
        try (ns; Daemon d = new Daemon(o.config(), ns)) {
            if (o.once()) {
                return d.reconcileOnce();
            }
            d.handleSighup();
            d.run();
            return EXIT_OK;
        } catch (RuntimeException e) {
            LOG.error("gateway failed: {}", e.toString());
            return EXIT_FAILED;
        }
    }

    /**
     * The reconcile loop: reconciles on start, on every change to the file and on {@link #trigger};
     * {@link #close} stops it. Package-private so tests run it on a thread of their own.
     */
    static final class Daemon implements AutoCloseable {
        private final Path config;
        private final Gateway gateway;
        private final BlockingQueue<String> triggers = new LinkedBlockingQueue<>();
        private final AtomicInteger reconciles = new AtomicInteger();
        private volatile Consumer<Outcome> listener = o -> { };
        private volatile boolean stopped;
        private WatchService watch;
        private Thread watcher;
        private volatile Thread loop;

        /** What one reconcile gave: a report, or the reason nothing was sent. */
        record Outcome(String cause, GatewayReport report, RuntimeException error) {
        }

        Daemon(Path config, NetNs ns) {
            this.config = config.toAbsolutePath();
            this.gateway = Gateway.open(ns);
        }

        Gateway gateway() {
            return gateway;
        }

        /** Called after each reconcile attempt (on the loop's thread). */
        void onOutcome(Consumer<Outcome> l) {
            listener = Objects.requireNonNull(l);
        }

        int reconciles() {
            return reconciles.get();
        }

        /** Asks for a reconcile. */
        void trigger(String cause) {
            triggers.offer(cause);
        }

        /**
         * Makes SIGHUP trigger a reconcile.
         *
         * @return the handler SIGHUP had before
         */
        sun.misc.SignalHandler handleSighup() {
            return Signal.handle(new Signal("HUP"), s -> trigger("SIGHUP"));
        }

        /** One reconcile; the exit code. */
        int reconcileOnce() {
            Outcome o = reconcile("start");
            if (o.error() instanceof ConfigException) {
                return EXIT_BAD_CONFIG;
            }
            return o.error() == null && o.report().complete() ? EXIT_OK : EXIT_FAILED;
        }

        private Outcome reconcile(String cause) {
            Outcome o;
            LOG.info("reconciling with {} ({})", config, cause);
            try {
                GatewayConfig cfg = GatewayConfig.parse(config);
                o = new Outcome(cause, gateway.reconcile(cfg), null);
                if (!o.report().complete()) {
                    LOG.error("reconcile incomplete: {}", o.report());
                }
            } catch (ConfigException e) {
                LOG.error("tenant file not applied, the namespace keeps its state: {}", e.getMessage());
                o = new Outcome(cause, null, e);
            } catch (IllegalStateException e) {
                LOG.error("tenant file not applied, nothing sent: {}", e.getMessage());
                o = new Outcome(cause, null, e);
            } catch (RuntimeException e) {
                LOG.error("reconcile failed: {}", e.toString(), e);
                o = new Outcome(cause, null, e);
            }
            reconciles.incrementAndGet();
            listener.accept(o);
            return o;
        }

        /** Reconciles now, then on every trigger, until {@link #close}. */
        void run() {
            loop = Thread.currentThread();
            startWatching();
            trigger("start");
            try {
                while (!stopped) {
                    String cause = triggers.take();
                    if (stopped) {
                        break;
                    }
                    // take a burst of changes as one
                    String more;
                    while ((more = triggers.poll(DEBOUNCE_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                        if (stopped) {
                            return;
                        }
                        if (!more.equals(cause)) {
                            cause = cause + ", " + more;
                        }
                    }
                    reconcile(cause);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void startWatching() {
            Path dir = config.getParent();
            Path name = config.getFileName();
            try {
                watch = FileSystems.getDefault().newWatchService();
                dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot watch " + dir, e);
            }
            watcher = new Thread(() -> {
                try {
                    while (!stopped) {
                        WatchKey k = watch.take();
                        for (WatchEvent<?> ev : k.pollEvents()) {
                            if (ev.kind() == StandardWatchEventKinds.OVERFLOW || name.equals(ev.context())) {
                                if (ev.kind() != StandardWatchEventKinds.ENTRY_DELETE) {
                                    trigger("file changed");
                                }
                            }
                        }
                        k.reset();
                    }
                } catch (InterruptedException | ClosedWatchServiceException e) {
                    // stopping
                }
            }, "gateway-watch");
            watcher.setDaemon(true);
            watcher.start();
            LOG.info("watching {} for changes (SIGHUP reconciles too)", config);
        }

        /** Stops the loop (waiting for a reconcile under way) and the watch; the gateway stays open. */
        void stop() {
            stopped = true;
            triggers.offer("stop");
            if (watch != null) {
                try {
                    watch.close();
                } catch (IOException e) {
                    LOG.debug("closing the watch: {}", e.toString());
                }
            }
            Thread l = loop;
            if (l != null && l != Thread.currentThread()) {
                try {
                    l.join(30_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /** Stops the loop and closes the gateway's sockets; what it programmed stays. */
        @Override
        public void close() {
            stop();
            gateway.close();
        }
    }
}
