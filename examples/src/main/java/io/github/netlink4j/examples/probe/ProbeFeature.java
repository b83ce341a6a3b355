package io.github.netlink4j.examples.probe;

/**
 * What the multi-tenant gateway needs from the kernel, each tried for real by {@link KernelProbe}
 * in scratch network namespaces.
 */
public enum ProbeFeature {
    /** A VRF device can be created ({@code ip link add NAME type vrf table T}). */
    VRF("VRF"),
    /** A gretap device in external (collect_md) mode can be created and reads back as external. */
    GRETAP_EXTERNAL("gretap external"),
    /**
     * An {@code encap ip id K dst B key} route through an external gretap sends its packets with GRE
     * key K to B (B's key-K gretap receives them), and reads back with the key flag.
     */
    LWTUNNEL_KEY("lwtunnel encap ip with key"),
    /**
     * The same route through a keyed gretap (key J): its packets carry the route's key K, not the
     * device's J.
     */
    KEYED_GRETAP_LWTUNNEL("keyed gretap with lwtunnel routes", false),
    /** An inet flowtable and a {@code flow add @ft} rule are accepted. */
    FLOWTABLES("flowtables"),
    /** A DNAT'ed TCP connection through a router is offloaded: its later packets bypass the forward chain. */
    FLOW_OFFLOAD_DNAT("flow offload with DNAT"),
    /** A TCP connection routed into a VRF is offloaded: its later packets bypass the forward chain. */
    FLOW_OFFLOAD_VRF("flow offload with VRF");

    private final String displayName;
    private final boolean gatewayUses;

    ProbeFeature(String displayName) {
        this(displayName, true);
    }

    ProbeFeature(String displayName, boolean gatewayUses) {
        this.displayName = displayName;
        this.gatewayUses = gatewayUses;
    }

    /**
     * Whether the reference gateway relies on this feature. It does not on
     * {@link #KEYED_GRETAP_LWTUNNEL}: it keeps one external gretap for every tenant, so a kernel
     * whose keyed gretaps ignore the route's key still serves it.
     */
    public boolean gatewayUses() {
        return gatewayUses;
    }

    /** The feature in the table's words, e.g. {@code flow offload with DNAT}. */
    public String displayName() {
        return displayName;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
