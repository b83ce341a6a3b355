/**
 * The netlink protocol: sockets, framing, attributes, requests, dumps, pipelines, namespaces.
 */
module io.github.netlink4j.core {
    requires org.jnrproject.ffi;
    requires org.jnrproject.constants;
    requires org.slf4j;

    exports io.github.netlink4j.core;
    exports io.github.netlink4j.core.wire;
    // jnr-ffi generates the LibC implementation at run time and must reach the interface.
    opens io.github.netlink4j.core.internal to org.jnrproject.ffi;
    exports io.github.netlink4j.core.internal to org.jnrproject.ffi;
}
