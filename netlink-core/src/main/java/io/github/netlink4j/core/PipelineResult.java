package io.github.netlink4j.core;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of {@link NetlinkChannel#pipeline}: how many requests were sent and, for each one that
 * failed, which one and why. A request whose outcome could not be learned (its answer was lost to a
 * receive-buffer overrun) is a failure with an {@link OverrunException}.
 *
 * @param sent     the number of requests sent
 * @param failures the failed requests in request order
 */
public record PipelineResult(int sent, List<Failure> failures) {
    public PipelineResult {
        failures = List.copyOf(failures);
    }

    /**
     * One failed request.
     *
     * @param index   its position in the list given to the pipeline
     * @param request the request
     * @param error   a {@link KernelException} (refused) or {@link OverrunException} (outcome unknown)
     */
    public record Failure(int index, NetlinkRequest request, NetlinkException error) {
        public Failure {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(error, "error");
        }
    }

    public boolean ok() {
        return failures.isEmpty();
    }

    /** Throws a {@link PipelineException} listing every failure, if there was any. */
    public PipelineResult throwIfFailed() {
        if (!failures.isEmpty()) {
            throw new PipelineException(this);
        }
        return this;
    }
}
