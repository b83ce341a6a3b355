package io.github.netlink4j.core;

import io.github.netlink4j.core.internal.Native;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * A handle (an open file descriptor) on a network namespace, and the named namespaces under
 * {@code /run/netns} that {@code ip netns} manages.
 *
 * <p>Work inside a namespace happens on a dedicated, short-lived thread that enters it with
 * {@code setns} ({@link #call}); no other thread of the JVM ever changes namespace. A socket
 * created there stays in that namespace whatever thread uses it afterwards.
 *
 * <p>Thread safety: a handle may be shared; {@link #close()} is idempotent.
 */
public final class NetNs implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NetNs.class);
    /** Where iproute2 keeps named namespaces. */
    public static final Path RUN_DIR = Paths.get("/run/netns");

    private final int fd;
    private final String name;
    private final long inode;
    private final AtomicBoolean closed = new AtomicBoolean();

    private NetNs(int fd, String name, long inode) {
        this.fd = fd;
        this.name = name;
        this.inode = inode;
    }

    /**
     * Creates a named namespace as {@code ip netns add NAME} does, and returns a handle on it.
     *
     * @throws IllegalArgumentException for an invalid name (empty, {@code /}, {@code .}, {@code ..},
     *                                  over 255 bytes, or a NUL)
     * @throws NetlinkException         when a namespace of that name exists
     */
    public static NetNs create(String name) {
        validateName(name);
        Path file = RUN_DIR.resolve(name);
        ensureRunDir();
        int created = Native.libc().open(file.toString(), Native.O_RDONLY | Native.O_CREAT | Native.O_EXCL | Native.O_CLOEXEC, 0);
        if (created < 0) {
            Errno e = Native.lastErrno();
            if (e.equals(Errno.EEXIST)) {
                throw new NetlinkException("network namespace \"" + name + "\" already exists (" + file + ")");
            }
            throw new SystemCallException("open", e, file.toString());
        }
        Native.close(created);
        try {
            onNewThread("netns-create-" + name, () -> {
                Native.check(Native.libc().unshare(Native.CLONE_NEWNET), "unshare", "CLONE_NEWNET");
                Native.check(Native.libc().mount("/proc/thread-self/ns/net", file.toString(), "none", Native.MS_BIND, null),
                        "mount", "bind /proc/thread-self/ns/net onto " + file);
                return null;
            });
        } catch (RuntimeException e) {
            Native.libc().umount2(file.toString(), Native.MNT_DETACH);
            Native.libc().unlink(file.toString());
            throw e;
        }
        LOG.debug("created netns {}", name);
        return open(name);
    }

    /** /run/netns as a shared mount point, as iproute2 makes it, so namespaces mounted there propagate. */
    private static void ensureRunDir() {
        try {
            Files.createDirectories(RUN_DIR);
        } catch (IOException e) {
            throw new NetlinkException("cannot create " + RUN_DIR + ": " + e.getMessage(), e);
        }
        String dir = RUN_DIR.toString();
        if (Native.libc().mount("", dir, "none", Native.MS_SHARED | Native.MS_REC, null) == 0) {
            return;
        }
        Errno e = Native.lastErrno();
        if (!e.equals(Errno.EINVAL)) {
            throw new SystemCallException("mount", e, "make " + dir + " shared");
        }
        // Not a mount point yet: bind it onto itself, then make it shared.
        Native.check(Native.libc().mount(dir, dir, "none", Native.MS_BIND | Native.MS_REC, null), "mount", "bind " + dir);
        Native.check(Native.libc().mount("", dir, "none", Native.MS_SHARED | Native.MS_REC, null), "mount", "make " + dir + " shared");
    }

    /** Opens the named namespace {@code /run/netns/NAME}. */
    public static NetNs open(String name) {
        validateName(name);
        return open(RUN_DIR.resolve(name), name);
    }

    /** Opens the namespace file at {@code path} (an nsfs file such as {@code /proc/PID/ns/net}). */
    public static NetNs open(Path path) {
        Objects.requireNonNull(path, "path");
        String n = path.getParent() != null && path.getParent().equals(RUN_DIR) ? path.getFileName().toString() : null;
        return open(path, n);
    }

    private static NetNs open(Path path, String name) {
        int fd = Native.openReadOnly(path.toString());
        try {
            return new NetNs(fd, name, inodeOf(Paths.get("/proc/self/fd/" + fd)));
        } catch (RuntimeException e) {
            Native.close(fd);
            throw e;
        }
    }

    /** A handle on the namespace of {@code fd}; the fd is duplicated, the caller keeps its own. */
    public static NetNs fromFd(int fd) {
        if (fd < 0) {
            throw new IllegalArgumentException("fd must be >= 0, was " + fd);
        }
        int dup = (int) Native.check(Native.libc().dup(fd), "dup", "fd " + fd);
        try {
            return new NetNs(dup, null, inodeOf(Paths.get("/proc/self/fd/" + dup)));
        } catch (RuntimeException e) {
            Native.close(dup);
            throw e;
        }
    }

    /** A handle on the calling thread's network namespace. */
    public static NetNs current() {
        return open(Paths.get("/proc/thread-self/ns/net"), null);
    }

    /** Deletes a named namespace as {@code ip netns del NAME} does: unmount and remove the file. */
    public static void delete(String name) {
        validateName(name);
        Path file = RUN_DIR.resolve(name);
        if (!Files.exists(file)) {
            throw new NetlinkException("network namespace \"" + name + "\" does not exist (" + file + ")");
        }
        Native.check(Native.libc().umount2(file.toString(), Native.MNT_DETACH), "umount2", file.toString());
        Native.check(Native.libc().unlink(file.toString()), "unlink", file.toString());
        LOG.debug("deleted netns {}", name);
    }

    /** Whether {@code /run/netns/NAME} exists. */
    public static boolean exists(String name) {
        validateName(name);
        return Files.exists(RUN_DIR.resolve(name));
    }

    /** The named namespaces, sorted. */
    public static List<String> list() {
        if (!Files.isDirectory(RUN_DIR)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(RUN_DIR)) {
            List<String> names = new ArrayList<>();
            s.forEach(p -> names.add(p.getFileName().toString()));
            names.sort(null);
            return names;
        } catch (IOException e) {
            throw new NetlinkException("cannot list " + RUN_DIR + ": " + e.getMessage(), e);
        }
    }

    private static void validateName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('/') >= 0 || name.indexOf('\0') >= 0
                || name.getBytes(StandardCharsets.UTF_8).length > 255) {
            throw new IllegalArgumentException("netns name must be 1..255 bytes without '/' or NUL and not '.' or '..', was \""
                    + name.replace("\0", "\\0") + "\"");
        }
    }

    private static long inodeOf(Path p) {
        try {
            return ((Number) Files.getAttribute(p, "unix:ino")).longValue();
        } catch (IOException e) {
            throw new NetlinkException("cannot stat " + p + ": " + e.getMessage(), e);
        }
    }

    /** The name under /run/netns, when opened by name. */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** The file descriptor (valid until {@link #close()}). */
    public int fd() {
        requireOpen();
        return fd;
    }

    /** The namespace's inode number: two handles with the same inode are the same namespace. */
    public long inode() {
        return inode;
    }

    private void requireOpen() {
        if (closed.get()) {
            throw new IllegalStateException("netns handle is closed: " + this);
        }
    }

    /**
     * Runs {@code action} on a new platform thread that entered this namespace, waits for it and
     * returns its result (or rethrows its exception). The thread ends afterwards.
     */
    public <T> T call(Callable<T> action) {
        Objects.requireNonNull(action, "action");
        requireOpen();
        return onNewThread("netns-" + (name != null ? name : Long.toString(inode)), () -> {
            Native.check(Native.libc().setns(fd, Native.CLONE_NEWNET), "setns", this.toString());
            return action.call();
        });
    }

    /** Where the kernel's tunables are; those under {@code net/} belong to a network namespace. */
    private static final Path SYSCTL_DIR = Paths.get("/proc/sys");

    /**
     * The value of a kernel tunable as this namespace sees it, as {@code ip netns exec NAME sysctl -n}
     * prints it (trailing newline removed), or empty when it does not exist here (e.g. the
     * {@code conf/DEV} of an absent device). {@code /proc/sys/net} shows the network namespace of the
     * thread that opens it, so the read happens on a thread inside this namespace ({@link #call}).
     *
     * @param key the path below {@code /proc/sys}, with slashes ({@code net/ipv4/ip_forward}): device
     *            names may contain dots
     * @throws IllegalArgumentException for an empty key, an absolute one, or a {@code .}/{@code ..}
     *                                  segment
     * @throws UncheckedIOException when the file exists but cannot be read
     */
    public Optional<String> readSysctl(String key) {
        Path p = sysctlPath(key);
        return call(() -> {
            if (!Files.exists(p)) {
                return Optional.empty();
            }
            // a reader, not Files.readString: some /proc files report a size their read does not honour
            try (BufferedReader r = Files.newBufferedReader(p, StandardCharsets.US_ASCII)) {
                StringBuilder sb = new StringBuilder();
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    sb.append(sb.length() == 0 ? "" : "\n").append(line);
                }
                return Optional.of(sb.toString());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + p + " in " + this, e);
            }
        });
    }

    /**
     * Sets a kernel tunable in this namespace, as {@code ip netns exec NAME sysctl -w} does (see
     * {@link #readSysctl} for {@code key}).
     *
     * @throws IllegalArgumentException for a bad key (as {@link #readSysctl})
     * @throws UncheckedIOException     when the file does not exist or the kernel refuses the value
     *                                  (the cause names the errno's message)
     */
    public void writeSysctl(String key, String value) {
        Objects.requireNonNull(value, "value");
        Path p = sysctlPath(key);
        call(() -> {
            try {
                Files.writeString(p, value, StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + value + " to " + p + " in " + this, e);
            }
            return null;
        });
    }

    private static Path sysctlPath(String key) {
        Objects.requireNonNull(key, "key");
        if (key.isEmpty() || key.startsWith("/") || key.indexOf('\0') >= 0
                || Stream.of(key.split("/", -1)).anyMatch(seg -> seg.isEmpty() || seg.equals(".") || seg.equals(".."))) {
            throw new IllegalArgumentException("sysctl key must be a path below /proc/sys with slashes, no empty, "
                    + "'.' or '..' segment (e.g. net/ipv4/ip_forward), got \"" + key + "\"");
        }
        return SYSCTL_DIR.resolve(key);
    }

    private static <T> T onNewThread(String threadName, Callable<T> action) {
        FutureTask<T> task = new FutureTask<>(action);
        Thread t = new Thread(task, threadName);
        t.setDaemon(true);
        t.start();
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetlinkException("interrupted while waiting for " + threadName, e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new NetlinkException(threadName + " failed: " + c, c);
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            Native.close(fd);
        }
    }

    @Override
    public String toString() {
        return "NetNs[" + (name != null ? name : "inode " + inode) + "]";
    }
}
