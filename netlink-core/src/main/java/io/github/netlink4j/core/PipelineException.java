package io.github.netlink4j.core;

/**
 * Some requests of a pipeline failed. {@link #result()} names each one; the first failure is the
 * cause and the others are suppressed.
 */
public class PipelineException extends NetlinkException {
    private static final long serialVersionUID = 1L;

    private final transient PipelineResult result;

    public PipelineException(PipelineResult result) {
        super(describe(result), result.failures().get(0).error());
        this.result = result;
        for (int i = 1; i < result.failures().size() && i < 100; i++) {
            addSuppressed(result.failures().get(i).error());
        }
    }

    private static String describe(PipelineResult r) {
        PipelineResult.Failure f = r.failures().get(0);
        return r.failures().size() + " of " + r.sent() + " requests failed; first, #" + f.index() + ": "
                + f.error().getMessage();
    }

    public PipelineResult result() {
        return result;
    }
}
