package io.github.netlink4j.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a process for a test (oracles, traffic, setup): the library itself never does. */
public final class Cmd {
    private Cmd() {
    }

    /** What a process did. */
    public record Result(List<String> command, int exitCode, String stdout, String stderr) {
        public Result orThrow() {
            if (exitCode != 0) {
                throw new AssertionError("command failed (exit " + exitCode + "): " + String.join(" ", command)
                        + "\nstdout: " + stdout + "\nstderr: " + stderr);
            }
            return this;
        }
    }

    /** Runs {@code command}, waiting at most {@code timeoutSeconds}; never throws for a non-zero exit. */
    public static Result run(List<String> command, int timeoutSeconds) {
        return run(command, null, timeoutSeconds);
    }

    /** Runs {@code command} with {@code stdin} as its standard input. */
    public static Result run(List<String> command, String stdin, int timeoutSeconds) {
        ProcessBuilder pb = new ProcessBuilder(command);
        try {
            Process p = pb.start();
            CompletableFuture<String> out = drain(p.getInputStream());
            CompletableFuture<String> err = drain(p.getErrorStream());
            if (stdin != null) {
                p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            p.getOutputStream().close();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("command timed out after " + timeoutSeconds + " s: " + String.join(" ", command));
            }
            return new Result(List.copyOf(command), p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + command, e);
        }
    }

    /** Runs {@code args} and returns stdout, failing the test on a non-zero exit. */
    public static String ok(String... args) {
        return run(List.of(args), 60).orThrow().stdout();
    }

    /** Runs {@code ip -n NETNS ARGS...} (or plain {@code ip} when netns is null), failing on error. */
    public static String ip(String netns, String... args) {
        List<String> c = new ArrayList<>();
        c.add("ip");
        if (netns != null) {
            c.add("-n");
            c.add(netns);
        }
        c.addAll(List.of(args));
        return run(c, 60).orThrow().stdout();
    }

    /** Runs {@code ARGS...} inside named namespace {@code netns} ({@code ip netns exec}), failing on error. */
    public static String inNetns(String netns, String... args) {
        List<String> c = new ArrayList<>(List.of("ip", "netns", "exec", netns));
        c.addAll(List.of(args));
        return run(c, 120).orThrow().stdout();
    }

    private static CompletableFuture<String> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "<" + e + ">";
            }
        });
    }
}
