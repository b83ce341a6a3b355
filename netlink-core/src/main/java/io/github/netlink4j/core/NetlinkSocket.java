package io.github.netlink4j.core;

import io.github.netlink4j.core.internal.Native;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A netlink socket: {@code socket(AF_NETLINK, SOCK_RAW|SOCK_CLOEXEC, protocol)} bound to a
 * kernel-assigned port id, exchanging datagrams with the kernel through direct buffers.
 *
 * <p>Opened with NETLINK_EXT_ACK and NETLINK_GET_STRICT_CHK on (silently left off on kernels that
 * refuse them). Nothing is allocated per send or receive in the steady state.
 *
 * <p>Thread safety: one thread may send while another receives; concurrent sends (or concurrent
 * receives) must be serialized by the caller, as {@link NetlinkChannel} does. {@link #close()} may
 * be called from any thread, any number of times, but not while another thread is inside
 * {@link #receive} (use a receive timeout to bound a blocked reader).
 */
public final class NetlinkSocket implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NetlinkSocket.class);
    private static final int SOCKADDR_NL_SIZE = 12;

    private final int fd;
    private final NetlinkProtocol protocol;
    private final int portId;
    private final String where;
    private final AtomicBoolean closed = new AtomicBoolean();
    // Per-socket scratch memory, reused: sockaddr_nl of the kernel, its length, socket options.
    private final ByteBuffer kernelAddr = direct(SOCKADDR_NL_SIZE);
    private final ByteBuffer fromAddr = direct(SOCKADDR_NL_SIZE);
    private final ByteBuffer opt = direct(16);
    private final ByteBuffer optLen = direct(4);
    private final long kernelAddrPtr = Native.address(kernelAddr);
    private final long fromAddrPtr = Native.address(fromAddr);
    private final long optPtr = Native.address(opt);
    private final long optLenPtr = Native.address(optLen);
    // struct msghdr { void *msg_name; socklen_t msg_namelen; struct iovec *msg_iov; size_t msg_iovlen;
    //                 void *msg_control; size_t msg_controllen; int msg_flags; }  (56 bytes on LP64)
    // struct iovec { void *iov_base; size_t iov_len; }
    private final ByteBuffer sendHdr = direct(56 + 16);
    private final ByteBuffer recvHdr = direct(56 + 16);
    private final long sendHdrPtr = Native.address(sendHdr);
    private final long recvHdrPtr = Native.address(recvHdr);
    // The base address of the last buffer sent from / received into: callers reuse their buffers,
    // so the address is looked up once per buffer, not once per call. One pair per direction, as
    // one thread may send while another receives.
    private ByteBuffer sendBase;
    private long sendBaseAddr;
    private ByteBuffer recvBase;
    private long recvBaseAddr;

    private NetlinkSocket(int fd, NetlinkProtocol protocol, String where) {
        this.fd = fd;
        this.protocol = protocol;
        this.where = where;
        // struct sockaddr_nl { sa_family_t nl_family; unsigned short nl_pad; __u32 nl_pid; __u32 nl_groups; }
        ByteBuffer local = direct(SOCKADDR_NL_SIZE);
        local.putShort(0, (short) Native.AF_NETLINK);
        try {
            Native.check(Native.libc().bind(fd, Native.address(local), SOCKADDR_NL_SIZE), "bind", protocol.toString());
            ByteBuffer len = direct(4);
            len.putInt(0, SOCKADDR_NL_SIZE);
            local.clear();
            Native.check(Native.libc().getsockname(fd, Native.address(local), Native.address(len)), "getsockname",
                    protocol.toString());
            java.lang.ref.Reference.reachabilityFence(len);
            this.portId = local.getInt(4);
        } catch (RuntimeException e) {
            Native.close(fd);
            throw e;
        }
        kernelAddr.putShort(0, (short) Native.AF_NETLINK);
        initMsghdr(sendHdr, sendHdrPtr, kernelAddrPtr);
        initMsghdr(recvHdr, recvHdrPtr, fromAddrPtr);
        setExtendedAck(true);
        setStrictCheck(true);
    }

    private static void initMsghdr(ByteBuffer h, long hPtr, long namePtr) {
        h.putLong(0, namePtr);
        h.putInt(8, SOCKADDR_NL_SIZE);
        h.putLong(16, hPtr + 56); // the iovec follows the msghdr
        h.putLong(24, 1);
    }

    private static ByteBuffer direct(int size) {
        return ByteBuffer.allocateDirect(size).order(ByteOrder.nativeOrder());
    }

    /** Opens a socket of {@code protocol} in the calling thread's network namespace. */
    public static NetlinkSocket open(NetlinkProtocol protocol) {
        Objects.requireNonNull(protocol, "protocol");
        return create(protocol, "current netns");
    }

    /**
     * Opens a socket of {@code protocol} inside {@code ns}: it is created on a thread that entered
     * the namespace, and stays bound to it whatever thread uses it afterwards.
     */
    public static NetlinkSocket open(NetlinkProtocol protocol, NetNs ns) {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(ns, "ns");
        String where = "netns " + ns.name().orElse("inode " + ns.inode());
        return ns.call(() -> create(protocol, where));
    }

    private static NetlinkSocket create(NetlinkProtocol protocol, String where) {
        int fd = (int) Native.check(Native.libc().socket(Native.AF_NETLINK, Native.SOCK_RAW | Native.SOCK_CLOEXEC,
                protocol.number()), "socket", protocol.toString());
        NetlinkSocket s = new NetlinkSocket(fd, protocol, where);
        LOG.debug("opened {}", s);
        return s;
    }

    public NetlinkProtocol protocol() {
        return protocol;
    }

    /** The port id the kernel assigned (nl_pid of this socket). */
    public int portId() {
        return portId;
    }

    /** The file descriptor, for diagnostics. */
    public int fd() {
        return fd;
    }

    private void requireOpen() {
        if (closed.get()) {
            throw new IllegalStateException("socket is closed: " + this);
        }
    }

    /**
     * Sends the bytes [position, limit) of direct buffer {@code buf} to the kernel in one datagram;
     * afterwards position = limit.
     */
    public void send(ByteBuffer buf) {
        requireOpen();
        if (!buf.isDirect()) {
            throw new IllegalArgumentException("send needs a direct buffer");
        }
        if (buf != sendBase) {
            sendBaseAddr = Native.address(buf.duplicate().position(0));
            sendBase = buf;
        }
        long addr = sendBaseAddr + buf.position();
        int len = buf.remaining();
        while (true) {
            sendHdr.putLong(56, addr);
            sendHdr.putLong(64, len);
            long n = Native.libc().sendmsg(fd, sendHdrPtr, 0);
            if (n >= 0) {
                java.lang.ref.Reference.reachabilityFence(buf);
                buf.position(buf.limit());
                return;
            }
            Errno e = Native.lastErrno();
            if (!e.equals(Errno.EINTR)) {
                throw new SystemCallException("sendmsg", e, len + " bytes on " + this);
            }
        }
    }

    /**
     * Receives one datagram. Its size is learned first ({@code MSG_PEEK|MSG_TRUNC}); when
     * {@code buf} (direct) is too small, a larger direct buffer is allocated and used instead.
     * Messages from anything but the kernel are dropped.
     *
     * @return the buffer holding the datagram, position 0, limit its length, host byte order: keep
     * it for the next call
     * @throws NetlinkTimeoutException when the receive timeout passed with nothing received
     * @throws OverrunException        when the kernel dropped messages for this socket (ENOBUFS)
     */
    public ByteBuffer receive(ByteBuffer buf) {
        requireOpen();
        if (!buf.isDirect()) {
            throw new IllegalArgumentException("receive needs a direct buffer");
        }
        ByteBuffer b = buf;
        while (true) {
            b.clear();
            long size = recv(b, Native.MSG_PEEK | Native.MSG_TRUNC);
            if (size > b.capacity()) {
                int cap = Integer.highestOneBit((int) size - 1) << 1;
                b = ByteBuffer.allocateDirect(cap).order(ByteOrder.nativeOrder());
            }
            long n = recv(b, 0);
            if (fromAddr.getInt(4) != 0) {
                LOG.debug("{}: dropped {} bytes from port {}, not the kernel", this, n, fromAddr.getInt(4));
                continue;
            }
            b.position(0).limit((int) n);
            if (b.order() != ByteOrder.nativeOrder()) {
                b.order(ByteOrder.nativeOrder());
            }
            return b;
        }
    }

    private long recv(ByteBuffer b, int flags) {
        b.clear();
        if (b != recvBase) {
            recvBaseAddr = Native.address(b);
            recvBase = b;
        }
        long addr = recvBaseAddr;
        while (true) {
            recvHdr.putInt(8, SOCKADDR_NL_SIZE);
            recvHdr.putInt(48, 0);
            recvHdr.putLong(56, addr);
            recvHdr.putLong(64, b.capacity());
            long n = Native.libc().recvmsg(fd, recvHdrPtr, flags);
            if (n >= 0) {
                java.lang.ref.Reference.reachabilityFence(b);
                return n;
            }
            Errno e = Native.lastErrno();
            if (e.equals(Errno.EINTR)) {
                continue;
            }
            if (e.equals(Errno.EAGAIN)) {
                throw new NetlinkTimeoutException("no message within the receive timeout on " + this);
            }
            if (e.equals(Errno.ENOBUFS)) {
                throw new OverrunException("receive buffer overrun on " + this + ": the kernel dropped messages (ENOBUFS)");
            }
            throw new SystemCallException("recvmsg", e, this.toString());
        }
    }

    private void setInt(int level, int option, int value, String name) {
        requireOpen();
        opt.putInt(0, value);
        Native.check(Native.libc().setsockopt(fd, level, option, optPtr, 4), "setsockopt", name + "=" + value);
    }

    private boolean trySetInt(int level, int option, int value) {
        requireOpen();
        opt.putInt(0, value);
        return Native.libc().setsockopt(fd, level, option, optPtr, 4) == 0;
    }

    private int getInt(int level, int option, String name) {
        requireOpen();
        optLen.putInt(0, 4);
        Native.check(Native.libc().getsockopt(fd, level, option, optPtr, optLenPtr), "getsockopt", name);
        return opt.getInt(0);
    }

    /**
     * Sets the receive buffer: SO_RCVBUFFORCE (beyond net.core.rmem_max, needs CAP_NET_ADMIN), falling
     * back to SO_RCVBUF. The kernel doubles the value for bookkeeping; see {@link #receiveBufferSize()}.
     *
     * @param bytes 1024..1 GiB
     */
    public void setReceiveBufferSize(int bytes) {
        checkBufferSize(bytes);
        if (!trySetInt(Native.SOL_SOCKET, Native.SO_RCVBUFFORCE, bytes)) {
            setInt(Native.SOL_SOCKET, Native.SO_RCVBUF, bytes, "SO_RCVBUF");
        }
    }

    /** Sets the send buffer: SO_SNDBUFFORCE, falling back to SO_SNDBUF. @param bytes 1024..1 GiB */
    public void setSendBufferSize(int bytes) {
        checkBufferSize(bytes);
        if (!trySetInt(Native.SOL_SOCKET, Native.SO_SNDBUFFORCE, bytes)) {
            setInt(Native.SOL_SOCKET, Native.SO_SNDBUF, bytes, "SO_SNDBUF");
        }
    }

    private static void checkBufferSize(int bytes) {
        if (bytes < 1024 || bytes > (1 << 30)) {
            throw new IllegalArgumentException("buffer size must be in 1024..1073741824 bytes, was " + bytes);
        }
    }

    /** SO_RCVBUF as the kernel reports it (twice what was set). */
    public int receiveBufferSize() {
        return getInt(Native.SOL_SOCKET, Native.SO_RCVBUF, "SO_RCVBUF");
    }

    /** SO_SNDBUF as the kernel reports it (twice what was set). */
    public int sendBufferSize() {
        return getInt(Native.SOL_SOCKET, Native.SO_SNDBUF, "SO_SNDBUF");
    }

    /** Sets SO_RCVTIMEO; {@link Duration#ZERO} blocks forever. */
    public void setReceiveTimeout(Duration timeout) {
        requireOpen();
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative, was " + timeout);
        }
        // struct timeval { long tv_sec; long tv_usec; }
        opt.putLong(0, timeout.getSeconds());
        opt.putLong(8, timeout.getNano() / 1000);
        if (timeout.getSeconds() == 0 && timeout.getNano() > 0 && timeout.getNano() < 1000) {
            opt.putLong(8, 1);
        }
        Native.check(Native.libc().setsockopt(fd, Native.SOL_SOCKET, Native.SO_RCVTIMEO, optPtr, 16),
                "setsockopt", "SO_RCVTIMEO=" + timeout);
    }

    /** NETLINK_EXT_ACK: errors carry the kernel's message and attribute offset. False when refused. */
    public boolean setExtendedAck(boolean on) {
        return trySetInt(Native.SOL_NETLINK, Native.NETLINK_EXT_ACK, on ? 1 : 0);
    }

    /** NETLINK_GET_STRICT_CHK: dump requests are checked strictly and may filter. False when refused. */
    public boolean setStrictCheck(boolean on) {
        return trySetInt(Native.SOL_NETLINK, Native.NETLINK_GET_STRICT_CHK, on ? 1 : 0);
    }

    /** NETLINK_CAP_ACK: errors do not echo the request's payload. False when refused. */
    public boolean setCapAck(boolean on) {
        return trySetInt(Native.SOL_NETLINK, Native.NETLINK_CAP_ACK, on ? 1 : 0);
    }

    /** NETLINK_NO_ENOBUFS: the kernel stops reporting overruns to this socket. */
    public void setNoEnobufs(boolean on) {
        setInt(Native.SOL_NETLINK, Native.NETLINK_NO_ENOBUFS, on ? 1 : 0, "NETLINK_NO_ENOBUFS");
    }

    /** Joins multicast group {@code group} (an RTNLGRP_* / NFNLGRP_* number, 1..1023). */
    public void joinGroup(int group) {
        checkGroup(group);
        setInt(Native.SOL_NETLINK, Native.NETLINK_ADD_MEMBERSHIP, group, "NETLINK_ADD_MEMBERSHIP");
    }

    /** Leaves multicast group {@code group}. */
    public void leaveGroup(int group) {
        checkGroup(group);
        setInt(Native.SOL_NETLINK, Native.NETLINK_DROP_MEMBERSHIP, group, "NETLINK_DROP_MEMBERSHIP");
    }

    private static void checkGroup(int group) {
        if (group < 1 || group > 1023) {
            throw new IllegalArgumentException("multicast group must be in 1..1023, was " + group);
        }
    }

    public boolean isOpen() {
        return !closed.get();
    }

    /** Closes the socket; later calls do nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            Native.close(fd);
            LOG.debug("closed {}", this);
        }
    }

    @Override
    public String toString() {
        return "NetlinkSocket[" + protocol + ", port " + Integer.toUnsignedString(portId) + ", " + where
                + (closed.get() ? ", closed" : "") + "]";
    }
}
