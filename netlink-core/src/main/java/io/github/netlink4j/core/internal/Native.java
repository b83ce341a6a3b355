package io.github.netlink4j.core.internal;

import io.github.netlink4j.core.Errno;
import io.github.netlink4j.core.SystemCallException;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;
import jnr.ffi.Pointer;
import jnr.ffi.types.intptr_t;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;

import java.nio.ByteBuffer;

/**
 * The only native code: the libc calls netlink needs, through jnr-ffi, loaded once. Every method
 * here converts a failure into a {@link SystemCallException} carrying the errno; nothing above it
 * sees an {@code int} return code.
 *
 * <p>Direct buffers are passed starting at their position: callers pass buffers positioned at 0.
 */
public final class Native {
    private Native() {
    }

    // include/linux/socket.h, include/uapi/asm-generic/socket.h (x86_64), include/uapi/linux/netlink.h
    public static final int AF_NETLINK = 16;
    public static final int SOCK_RAW = 3;
    public static final int SOCK_CLOEXEC = 0x80000;
    public static final int SOL_SOCKET = 1;
    public static final int SO_SNDBUF = 7;
    public static final int SO_RCVBUF = 8;
    public static final int SO_RCVTIMEO = 20;
    public static final int SO_SNDBUFFORCE = 32;
    public static final int SO_RCVBUFFORCE = 33;
    public static final int SOL_NETLINK = 270;
    public static final int NETLINK_ADD_MEMBERSHIP = 1;
    public static final int NETLINK_DROP_MEMBERSHIP = 2;
    public static final int NETLINK_NO_ENOBUFS = 5;
    public static final int NETLINK_LISTEN_ALL_NSID = 8;
    public static final int NETLINK_CAP_ACK = 10;
    public static final int NETLINK_EXT_ACK = 11;
    public static final int NETLINK_GET_STRICT_CHK = 12;
    public static final int MSG_PEEK = 2;
    public static final int MSG_TRUNC = 0x20;
    public static final int MSG_DONTWAIT = 0x40;
    // include/uapi/linux/sched.h, include/uapi/linux/mount.h, fcntl.h
    public static final int CLONE_NEWNET = 0x40000000;
    public static final int MS_BIND = 4096;
    public static final int MS_REC = 16384;
    public static final int MS_SHARED = 1 << 20;
    public static final int MNT_DETACH = 2;
    public static final int O_RDONLY = 0;
    public static final int O_CREAT = 0100;
    public static final int O_EXCL = 0200;
    public static final int O_CLOEXEC = 02000000;

    /**
     * The libc functions used; jnr-ffi generates the implementation. Memory is passed as raw
     * addresses ({@link #address}) of direct buffers the caller keeps reachable during the call.
     */
    public interface LibC {
        int socket(int domain, int type, int protocol);

        int bind(int fd, @intptr_t long addr, int addrlen);

        int getsockname(int fd, @intptr_t long addr, @intptr_t long addrlen);

        /** sendmsg(fd, struct msghdr *, flags). */
        @ssize_t
        long sendmsg(int fd, @intptr_t long msghdr, int flags);

        /** recvmsg(fd, struct msghdr *, flags). */
        @ssize_t
        long recvmsg(int fd, @intptr_t long msghdr, int flags);

        int setsockopt(int fd, int level, int optname, @intptr_t long optval, int optlen);

        int getsockopt(int fd, int level, int optname, @intptr_t long optval, @intptr_t long optlen);

        int close(int fd);

        int dup(int fd);

        int setns(int fd, int nstype);

        int unshare(int flags);

        int mount(String source, String target, String fstype, @size_t long flags, String data);

        int umount2(String target, int flags);

        int open(String path, int flags, int mode);

        int unlink(String path);
    }

    private static final LibC LIBC;
    private static final Runtime RUNTIME;

    static {
        LIBC = LibraryLoader.create(LibC.class).failImmediately().load("c");
        RUNTIME = Runtime.getRuntime(LIBC);
    }

    /** The address of direct buffer {@code buf} at its position. */
    public static long address(ByteBuffer buf) {
        if (!buf.isDirect()) {
            throw new IllegalArgumentException("native calls need a direct buffer");
        }
        return Pointer.wrap(RUNTIME, buf).address();
    }

    public static LibC libc() {
        return LIBC;
    }

    /** The errno of the last failed call on this thread. */
    public static Errno lastErrno() {
        return Errno.of(RUNTIME.getLastError());
    }

    /** Throws a SystemCallException for {@code call} when {@code rc < 0}; returns rc otherwise. */
    public static long check(long rc, String call, String detail) {
        if (rc < 0) {
            throw new SystemCallException(call, lastErrno(), detail);
        }
        return rc;
    }

    /** Opens {@code path} read-only, close-on-exec; returns the fd. */
    public static int openReadOnly(String path) {
        return (int) check(LIBC.open(path, O_RDONLY | O_CLOEXEC, 0), "open", path);
    }

    /** Closes {@code fd}, ignoring EINTR as Linux does (the fd is released either way). */
    public static void close(int fd) {
        if (LIBC.close(fd) < 0) {
            Errno e = lastErrno();
            if (!e.equals(Errno.EINTR)) {
                throw new SystemCallException("close", e, "fd " + fd);
            }
        }
    }
}
