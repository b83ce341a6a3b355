package io.github.netlink4j.core;

/**
 * The kernel flagged a dump with {@code NLM_F_DUMP_INTR}: the object set changed while it was
 * being dumped, so what was received may be inconsistent. Dump again.
 */
public class DumpInterruptedException extends NetlinkException {
    private static final long serialVersionUID = 1L;

    private final String operation;

    public DumpInterruptedException(String operation) {
        super(operation + " dump was interrupted by a concurrent change (NLM_F_DUMP_INTR); dump again");
        this.operation = operation;
    }

    public String operation() {
        return operation;
    }
}
