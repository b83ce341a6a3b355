package io.github.netlink4j.examples.probe;

import io.github.netlink4j.core.NetNs;
import io.github.netlink4j.rtnl.Link;
import io.github.netlink4j.rtnl.LinkChange;
import io.github.netlink4j.rtnl.NetnsTarget;
import io.github.netlink4j.rtnl.Rtnetlink;
import io.github.netlink4j.rtnl.Veth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The scratch network namespaces of one feature's probe: named {@code nl4j-probe-XXXXXX-ROLE}, made
 * with the library, and all deleted by {@link #close()} (idempotent, callable from another thread,
 * e.g. when the probe timed out).
 */
final class Scratch implements AutoCloseable {
    private final String prefix;
    private final List<NetNs> handles = new ArrayList<>();
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private boolean closed;

    Scratch(ProbeFeature feature) {
        this.prefix = "nl4j-probe-" + String.format("%06x", ThreadLocalRandom.current().nextInt(1 << 24)) + "-"
                + feature.name().toLowerCase(Locale.ROOT).replace('_', '-').substring(0, Math.min(8, feature.name().length()));
    }

    /** A new namespace with loopback up and IPv6 off (no neighbour discovery or MLD moving counters). */
    synchronized NetNs netns(String role) {
        if (closed) {
            throw new IllegalStateException("scratch namespaces already removed (timed out?)");
        }
        String name = prefix + "-" + role;
        NetNs ns = NetNs.create(name);
        names.add(name);
        handles.add(ns);
        for (String conf : List.of("default", "all")) {
            String key = "net/ipv6/conf/" + conf + "/disable_ipv6";
            if (ns.readSysctl(key).isPresent()) {    // a kernel without IPv6 has none
                ns.writeSysctl(key, "1");
            }
        }
        try (Rtnetlink rt = Rtnetlink.open(ns)) {
            rt.links().set(LinkChange.of("lo").up().build());
        }
        return ns;
    }

    /** Keeps {@code r} to close with the namespaces. */
    synchronized <T extends AutoCloseable> T keep(T r) {
        resources.add(r);
        return r;
    }

    /** A veth pair: {@code nameA} in {@code a}'s namespace, {@code nameB} in {@code b}'s, both up. */
    static void veth(Rtnetlink a, String nameA, NetNs b, Rtnetlink rtB, String nameB) {
        a.links().add(Link.builder(nameA).up()
                .kind(Veth.peer(Link.builder(nameB).netns(NetnsTarget.of(b)).build())).build());
        rtB.links().set(LinkChange.of(nameB).up().build());
    }

    /** Closes what was kept, then deletes every namespace made here. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (AutoCloseable r : resources) {
            try {
                r.close();
            } catch (Exception e) {
                // the namespaces go anyway
            }
        }
        for (NetNs ns : handles) {
            ns.close();
        }
        RuntimeException first = null;
        for (String n : names) {
            try {
                if (NetNs.exists(n)) {
                    NetNs.delete(n);
                }
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
