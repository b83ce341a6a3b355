package io.github.netlink4j.rtnl;

import io.github.netlink4j.core.MalformedMessageException;
import io.github.netlink4j.core.NetNs;
import io.github.netlink4j.core.NetlinkProtocol;
import io.github.netlink4j.core.NetlinkSocket;
import io.github.netlink4j.core.NetlinkTimeoutException;
import io.github.netlink4j.core.OverrunException;
import io.github.netlink4j.core.wire.ByteString;
import io.github.netlink4j.core.wire.MessageReader;
import io.github.netlink4j.core.wire.MessageWriter;
import io.github.netlink4j.core.wire.Nlmsg;
import io.github.netlink4j.rtnl.internal.AddrCodec;
import io.github.netlink4j.rtnl.internal.LinkCodec;
import io.github.netlink4j.rtnl.internal.NeighCodec;
import io.github.netlink4j.rtnl.internal.Rtm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A subscription to rtnetlink notifications ({@code ip monitor}): its own NETLINK_ROUTE socket
 * joined to the chosen multicast groups, delivering typed {@link RtEvent}s in the kernel's order.
 *
 * <pre>{@code
 * try (RtEvents events = RtEvents.open(RtnlGroup.LINK, RtnlGroup.IPV4_IFADDR)) {
 *     RtSnapshot state = events.resync();              // the state to apply events to
 *     while (running) {
 *         Optional<RtEvent> e = events.next(Duration.ofSeconds(1));
 *         if (e.isPresent() && e.get() instanceof RtEvent.Overrun) {
 *             state = events.resync();                 // notifications were lost: read it all again
 *         } else ...
 *     }
 * }
 * }</pre>
 *
 * <p><b>Overruns.</b> When the socket's receive buffer fills up the kernel drops notifications and
 * the next read reports ENOBUFS: that read returns {@link RtEvent.Overrun}. The subscription carries
 * on; the caller calls {@link #resync()} (which discards what is still queued, then dumps) and
 * applies the events that follow on top of the snapshot. Every change after the queue was emptied
 * produces an event that follows the snapshot, so the view converges: an event a little older than
 * the snapshot may still arrive after it, but then a later event about the same object follows it.
 * Subscribing first and resyncing second gives a start without gaps in the same way.
 *
 * <p><b>Threads.</b> {@link #next}, {@link #stream} and {@link #run} read the socket and are
 * serialized: one reader at a time, on threads the caller controls; {@link #resync()} takes the
 * reader's turn too (it empties the socket) and dumps over a second socket. {@link #close()} may be
 * called from any thread (a handler included): it wakes a blocked reader, which then returns empty /
 * ends.
 */
public final class RtEvents implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RtEvents.class);
    /** The longest a reader sleeps in one receive before it looks at {@link #closed} again. */
    private static final Duration SLICE = Duration.ofSeconds(2);
    /** The most datagrams a resync discards before it dumps regardless (a socket under a flood). */
    private static final int MAX_DRAIN = 1 << 16;

    private final NetlinkSocket socket;
    private final Rtnetlink rt;
    private final Set<RtnlGroup> groups;
    private final ReentrantLock readLock = new ReentrantLock();
    private final ArrayDeque<RtEvent> pending = new ArrayDeque<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private ByteBuffer in = ByteBuffer.allocateDirect(64 * 1024).order(ByteOrder.nativeOrder());
    private Duration currentTimeout;

    private RtEvents(NetlinkSocket socket, Rtnetlink rt, Set<RtnlGroup> groups) {
        this.socket = socket;
        this.rt = rt;
        this.groups = groups;
    }

    /** Subscribes to {@code groups} in the calling thread's network namespace. */
    public static RtEvents open(RtnlGroup... groups) {
        return builder().groups(groups).open();
    }

    /** Subscribes to {@code groups} inside {@code ns}. */
    public static RtEvents open(NetNs ns, RtnlGroup... groups) {
        return builder().netns(ns).groups(groups).open();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The groups joined. */
    public Set<RtnlGroup> groups() {
        return groups;
    }

    /** The subscription's socket (its buffer sizes, its port id); do not read or close it. */
    public NetlinkSocket socket() {
        return socket;
    }

    public boolean isOpen() {
        return !closed.get();
    }

    /** The next event, waiting as long as it takes; empty only once the subscription is closed. */
    public Optional<RtEvent> next() {
        return next(null);
    }

    /**
     * The next event, waiting at most {@code timeout}.
     *
     * @return empty when the time passed with no event, or the subscription was closed
     * @throws io.github.netlink4j.core.NetlinkException when the socket fails
     */
    public Optional<RtEvent> next(Duration timeout) {
        if (timeout != null && timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative, was " + timeout);
        }
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        readLock.lock();
        try {
            while (true) {
                RtEvent e = pending.poll();
                if (e != null) {
                    return Optional.of(e);
                }
                if (closed.get()) {
                    return Optional.empty();
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return Optional.empty();
                }
                Duration slice = Duration.ofNanos(Math.max(1_000_000L, Math.min(left, SLICE.toNanos())));
                if (!slice.equals(currentTimeout)) {
                    socket.setReceiveTimeout(slice);
                    currentTimeout = slice;
                }
                try {
                    in = socket.receive(in);
                } catch (NetlinkTimeoutException t) {
                    continue;
                } catch (OverrunException o) {
                    LOG.debug("{}: overrun, notifications lost", socket);
                    return Optional.of(new RtEvent.Overrun());
                } catch (RuntimeException x) {
                    if (closed.get()) {
                        return Optional.empty();
                    }
                    throw x;
                }
                decodeDatagram();
            }
        } finally {
            readLock.unlock();
        }
    }

    private void decodeDatagram() {
        MessageReader m = new MessageReader(in);
        try {
            while (m.next()) {
                RtEvent e = decode(m);
                if (e != null) {
                    pending.add(e);
                }
            }
        } catch (MalformedMessageException e) {
            // the framing itself is broken: the rest of the datagram cannot be read
            pending.add(new RtEvent.Malformed(0, ByteString.copyOf(in, 0, in.limit()), e.getMessage()));
        }
    }

    /** The event of the current message, or null for a control message (ACK, NOOP...). */
    static RtEvent decode(MessageReader m) {
        int type = m.type();
        if (type < Nlmsg.NLMSG_MIN_TYPE) {
            return null;
        }
        try {
            switch (type) {
                case Rtm.RTM_NEWLINK, Rtm.RTM_DELLINK -> {
                    return new RtEvent.LinkEvent(action(type == Rtm.RTM_NEWLINK), LinkCodec.decode(m));
                }
                case Rtm.RTM_NEWADDR, Rtm.RTM_DELADDR -> {
                    return new RtEvent.AddressEvent(action(type == Rtm.RTM_NEWADDR), AddrCodec.decode(m));
                }
                case Rtm.RTM_NEWNEIGH, Rtm.RTM_DELNEIGH -> {
                    return new RtEvent.NeighbourEvent(action(type == Rtm.RTM_NEWNEIGH), NeighCodec.decode(m));
                }
                case Rtm.RTM_NEWROUTE, Rtm.RTM_DELROUTE, Rtm.RTM_NEWRULE, Rtm.RTM_DELRULE, Rtm.RTM_NEWNEXTHOP,
                        Rtm.RTM_DELNEXTHOP -> {
                    Optional<RtEvent> e = RouteEventHooks.decodeRoute(m);
                    if (e.isPresent()) {
                        return e.get();
                    }
                    return new RtEvent.Other(type, copy(m));
                }
                default -> {
                    return new RtEvent.Other(type, copy(m));
                }
            }
        } catch (MalformedMessageException e) {
            return new RtEvent.Malformed(type, copy(m), e.getMessage());
        }
    }

    private static RtEvent.Action action(boolean isNew) {
        return isNew ? RtEvent.Action.NEW : RtEvent.Action.DELETED;
    }

    private static ByteString copy(MessageReader m) {
        return ByteString.copyOf(m.buffer(), m.offset(), m.length());
    }

    /**
     * The events as a sequential stream that blocks for the next one and ends when the subscription
     * is closed. Read it on one thread; close the subscription (not the stream) to end it.
     */
    public Stream<RtEvent> stream() {
        Spliterator<RtEvent> s = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED
                | Spliterator.NONNULL) {
            @Override
            public boolean tryAdvance(Consumer<? super RtEvent> action) {
                Optional<RtEvent> e = next();
                e.ifPresent(action);
                return e.isPresent();
            }
        };
        return StreamSupport.stream(s, false);
    }

    /**
     * Delivers every event to {@code handler} on the calling thread until the subscription is
     * closed (the handler may close it). An exception from the handler ends the loop and propagates.
     */
    public void run(Consumer<? super RtEvent> handler) {
        Objects.requireNonNull(handler, "handler");
        while (true) {
            Optional<RtEvent> e = next();
            if (e.isEmpty()) {
                return;
            }
            handler.accept(e.get());
        }
    }

    /**
     * Rebuilds the state after an {@link RtEvent.Overrun} (or at start): first discards every
     * notification still queued on the subscription's socket, then dumps, over a second socket in
     * the same namespace, what the subscription covers: links ({@link RtnlGroup#LINK}), addresses of
     * the subscribed families, neighbours ({@link RtnlGroup#NEIGH}), and routes/rules/nexthops through
     * the route decoders. Apply the events read after this call on top of the snapshot.
     *
     * <p>The queue must be emptied: what was queued when the kernel started dropping is older than
     * the snapshot and its successors may be among the dropped; and the kernel reports no further
     * overrun until the queue has been empty once (NETLINK_S_CONGESTED). Takes the reader's turn:
     * call it from the reading thread, or it waits for the current {@link #next} to return.
     *
     * @throws IllegalStateException when the subscription is closed
     */
    public RtSnapshot resync() {
        readLock.lock();
        try {
            if (closed.get()) {
                throw new IllegalStateException("subscription is closed");
            }
            int discarded = drain();
            LOG.debug("{}: resync, {} queued notifications discarded", socket, discarded);
            List<Link> links = groups.contains(RtnlGroup.LINK) ? rt.links().list() : List.of();
            boolean v4 = groups.contains(RtnlGroup.IPV4_IFADDR);
            boolean v6 = groups.contains(RtnlGroup.IPV6_IFADDR);
            List<Address> addresses = v4 && v6 ? rt.addresses().list()
                    : v4 ? rt.addresses().list(AddressFamily.INET)
                    : v6 ? rt.addresses().list(AddressFamily.INET6) : List.of();
            List<Neighbour> neighbours = groups.contains(RtnlGroup.NEIGH) ? rt.neighbours().list() : List.of();
            List<RtEvent> others = RouteEventHooks.dumpRoutes(rt, groups);
            return new RtSnapshot(links, addresses, neighbours, others);
        } finally {
            readLock.unlock();
        }
    }

    /** Reads and drops everything queued until the socket is empty; returns the number of datagrams. */
    private int drain() {
        int dropped = pending.size();
        pending.clear();
        Duration tick = Duration.ofMillis(1);
        if (!tick.equals(currentTimeout)) {
            socket.setReceiveTimeout(tick);
            currentTimeout = tick;
        }
        for (int i = 0; i < MAX_DRAIN; i++) {
            try {
                in = socket.receive(in);
                dropped++;
            } catch (NetlinkTimeoutException empty) {
                return dropped;
            } catch (OverrunException again) {
                // reported once more while draining: keep going
            }
        }
        LOG.debug("{}: still not empty after {} datagrams", socket, MAX_DRAIN);
        return dropped;
    }

    /**
     * Ends the subscription: a blocked reader wakes and returns empty; both sockets are closed.
     * Idempotent; any thread.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            if (!readLock.tryLock()) {
                wakeReader();
                readLock.lock();
            }
            try {
                pending.clear();
                socket.close();
            } finally {
                readLock.unlock();
            }
        } finally {
            rt.close();
        }
    }

    /** Sends NLMSG_NOOP with NLM_F_ACK: the kernel's ACK ends the reader's receive. */
    private void wakeReader() {
        try {
            MessageWriter w = new MessageWriter(64);
            int start = w.beginMessage(Nlmsg.NLMSG_NOOP, Nlmsg.NLM_F_REQUEST | Nlmsg.NLM_F_ACK);
            w.endMessage(start);
            socket.send(w.slice(0));
        } catch (RuntimeException e) {
            LOG.debug("{}: could not wake the reader ({}); it stops within {}", socket, e.toString(), SLICE);
        }
    }

    @Override
    public String toString() {
        return "RtEvents" + groups + "[" + socket + "]";
    }

    /** Options of a subscription. */
    public static final class Builder {
        private NetNs netns;
        private final Set<RtnlGroup> groups = new LinkedHashSet<>();
        private int receiveBufferSize;

        private Builder() {
        }

        /** The namespace to watch (default: the calling thread's). */
        public Builder netns(NetNs ns) {
            this.netns = Objects.requireNonNull(ns, "ns");
            return this;
        }

        /** Adds groups to join. */
        public Builder groups(RtnlGroup... groups) {
            for (RtnlGroup g : groups) {
                this.groups.add(Objects.requireNonNull(g, "group"));
            }
            return this;
        }

        /**
         * The socket's receive buffer in bytes (SO_RCVBUFFORCE, 1024..1 GiB); default the system's.
         * Larger buffers make overruns rarer under bursts of changes.
         */
        public Builder receiveBufferSize(int bytes) {
            if (bytes < 1024 || bytes > (1 << 30)) {
                throw new IllegalArgumentException("buffer size must be in 1024..1073741824 bytes, was " + bytes);
            }
            this.receiveBufferSize = bytes;
            return this;
        }

        /**
         * Opens the subscription.
         *
         * @throws IllegalArgumentException when no group was named
         */
        public RtEvents open() {
            if (groups.isEmpty()) {
                throw new IllegalArgumentException("name at least one multicast group to join");
            }
            NetlinkSocket s = netns == null ? NetlinkSocket.open(NetlinkProtocol.ROUTE)
                    : NetlinkSocket.open(NetlinkProtocol.ROUTE, netns);
            Rtnetlink rt = null;
            try {
                if (receiveBufferSize > 0) {
                    s.setReceiveBufferSize(receiveBufferSize);
                }
                for (RtnlGroup g : groups) {
                    s.joinGroup(g.number());
                }
                rt = netns == null ? Rtnetlink.open() : Rtnetlink.open(netns);
                return new RtEvents(s, rt, Collections.unmodifiableSet(new LinkedHashSet<>(groups)));
            } catch (RuntimeException e) {
                s.close();
                if (rt != null) {
                    rt.close();
                }
                throw e;
            }
        }
    }
}
