package io.github.netlink4j.core;

/**
 * A message from the kernel (or a byte array handed to a decoder) does not follow the netlink
 * rules or the schema of the attribute being read.
 *
 * <p>The message names the attribute path from the outside in ({@code RTA_ENCAP > LWTUNNEL_IP_DST}),
 * the byte offset in the message and a hex excerpt around it.
 */
public class MalformedMessageException extends NetlinkException {
    private static final long serialVersionUID = 1L;

    private final String path;
    private final int offset;
    private final String excerpt;

    public MalformedMessageException(String problem, String path, int offset, String excerpt) {
        super(problem + (path.isEmpty() ? "" : " in " + path) + " at offset " + offset
                + (excerpt.isEmpty() ? "" : " [" + excerpt + "]"));
        this.path = path;
        this.offset = offset;
        this.excerpt = excerpt;
    }

    /** The attribute path from the outside in, e.g. {@code RTA_ENCAP > LWTUNNEL_IP_DST}; empty at top level. */
    public String path() {
        return path;
    }

    /** Byte offset of the problem, from the start of the buffer being decoded. */
    public int offset() {
        return offset;
    }

    /** Hex of the bytes around {@link #offset()}. */
    public String excerpt() {
        return excerpt;
    }
}
