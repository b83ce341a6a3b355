package io.github.netlink4j.core;

import io.github.netlink4j.core.wire.Attr;
import io.github.netlink4j.core.wire.AttrReader;
import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.Codecs;
import io.github.netlink4j.core.wire.Hex;
import io.github.netlink4j.core.wire.MessageReader;
import io.github.netlink4j.core.wire.MessageWriter;
import io.github.netlink4j.core.wire.Nlmsg;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Request/reply over one netlink socket: single requests with their ACK, dumps streamed message by
 * message, and pipelines of many requests per sendmsg with every failure attributed to its request.
 *
 * <p>Thread safety: a channel may be shared by any number of threads. Each operation holds the
 * channel's lock from send to last reply, and every reply is matched to its request by sequence
 * number and port id (a late reply to an abandoned request is dropped). Handlers and decoders run on
 * the calling thread while the lock is held: they must not use the same channel.
 *
 * <p>A kernel refusal becomes a {@link KernelException} carrying the errno, the extended-ACK text
 * and the request attribute the kernel pointed at. NETLINK_CAP_ACK is on: errors do not echo the
 * request; the channel maps the extack offset onto its own copy of the request.
 */
public final class NetlinkChannel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NetlinkChannel.class);

    /** Receive-buffer bytes one queued ACK occupies in the kernel (skb truesize), with margin. */
    private static final int ACK_TRUESIZE = 1280;
    /** Receive buffer a pipeline asks for (SO_RCVBUFFORCE when permitted). */
    private static final int PIPELINE_RCVBUF = 8 * 1024 * 1024;
    /**
     * A pipeline without ACKs of at least this many requests encodes its datagrams on a second
     * thread, each while the kernel processes the one before (when there is more than one CPU).
     */
    static final int ENCODE_AHEAD_MIN_REQUESTS = 2048;
    /** Default time to wait for a reply. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    // enum nlmsgerr_attrs (include/uapi/linux/netlink.h)
    private static final Attr<String> NLMSGERR_ATTR_MSG = Attr.of(Nlmsg.NLMSGERR_ATTR_MSG, "NLMSGERR_ATTR_MSG", Codecs.STRING);
    private static final Attr<Integer> NLMSGERR_ATTR_OFFS = Attr.of(Nlmsg.NLMSGERR_ATTR_OFFS, "NLMSGERR_ATTR_OFFS", Codecs.U32);
    private static final Attr<Integer> NLMSGERR_ATTR_MISS_TYPE = Attr.of(Nlmsg.NLMSGERR_ATTR_MISS_TYPE, "NLMSGERR_ATTR_MISS_TYPE", Codecs.U32);
    private static final Attr<Integer> NLMSGERR_ATTR_MISS_NEST = Attr.of(Nlmsg.NLMSGERR_ATTR_MISS_NEST, "NLMSGERR_ATTR_MISS_NEST", Codecs.U32);
    private static final AttrSchema NLMSGERR = AttrSchema.of("nlmsgerr", "NLMSGERR_ATTR_",
            NLMSGERR_ATTR_MSG, NLMSGERR_ATTR_OFFS, NLMSGERR_ATTR_MISS_TYPE, NLMSGERR_ATTR_MISS_NEST);

    private final NetlinkSocket socket;
    private final ReentrantLock lock = new ReentrantLock();
    private final MessageWriter out = new MessageWriter(64 * 1024);
    /** The writer holding the requests whose answers are being read ({@link #out}, or a datagram encoded ahead). */
    private MessageWriter requestBytes = out;
    /** The datagrams a long pipeline encodes ahead while the kernel digests the one before; made on first use. */
    private MessageWriter[] ahead;
    private ByteBuffer in = ByteBuffer.allocateDirect(64 * 1024).order(ByteOrder.nativeOrder());
    /** A view of the writer's buffer, kept while the writer keeps that buffer, for sending ranges of it. */
    private ByteBuffer outBase;
    private ByteBuffer outView;
    private int nextSeq = 1;
    private boolean inCallback;
    private Duration timeout = DEFAULT_TIMEOUT;
    private boolean pipelineBuffersRaised;

    private NetlinkChannel(NetlinkSocket socket) {
        this.socket = socket;
        socket.setCapAck(true);
        socket.setReceiveTimeout(timeout);
    }

    /** A channel on a new socket of {@code protocol} in the calling thread's network namespace. */
    public static NetlinkChannel open(NetlinkProtocol protocol) {
        return new NetlinkChannel(NetlinkSocket.open(protocol));
    }

    /** A channel on a new socket of {@code protocol} inside network namespace {@code ns}. */
    public static NetlinkChannel open(NetlinkProtocol protocol, NetNs ns) {
        return new NetlinkChannel(NetlinkSocket.open(protocol, ns));
    }

    /** A channel over {@code socket}, which it then owns and closes. */
    public static NetlinkChannel wrap(NetlinkSocket socket) {
        return new NetlinkChannel(Objects.requireNonNull(socket, "socket"));
    }

    public NetlinkSocket socket() {
        return socket;
    }

    /**
     * Sets how long to wait for each reply (default 30 s).
     *
     * @throws IllegalArgumentException unless positive
     */
    public void setTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        lock.lock();
        try {
            this.timeout = timeout;
            socket.setReceiveTimeout(timeout);
        } finally {
            lock.unlock();
        }
    }

    // --- single requests ------------------------------------------------------------------------

    /**
     * Sends {@code request} with NLM_F_ACK and waits for the kernel's answer.
     *
     * @throws KernelException when the kernel refuses it
     */
    public void execute(NetlinkRequest request) {
        request(request, null);
    }

    /**
     * Sends {@code request} with NLM_F_ACK, passes every reply message (other than the ACK) to
     * {@code replies}, and returns when the ACK arrives.
     *
     * @throws KernelException when the kernel refuses it
     */
    public void request(NetlinkRequest request, MessageHandler replies) {
        enter();
        try {
            out.clear();
            int seq = encode(request, Nlmsg.NLM_F_ACK);
            send(0, request);
            while (true) {
                MessageReader m = receive();
                while (m.next()) {
                    if (!ours(m, seq)) {
                        continue;
                    }
                    if (m.type() == Nlmsg.NLMSG_ERROR) {
                        NetlinkException e = errorOf(m, request, 0);
                        if (e != null) {
                            throw e;
                        }
                        return;
                    }
                    if (m.type() == Nlmsg.NLMSG_DONE || m.type() == Nlmsg.NLMSG_NOOP) {
                        continue;
                    }
                    if (replies != null) {
                        callback(replies, m);
                    }
                }
            }
        } finally {
            exit();
        }
    }

    /**
     * Sends {@code request} and returns the first reply that {@code decoder} turns into a value.
     *
     * @throws NetlinkException when the kernel sent no such reply
     */
    public <T> T requestOne(NetlinkRequest request, MessageDecoder<T> decoder) {
        List<T> found = new ArrayList<>(1);
        request(request, m -> {
            if (found.isEmpty()) {
                T v = decoder.decode(m);
                if (v != null) {
                    found.add(v);
                }
            }
        });
        if (found.isEmpty()) {
            throw new NetlinkException(request.operation() + " got no reply: " + request);
        }
        return found.get(0);
    }

    /**
     * Sends a query ({@code RTM_GETROUTE} lookup, {@code RTM_GETLINK} by name) WITHOUT NLM_F_ACK, as
     * iproute2 does, and returns the first reply {@code decoder} turns into a value.
     *
     * @throws KernelException when the kernel refuses it
     */
    public <T> T query(NetlinkRequest request, MessageDecoder<T> decoder) {
        enter();
        try {
            out.clear();
            int seq = encode(request, 0);
            send(0, request);
            while (true) {
                MessageReader m = receive();
                while (m.next()) {
                    if (!ours(m, seq)) {
                        continue;
                    }
                    if (m.type() == Nlmsg.NLMSG_ERROR) {
                        NetlinkException e = errorOf(m, request, 0);
                        if (e != null) {
                            throw e;
                        }
                        throw new NetlinkException(request.operation() + " got an ACK but no reply: " + request);
                    }
                    if (m.type() < Nlmsg.NLMSG_MIN_TYPE) {
                        continue;
                    }
                    inCallback = true;
                    T v;
                    try {
                        v = decoder.decode(m);
                    } finally {
                        inCallback = false;
                    }
                    if (v != null) {
                        return v;
                    }
                }
            }
        } finally {
            exit();
        }
    }

    // --- dumps ----------------------------------------------------------------------------------

    /**
     * Runs a dump ({@code request.flags()} should include NLM_F_DUMP) and passes each message to
     * {@code handler} as it arrives; nothing is accumulated.
     *
     * @throws DumpInterruptedException after the dump completed, when the kernel flagged
     *                                  NLM_F_DUMP_INTR on any message (the set changed meanwhile)
     * @throws KernelException          when the kernel refuses the dump
     */
    public void dump(NetlinkRequest request, MessageHandler handler) {
        enter();
        try {
            out.clear();
            int seq = encode(request, 0);
            send(0, request);
            boolean interrupted = false;
            while (true) {
                MessageReader m = receive();
                while (m.next()) {
                    if (!ours(m, seq)) {
                        continue;
                    }
                    if ((m.flags() & Nlmsg.NLM_F_DUMP_INTR) != 0) {
                        interrupted = true;
                    }
                    int type = m.type();
                    if (type == Nlmsg.NLMSG_DONE) {
                        NetlinkException e = doneErrorOf(m, request);
                        if (e != null) {
                            throw e;
                        }
                        if (interrupted) {
                            throw new DumpInterruptedException(request.operation());
                        }
                        return;
                    }
                    if (type == Nlmsg.NLMSG_ERROR) {
                        NetlinkException e = errorOf(m, request, 0);
                        if (e != null) {
                            throw e;
                        }
                        continue;
                    }
                    if (type == Nlmsg.NLMSG_NOOP || type == Nlmsg.NLMSG_OVERRUN) {
                        continue;
                    }
                    callback(handler, m);
                }
            }
        } finally {
            exit();
        }
    }

    /**
     * Runs a dump and collects the decoded values; when the kernel flags the dump as interrupted,
     * dumps again, up to {@code attempts} times in all.
     *
     * @throws DumpInterruptedException when every attempt was interrupted
     */
    public <T> List<T> dumpAll(NetlinkRequest request, MessageDecoder<T> decoder, int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be >= 1, was " + attempts);
        }
        for (int i = 1; ; i++) {
            List<T> result = new ArrayList<>();
            try {
                dump(request, m -> {
                    T v = decoder.decode(m);
                    if (v != null) {
                        result.add(v);
                    }
                });
                return result;
            } catch (DumpInterruptedException e) {
                if (i >= attempts) {
                    throw e;
                }
                LOG.debug("{} dump interrupted, attempt {} of {}", request.operation(), i, attempts);
            }
        }
    }

    /** {@link #dumpAll(NetlinkRequest, MessageDecoder, int)} with 3 attempts. */
    public <T> List<T> dumpAll(NetlinkRequest request, MessageDecoder<T> decoder) {
        return dumpAll(request, decoder, 3);
    }

    // --- pipelines ------------------------------------------------------------------------------

    /**
     * Sends many requests, many per sendmsg, and reports the outcome of each: see
     * {@link PipelineOptions}. Requests are processed by the kernel in order; a failed request does
     * not stop the ones after it (except inside an envelope, where the kernel decides). The socket's
     * buffers are raised so that answers do not overflow it; if they overflow all the same, the
     * requests whose answer was lost are reported with an {@link OverrunException}, and the
     * pipeline goes on with smaller datagrams.
     */
    public PipelineResult pipeline(List<? extends NetlinkRequest> requests, PipelineOptions options) {
        Objects.requireNonNull(requests, "requests");
        enter();
        try {
            raisePipelineBuffers();
            List<PipelineResult.Failure> failures = new ArrayList<>();
            if (options.envelope().isPresent()) {
                pipelineEnvelope(requests, options, failures);
            } else {
                pipelineChunks(requests, options, failures);
            }
            failures.sort(Comparator.comparingInt(PipelineResult.Failure::index));
            return new PipelineResult(requests.size(), failures);
        } finally {
            exit();
        }
    }

    private void raisePipelineBuffers() {
        if (!pipelineBuffersRaised) {
            socket.setReceiveBufferSize(PIPELINE_RCVBUF);
            socket.setSendBufferSize(PIPELINE_RCVBUF);
            pipelineBuffersRaised = true;
        }
    }

    private void pipelineChunks(List<? extends NetlinkRequest> requests, PipelineOptions o,
                                List<PipelineResult.Failure> failures) {
        boolean each = o.acks() == PipelineOptions.Acks.EACH;
        int n = requests.size();
        int maxBytes = Math.min(o.maxBytes(), socket.sendBufferSize() / 2);
        if (!each && n >= ENCODE_AHEAD_MIN_REQUESTS && Runtime.getRuntime().availableProcessors() > 1) {
            pipelineEncodingAhead(requests, maxBytes, failures);
            return;
        }
        int maxMessages = each ? Math.max(1, socket.receiveBufferSize() / ACK_TRUESIZE) : Integer.MAX_VALUE;
        int[] starts = new int[Math.min(n, 4096)];
        int i = 0;
        while (i < n) {
            out.clear();
            int first = i;
            int firstSeq = nextSeq;
            while (i < n && i - first < maxMessages) {
                int start = out.position();
                encode(requests.get(i), each ? Nlmsg.NLM_F_ACK : 0);
                if (out.position() > maxBytes && i > first) {
                    out.truncate(start);
                    nextSeq--;
                    break;
                }
                if (i - first == starts.length) {
                    starts = java.util.Arrays.copyOf(starts, starts.length * 2);
                }
                starts[i - first] = start;
                i++;
            }
            int count = i - first;
            int barrierSeq = each ? 0 : encodeBarrier();
            if (LOG.isDebugEnabled()) {
                LOG.debug("pipeline: {} requests ({} .. {}) in {} bytes, port {}", count,
                        requests.get(first).operation(), requests.get(i - 1).operation(), out.position(), socket.portId());
            }
            send(0, null);
            boolean overrun = collect(requests, first, count, firstSeq, starts, barrierSeq, each, failures);
            if (overrun) {
                maxMessages = Math.max(1, Math.min(maxMessages, count) / 2);
                maxBytes = Math.max(4096, maxBytes / 2);
            }
        }
    }

    /**
     * One datagram of a pipeline encoded ahead: requests [first, first + count) from sequence
     * number firstSeq on, each at starts[k] of w, then the barrier. When encoding request
     * first + count threw, {@code error} holds why and nothing after it is encoded.
     */
    private static final class Chunk {
        static final Chunk END = new Chunk(null);
        final MessageWriter w;
        int first;
        int count;
        int firstSeq;
        int barrierSeq;
        int nextSeq;
        int[] starts = new int[1024];
        /** A RuntimeException or Error. */
        Throwable error;

        Chunk(MessageWriter w) {
            this.w = w;
        }
    }

    /**
     * A pipeline without ACKs whose datagrams are encoded on a second thread: while sendmsg runs
     * the kernel's handlers for datagram k (on the calling thread, as netlink does), datagram k + 1
     * is encoded, so the library's own time per request hides behind the kernel's. The requests,
     * their order, sequence numbers, barriers and the failures reported are those of the serial
     * pipeline; datagrams already sent stay sent when a later request cannot be encoded, and the
     * encoding exception is thrown after their answers are read, as the serial pipeline does.
     */
    private void pipelineEncodingAhead(List<? extends NetlinkRequest> requests, int maxBytes,
                                       List<PipelineResult.Failure> failures) {
        if (ahead == null) {
            ahead = new MessageWriter[]{new MessageWriter(PipelineOptions.DEFAULT_MAX_BYTES + 64 * 1024),
                    new MessageWriter(PipelineOptions.DEFAULT_MAX_BYTES + 64 * 1024),
                    new MessageWriter(PipelineOptions.DEFAULT_MAX_BYTES + 64 * 1024)};
        }
        java.util.concurrent.BlockingQueue<MessageWriter> free = new java.util.concurrent.ArrayBlockingQueue<>(ahead.length);
        java.util.concurrent.BlockingQueue<Chunk> filled = new java.util.concurrent.ArrayBlockingQueue<>(ahead.length + 1);
        free.addAll(java.util.Arrays.asList(ahead));
        int seq0 = nextSeq;
        Thread encoder = new Thread(() -> encodeAhead(requests, maxBytes, seq0, free, filled),
                "netlink4j-pipeline-encoder-" + Integer.toUnsignedString(socket.portId()));
        encoder.setDaemon(true);
        encoder.start();
        boolean done = false;
        try {
            while (true) {
                Chunk c = take(filled);
                if (c == Chunk.END) {
                    break;
                }
                nextSeq = c.nextSeq;
                if (c.count > 0) {
                    if (LOG.isDebugEnabled()) {
                        LOG.debug("pipeline: {} requests ({} .. {}) in {} bytes, port {}", c.count,
                                requests.get(c.first).operation(), requests.get(c.first + c.count - 1).operation(),
                                c.w.position(), socket.portId());
                    }
                    requestBytes = c.w;
                    sendWriter(c.w);
                    if (collect(requests, c.first, c.count, c.firstSeq, c.starts, c.barrierSeq, false, failures)) {
                        LOG.debug("pipeline: answers lost to an overrun in requests {} .. {}", c.first, c.first + c.count - 1);
                    }
                    requestBytes = out;
                }
                if (c.error instanceof RuntimeException e) {
                    throw e;
                }
                if (c.error instanceof Error e) {
                    throw e;
                }
                free.add(c.w);
            }
            done = true;
        } finally {
            requestBytes = out;
            if (!done) {
                encoder.interrupt();
            }
            boolean interrupted = false;
            while (encoder.isAlive()) {
                try {
                    encoder.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Chunk take(java.util.concurrent.BlockingQueue<Chunk> q) {
        try {
            return q.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetlinkException("interrupted while a pipeline was being sent; requests already sent stay sent", e);
        }
    }

    /** The encoder thread of {@link #pipelineEncodingAhead}; touches nothing of the channel but the writers it is given. */
    private static void encodeAhead(List<? extends NetlinkRequest> requests, int maxBytes, int seq0,
                                    java.util.concurrent.BlockingQueue<MessageWriter> free,
                                    java.util.concurrent.BlockingQueue<Chunk> filled) {
        int n = requests.size();
        int seq = seq0;
        int i = 0;
        try {
            while (i < n) {
                MessageWriter w = free.take();
                w.clear();
                Chunk c = new Chunk(w);
                c.first = i;
                c.firstSeq = seq;
                try {
                    while (i < n) {
                        int start = w.position();
                        NetlinkRequest r = requests.get(i);
                        int h = w.beginMessage(r.type(), Nlmsg.NLM_F_REQUEST | r.flags());
                        w.setSeq(h, seq);
                        r.encode(w);
                        w.endMessage(h);
                        if (w.position() > maxBytes && i > c.first) {
                            w.truncate(start);
                            break;
                        }
                        int k = i - c.first;
                        if (k == c.starts.length) {
                            c.starts = java.util.Arrays.copyOf(c.starts, k * 2);
                        }
                        c.starts[k] = start;
                        seq = seq + 1 == 0 ? 1 : seq + 1;
                        i++;
                    }
                    c.count = i - c.first;
                    // the barrier: an NLMSG_NOOP with NLM_F_ACK, acked after everything before it
                    c.barrierSeq = seq;
                    int b = w.beginMessage(Nlmsg.NLMSG_NOOP, Nlmsg.NLM_F_REQUEST | Nlmsg.NLM_F_ACK);
                    w.setSeq(b, seq);
                    w.endMessage(b);
                    seq = seq + 1 == 0 ? 1 : seq + 1;
                } catch (RuntimeException | Error e) {
                    // as the serial pipeline: the datagram being encoded is not sent
                    c.error = e;
                    c.count = 0;
                }
                c.nextSeq = seq;
                filled.put(c);
                if (c.error != null) {
                    return;
                }
            }
            filled.put(Chunk.END);
        } catch (InterruptedException e) {
            // the sending side gave up
        }
    }

    private void sendWriter(MessageWriter w) {
        if (LOG.isTraceEnabled()) {
            LOG.trace("send {} bytes:\n{}", w.position(), Hex.dump(w.buffer(), 0, w.position()));
        }
        ByteBuffer v = w.buffer().duplicate();
        v.position(0).limit(w.position());
        socket.send(v);
    }

    private void pipelineEnvelope(List<? extends NetlinkRequest> requests, PipelineOptions o,
                                  List<PipelineResult.Failure> failures) {
        boolean each = o.acks() == PipelineOptions.Acks.EACH;
        PipelineOptions.Envelope env = o.envelope().orElseThrow();
        int n = requests.size();
        out.clear();
        int beginSeq = encode(env.begin(), 0);
        int firstSeq = nextSeq;
        int[] starts = new int[n];
        for (int i = 0; i < n; i++) {
            starts[i] = out.position();
            encode(requests.get(i), each ? Nlmsg.NLM_F_ACK : 0);
        }
        int endStart = out.position();
        int endSeq = encode(env.end(), 0);
        int batchLength = out.position();
        if (batchLength + 4096 > socket.sendBufferSize()) {
            socket.setSendBufferSize(batchLength * 2 + 65536);
            if (batchLength + 32 > socket.sendBufferSize()) {
                throw new IllegalStateException("batch of " + batchLength + " bytes exceeds the socket send buffer ("
                        + socket.sendBufferSize() + " bytes) and it cannot be raised; split the batch");
            }
        }
        if (each && n * ACK_TRUESIZE > socket.receiveBufferSize()) {
            socket.setReceiveBufferSize(n * ACK_TRUESIZE * 2);
        }
        int barrierSeq = encodeBarrier();
        LOG.debug("batch: {} requests in {} bytes, port {}", n, batchLength, socket.portId());
        sendRange(0, batchLength);
        sendRange(batchLength, out.position());
        collectEnvelope(requests, firstSeq, starts, beginSeq, endSeq, endStart, env, barrierSeq, failures);
    }

    /** Appends an NLMSG_NOOP with NLM_F_ACK: the kernel acks it after everything sent before it. */
    private int encodeBarrier() {
        int seq = nextSeq();
        int start = out.beginMessage(Nlmsg.NLMSG_NOOP, Nlmsg.NLM_F_REQUEST | Nlmsg.NLM_F_ACK);
        out.setSeq(start, seq);
        out.endMessage(start);
        return seq;
    }

    /**
     * Reads the answers to requests [first, first + count) of a chunk. Returns true when the socket
     * overran and some answers were lost.
     */
    private boolean collect(List<? extends NetlinkRequest> requests, int first, int count, int firstSeq,
                            int[] starts, int barrierSeq, boolean each, List<PipelineResult.Failure> failures) {
        boolean[] answered = new boolean[count];
        int pending = count;
        try {
            while (each ? pending > 0 : true) {
                MessageReader m = receive();
                boolean barrierSeen = false;
                while (m.next()) {
                    if (m.pid() != socket.portId() && m.pid() != 0) {
                        continue;
                    }
                    int seq = m.seq();
                    if (!each && seq == barrierSeq && m.type() == Nlmsg.NLMSG_ERROR) {
                        barrierSeen = true;
                        continue;
                    }
                    int idx = seq - firstSeq;
                    if (idx < 0 || idx >= count || m.type() != Nlmsg.NLMSG_ERROR) {
                        continue;
                    }
                    NetlinkRequest r = requests.get(first + idx);
                    NetlinkException e = errorOf(m, r, starts[idx]);
                    if (!answered[idx]) {
                        answered[idx] = true;
                        pending--;
                    }
                    if (e != null) {
                        failures.add(new PipelineResult.Failure(first + idx, r, e));
                    }
                }
                if (barrierSeen) {
                    break;
                }
            }
            return false;
        } catch (OverrunException overrun) {
            drainAfterOverrun(requests, first, count, firstSeq, starts, answered, each, failures);
            return true;
        }
    }

    private void drainAfterOverrun(List<? extends NetlinkRequest> requests, int first, int count, int firstSeq,
                                   int[] starts, boolean[] answered, boolean each,
                                   List<PipelineResult.Failure> failures) {
        LOG.debug("pipeline: receive buffer overran; draining and marking lost answers");
        // Everything the kernel answered was queued while sendmsg ran: read what is left.
        socket.setReceiveTimeout(Duration.ofMillis(20));
        try {
            while (true) {
                MessageReader m;
                try {
                    m = receive();
                } catch (OverrunException again) {
                    continue;
                }
                while (m.next()) {
                    int idx = m.seq() - firstSeq;
                    if (idx < 0 || idx >= count || m.type() != Nlmsg.NLMSG_ERROR) {
                        continue;
                    }
                    NetlinkRequest r = requests.get(first + idx);
                    NetlinkException e = errorOf(m, r, starts[idx]);
                    answered[idx] = true;
                    if (e != null) {
                        failures.add(new PipelineResult.Failure(first + idx, r, e));
                    }
                }
            }
        } catch (NetlinkTimeoutException drained) {
            // queue empty
        } finally {
            socket.setReceiveTimeout(timeout);
        }
        for (int k = 0; k < count; k++) {
            // With ACKs on, an unanswered request lost its answer. Without, a lost error and a
            // success look alike: every unanswered request is unknown.
            if (!answered[k]) {
                NetlinkRequest r = requests.get(first + k);
                failures.add(new PipelineResult.Failure(first + k, r, new OverrunException(
                        r.operation() + " outcome unknown: its answer was lost to a receive-buffer overrun (ENOBUFS): " + r)));
            }
        }
    }

    private void collectEnvelope(List<? extends NetlinkRequest> requests, int firstSeq, int[] starts,
                                 int beginSeq, int endSeq, int endStart, PipelineOptions.Envelope env,
                                 int barrierSeq, List<PipelineResult.Failure> failures) {
        int n = requests.size();
        try {
            while (true) {
                MessageReader m = receive();
                boolean barrierSeen = false;
                while (m.next()) {
                    if (m.pid() != socket.portId() && m.pid() != 0) {
                        continue;
                    }
                    if (m.type() != Nlmsg.NLMSG_ERROR) {
                        continue;
                    }
                    int seq = m.seq();
                    if (seq == barrierSeq) {
                        barrierSeen = true;
                        continue;
                    }
                    if (seq == beginSeq || seq == endSeq) {
                        NetlinkException e = errorOf(m, seq == beginSeq ? env.begin() : env.end(),
                                seq == beginSeq ? 0 : endStart);
                        if (e != null) {
                            failures.add(new PipelineResult.Failure(seq == beginSeq ? -1 : n,
                                    seq == beginSeq ? env.begin() : env.end(), e));
                        }
                        continue;
                    }
                    int idx = seq - firstSeq;
                    if (idx < 0 || idx >= n) {
                        continue;
                    }
                    NetlinkException e = errorOf(m, requests.get(idx), starts[idx]);
                    if (e != null) {
                        failures.add(new PipelineResult.Failure(idx, requests.get(idx), e));
                    }
                }
                if (barrierSeen) {
                    return;
                }
            }
        } catch (OverrunException overrun) {
            throw new OverrunException("batch of " + n + " requests: answers lost to a receive-buffer overrun (ENOBUFS);"
                    + " the batch's outcome must be checked by reading the state back");
        }
    }

    // --- plumbing -------------------------------------------------------------------------------

    private int nextSeq() {
        int s = nextSeq++;
        if (nextSeq == 0) {
            nextSeq = 1;
        }
        return s;
    }

    /** Encodes one request at the writer's position; returns its sequence number. */
    private int encode(NetlinkRequest request, int extraFlags) {
        int seq = nextSeq();
        int start = out.beginMessage(request.type(), Nlmsg.NLM_F_REQUEST | request.flags() | extraFlags);
        out.setSeq(start, seq);
        request.encode(out);
        out.endMessage(start);
        return seq;
    }

    private void send(int from, NetlinkRequest request) {
        if (request != null && LOG.isDebugEnabled()) {
            LOG.debug("{} port {}: {}", request.operation(), socket.portId(), request);
        }
        sendRange(from, out.position());
    }

    private void sendRange(int from, int to) {
        ByteBuffer b = out.buffer();
        if (b != outBase) { // the writer grew: a new view of its new buffer
            outBase = b;
            outView = b.duplicate();
        }
        if (LOG.isTraceEnabled()) {
            LOG.trace("send {} bytes:\n{}", to - from, Hex.dump(b, from, to));
        }
        outView.clear();
        outView.position(from).limit(to);
        socket.send(outView);
    }

    private MessageReader receive() {
        in.clear();
        in = socket.receive(in);
        if (in.order() != ByteOrder.nativeOrder()) {
            in.order(ByteOrder.nativeOrder());
        }
        if (LOG.isTraceEnabled()) {
            LOG.trace("received {} bytes:\n{}", in.limit(), Hex.dump(in, 0, in.limit()));
        }
        return new MessageReader(in);
    }

    private boolean ours(MessageReader m, int seq) {
        if (m.seq() != seq || (m.pid() != socket.portId() && m.pid() != 0)) {
            LOG.debug("dropping stale message type {} seq {} pid {} (waiting for seq {})", m.type(), m.seq(), m.pid(), seq);
            return false;
        }
        return true;
    }

    private void callback(MessageHandler handler, MessageReader m) {
        inCallback = true;
        try {
            handler.onMessage(m);
        } finally {
            inCallback = false;
        }
    }

    private void enter() {
        lock.lock();
        if (inCallback) {
            lock.unlock();
            throw new IllegalStateException("a reply handler must not use the channel it is called from");
        }
        if (!socket.isOpen()) {
            lock.unlock();
            throw new IllegalStateException("channel is closed: " + socket);
        }
    }

    private void exit() {
        lock.unlock();
    }

    /**
     * The exception for an NLMSG_ERROR, or null for an ACK (error 0).
     *
     * <pre>
     * struct nlmsgerr { int error; struct nlmsghdr msg; };  // then, unless NLM_F_CAPPED, msg's payload;
     *                                                      // then, with NLM_F_ACK_TLVS, enum nlmsgerr_attrs
     * </pre>
     *
     * @param requestStart where the request is in {@link #out}, to name the attribute the extack points at
     */
    private NetlinkException errorOf(MessageReader m, NetlinkRequest request, int requestStart) {
        m.requirePayload(4 + Nlmsg.HDRLEN, "struct nlmsgerr");
        ByteBuffer b = m.buffer();
        int p = m.payloadOffset();
        int error = b.getInt(p);
        if (error == 0) {
            return null;
        }
        int tlvStart;
        if ((m.flags() & Nlmsg.NLM_F_CAPPED) != 0) {
            tlvStart = p + 4 + Nlmsg.HDRLEN;
        } else {
            tlvStart = p + 4 + Nlmsg.align(b.getInt(p + 4));
        }
        return kernelError(m, error, tlvStart, request, requestStart);
    }

    /** NLMSG_DONE carries an int: negative when the dump failed; extack TLVs follow with NLM_F_ACK_TLVS. */
    private NetlinkException doneErrorOf(MessageReader m, NetlinkRequest request) {
        if (m.payloadLength() < 4) {
            return null;
        }
        int error = m.buffer().getInt(m.payloadOffset());
        if (error >= 0) {
            return null;
        }
        return kernelError(m, error, m.payloadOffset() + 4, request, 0);
    }

    private KernelException kernelError(MessageReader m, int error, int tlvStart, NetlinkRequest request,
                                        int requestStart) {
        String text = null;
        int offs = -1;
        int missType = -1;
        int missNest = -1;
        if ((m.flags() & Nlmsg.NLM_F_ACK_TLVS) != 0 && tlvStart < m.end()) {
            AttrReader r = new AttrReader(m.buffer(), tlvStart, m.end(), NLMSGERR);
            while (r.next()) {
                switch (r.type()) {
                    case Nlmsg.NLMSGERR_ATTR_MSG -> text = r.string();
                    case Nlmsg.NLMSGERR_ATTR_OFFS -> offs = r.u32();
                    case Nlmsg.NLMSGERR_ATTR_MISS_TYPE -> missType = r.u32();
                    case Nlmsg.NLMSGERR_ATTR_MISS_NEST -> missNest = r.u32();
                    default -> {
                    }
                }
            }
        }
        String path = null;
        int reqLen = requestBytes.position() - requestStart >= Nlmsg.HDRLEN ? requestBytes.buffer().getInt(requestStart) : 0;
        if (reqLen >= Nlmsg.HDRLEN && requestStart + reqLen <= requestBytes.position()) {
            int attrsFrom = requestStart + Nlmsg.HDRLEN + Nlmsg.align(request.headerLength());
            if (offs >= 0) {
                if (offs < Nlmsg.HDRLEN + request.headerLength()) {
                    path = offs < Nlmsg.HDRLEN ? "nlmsghdr" : "header byte " + (offs - Nlmsg.HDRLEN);
                } else {
                    path = request.schema().pathTo(requestBytes.buffer(), attrsFrom, requestStart + reqLen, requestStart + offs);
                }
            }
            if (missType >= 0) {
                String nest = missNest >= 0
                        ? request.schema().pathTo(requestBytes.buffer(), attrsFrom, requestStart + reqLen, requestStart + missNest)
                        : "";
                String missing = "missing attribute " + (nest.isEmpty()
                        ? request.schema().nameOf(missType) : nest + " > #" + missType);
                path = path == null || path.isEmpty() ? missing : path + "; " + missing;
            }
        }
        if (path != null && path.isEmpty()) {
            path = null;
        }
        return new KernelException(Errno.of(-error), request.operation(), request.toString(), text, path, offs);
    }

    /** Closes the socket; idempotent. */
    @Override
    public void close() {
        socket.close();
    }

    @Override
    public String toString() {
        return "NetlinkChannel[" + socket + "]";
    }
}
