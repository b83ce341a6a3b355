package io.github.netlink4j.rtnl;

import io.github.netlink4j.core.NetNs;

import java.util.Objects;

/**
 * The network namespace a link is created in or moved to ({@code netns NAME} / {@code netns PID}):
 * IFLA_NET_NS_FD with a namespace handle's file descriptor, or IFLA_NET_NS_PID with a process id.
 * A request only: the kernel never reports it.
 */
public sealed interface NetnsTarget {
    /** The namespace of handle {@code ns}; the handle must stay open until the request is sent. */
    static NetnsTarget of(NetNs ns) {
        return new Fd(ns);
    }

    /** The namespace of process {@code pid}. */
    static NetnsTarget pid(int pid) {
        return new Pid(pid);
    }

    /** IFLA_NET_NS_FD: the namespace of an open handle. */
    record Fd(NetNs ns) implements NetnsTarget {
        public Fd {
            Objects.requireNonNull(ns, "ns");
        }

        /** {@code NAME} for a named namespace, else a /proc path ip can open. */
        @Override
        public String toString() {
            return ns.name().orElseGet(() -> "/proc/" + ProcessHandle.current().pid() + "/fd/" + ns.fd());
        }
    }

    /** IFLA_NET_NS_PID: the namespace of a process. */
    record Pid(int pid) implements NetnsTarget {
        public Pid {
            if (pid < 1) {
                throw new IllegalArgumentException("pid must be >= 1, was " + pid);
            }
        }

        @Override
        public String toString() {
            return Integer.toString(pid);
        }
    }
}
