package io.github.netlink4j.rtnl;

/** What a route request does, with the NLM_F_* flags ip sends for each. */
public enum RouteVerb {
    /** {@code ip route add}: create, fail if it exists (NLM_F_CREATE | NLM_F_EXCL). */
    ADD("add"),
    /** {@code ip route replace}: create or replace (NLM_F_CREATE | NLM_F_REPLACE). */
    REPLACE("replace"),
    /** {@code ip route append}: add another route for the same destination (NLM_F_CREATE | NLM_F_APPEND). */
    APPEND("append"),
    /** {@code ip route prepend}: add another route in front (NLM_F_CREATE). */
    PREPEND("prepend"),
    /** {@code ip route change}: replace an existing route only (NLM_F_REPLACE). */
    CHANGE("change"),
    /** {@code ip route del}. */
    DELETE("del");

    private final String word;

    RouteVerb(String word) {
        this.word = word;
    }

    /** The ip word for it. */
    public String word() {
        return word;
    }

    int nlmFlags() {
        return RouteRequest.flagsOf(this);
    }
}
