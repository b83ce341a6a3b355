package io.github.netlink4j.core;

import java.util.Optional;

/**
 * How {@link NetlinkChannel#pipeline} sends a list of requests.
 *
 * @param acks     {@link Acks#EACH}: every request asks for an ACK (the kernel answers each);
 *                 {@link Acks#ERRORS_ONLY}: requests stream without NLM_F_ACK, so the kernel answers
 *                 only the ones that fail, and a barrier ends each datagram
 * @param maxBytes the most bytes per sendmsg (the socket's send buffer is raised to fit)
 * @param envelope when present, all requests go in ONE datagram between these two messages (an
 *                 nfnetlink batch: NFNL_MSG_BATCH_BEGIN ... NFNL_MSG_BATCH_END)
 */
public record PipelineOptions(Acks acks, int maxBytes, Optional<Envelope> envelope) {
    /** Default bytes per datagram. */
    public static final int DEFAULT_MAX_BYTES = 128 * 1024;

    /** Which requests ask for an ACK. */
    public enum Acks { EACH, ERRORS_ONLY }

    /** The messages that open and close a batch datagram. */
    public record Envelope(NetlinkRequest begin, NetlinkRequest end) {
    }

    public PipelineOptions {
        if (maxBytes < 4096 || maxBytes > 64 * 1024 * 1024) {
            throw new IllegalArgumentException("maxBytes must be in 4096..67108864, was " + maxBytes);
        }
    }

    /** Each request acknowledged; datagrams of up to {@value #DEFAULT_MAX_BYTES} bytes. */
    public static PipelineOptions ackEach() {
        return new PipelineOptions(Acks.EACH, DEFAULT_MAX_BYTES, Optional.empty());
    }

    /** Only failures answered; the fastest way to send many requests that still reports every failure. */
    public static PipelineOptions errorsOnly() {
        return new PipelineOptions(Acks.ERRORS_ONLY, DEFAULT_MAX_BYTES, Optional.empty());
    }

    public PipelineOptions withMaxBytes(int bytes) {
        return new PipelineOptions(acks, bytes, envelope);
    }

    public PipelineOptions withEnvelope(NetlinkRequest begin, NetlinkRequest end) {
        return new PipelineOptions(acks, maxBytes, Optional.of(new Envelope(begin, end)));
    }
}
