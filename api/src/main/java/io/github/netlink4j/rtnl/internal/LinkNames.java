package io.github.netlink4j.rtnl.internal;

import io.github.netlink4j.core.Errno;
import io.github.netlink4j.core.KernelException;
import io.github.netlink4j.core.NetlinkChannel;

import io.github.netlink4j.rtnl.LinkRef;

import java.util.HashMap;
import java.util.Map;

/**
 * Device name to ifindex through the kernel, with the request and decoder {@code Links.indexOf}
 * uses ({@link LinkRequests#get}, {@link LinkRequests#decodeIndex}); an unknown name is an
 * {@link IllegalArgumentException}. A resolver caches for its own lifetime only: make one per batch
 * of requests.
 */
public final class LinkNames {
    private final NetlinkChannel channel;
    private final Map<String, Integer> cache = new HashMap<>();

    public LinkNames(NetlinkChannel channel) {
        this.channel = channel;
    }

    /**
     * The index of device {@code name}.
     *
     * @throws IllegalArgumentException when there is no such device
     */
    public int indexOf(String name) {
        Integer cached = cache.get(name);
        if (cached != null) {
            return cached;
        }
        int index;
        try {
            index = channel.query(LinkRequests.get(LinkRef.name(name)), LinkRequests::decodeIndex);
        } catch (KernelException e) {
            if (e.errno().equals(Errno.ENODEV)) {
                throw new IllegalArgumentException("no device named \"" + name + "\" (" + channel.socket() + ")");
            }
            throw e;
        }
        cache.put(name, index);
        return index;
    }
}
