package io.github.netlink4j.rtnl;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.netlink4j.core.NetlinkRequest;
import io.github.netlink4j.core.PipelineOptions;
import io.github.netlink4j.core.PipelineResult;
import io.github.netlink4j.testkit.Cmd;
import io.github.netlink4j.testkit.KernelTest;
import io.github.netlink4j.testkit.Oracle;
import io.github.netlink4j.testkit.TempNetns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Notifications of real changes, in order; overruns and resyncs; closing wakes a reader. */
@KernelTest
class RtEventsKernelTest {
    @RegisterExtension
    final TempNetns ns = new TempNetns();

    /** Reads events until {@code last} matches one (at most 10 s). */
    static List<RtEvent> readUntil(RtEvents events, Predicate<RtEvent> last) {
        List<RtEvent> seen = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Optional<RtEvent> e = events.next(Duration.ofMillis(500));
            if (e.isPresent()) {
                seen.add(e.get());
                if (last.test(e.get())) {
                    return seen;
                }
            }
        }
        throw new AssertionError("the awaited event never came; saw " + seen);
    }

    static Predicate<RtEvent> link(RtEvent.Action action, String name) {
        return e -> e instanceof RtEvent.LinkEvent l && l.action() == action && l.link().name().equals(name);
    }

    static Predicate<RtEvent> address(RtEvent.Action action, String addr) {
        return e -> e instanceof RtEvent.AddressEvent a && a.action() == action
                && a.address().address().equals(Inet.parse(addr));
    }

    /** The index in {@code seen} of the first event after {@code from} that {@code p} matches. */
    static int indexOf(List<RtEvent> seen, int from, Predicate<RtEvent> p, String what) {
        for (int i = from; i < seen.size(); i++) {
            if (p.test(seen.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no " + what + " after #" + from + " in " + seen);
    }

    @Test
    void linkAndAddressChangesArriveInOrder() {
        try (RtEvents events = RtEvents.open(ns.handle(), RtnlGroup.LINK, RtnlGroup.IPV4_IFADDR, RtnlGroup.IPV6_IFADDR);
             Rtnetlink rt = Rtnetlink.open(ns.handle())) {
            assertTrue(events.next(Duration.ofMillis(50)).isEmpty(), "nothing happened yet");
            rt.links().add(Link.builder("veth0").kind(Veth.peer("veth1")).build());
            rt.links().set(LinkChange.of("veth0").up().mtu(1400).build());
            rt.addresses().add("veth0", "10.0.0.1/24");
            int veth0 = rt.links().indexOf("veth0");
            Address a = Address.of(InetPrefix.parse("10.0.0.1/24"), veth0);
            rt.addresses().delete(a);
            rt.links().delete("veth0");

            List<RtEvent> seen = readUntil(events, link(RtEvent.Action.DELETED, "veth0"));
            int created = indexOf(seen, 0, link(RtEvent.Action.NEW, "veth0"), "veth0 created");
            indexOf(seen, 0, link(RtEvent.Action.NEW, "veth1"), "veth1 created");
            int up = indexOf(seen, created + 1, e -> e instanceof RtEvent.LinkEvent l && l.action() == RtEvent.Action.NEW
                    && l.link().name().equals("veth0") && l.link().isUp() && l.link().mtu().orElse(0) == 1400, "veth0 up, mtu 1400");
            int added = indexOf(seen, up + 1, address(RtEvent.Action.NEW, "10.0.0.1"), "10.0.0.1 added");
            RtEvent.AddressEvent ae = (RtEvent.AddressEvent) seen.get(added);
            assertEquals(veth0, ae.address().ifindex());
            assertEquals(24, ae.address().prefixLength());
            assertEquals("veth0", ae.address().label().orElseThrow());
            int removed = indexOf(seen, added + 1, address(RtEvent.Action.DELETED, "10.0.0.1"), "10.0.0.1 removed");
            int deleted = indexOf(seen, removed + 1, link(RtEvent.Action.DELETED, "veth0"), "veth0 deleted");
            RtEvent.LinkEvent le = (RtEvent.LinkEvent) seen.get(deleted);
            assertEquals(veth0, le.link().index());
            assertEquals("veth", le.link().kindName().orElseThrow());
            assertTrue(seen.stream().noneMatch(e -> e instanceof RtEvent.Malformed), seen.toString());
        }
    }

    @Test
    void neighbourEvents() {
        Cmd.ip(ns.name(), "link", "add", "veth0", "type", "veth", "peer", "name", "veth1");
        try (RtEvents events = RtEvents.open(ns.handle(), RtnlGroup.NEIGH); Rtnetlink rt = Rtnetlink.open(ns.handle())) {
            int veth0 = rt.links().indexOf("veth0");
            Neighbour n = Neighbour.builder("10.0.0.2", veth0).lladdr("02:00:00:00:00:02").build();
            rt.neighbours().add(n);
            rt.neighbours().delete(n);
            List<RtEvent> seen = readUntil(events, e -> e instanceof RtEvent.NeighbourEvent ne
                    && ne.action() == RtEvent.Action.DELETED);
            RtEvent.NeighbourEvent added = (RtEvent.NeighbourEvent) seen.get(indexOf(seen, 0,
                    e -> e instanceof RtEvent.NeighbourEvent ne && ne.action() == RtEvent.Action.NEW, "neighbour added"));
            assertEquals(n.destination(), added.neighbour().destination());
            assertEquals(n.lladdr(), added.neighbour().lladdr());
            assertEquals(NeighbourState.PERMANENT, added.neighbour().state());
        }
    }

    @Test
    void closeWakesABlockedReader() throws Exception {
        RtEvents events = RtEvents.open(ns.handle(), RtnlGroup.LINK);
        CompletableFuture<Optional<RtEvent>> reader = CompletableFuture.supplyAsync(events::next);
        Thread.sleep(300);
        assertFalse(reader.isDone(), "the reader waits");
        long t0 = System.nanoTime();
        events.close();
        Optional<RtEvent> r = reader.get(5, TimeUnit.SECONDS);
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertTrue(r.isEmpty());
        // the wake-up ACK ends the receive at once, well before the 2 s receive slice
        assertTrue(ms < 1000, "took " + ms + " ms");
        assertFalse(events.isOpen());
        assertTrue(events.next(Duration.ofSeconds(1)).isEmpty());
        events.close();
    }

    @Test
    void runAndStreamDeliverUntilClosed() throws Exception {
        try (Rtnetlink rt = Rtnetlink.open(ns.handle())) {
            RtEvents events = RtEvents.open(ns.handle(), RtnlGroup.LINK);
            AtomicInteger count = new AtomicInteger();
            CompletableFuture<Void> loop = CompletableFuture.runAsync(() -> events.run(e -> {
                count.incrementAndGet();
                if (e instanceof RtEvent.LinkEvent l && l.link().name().equals("stop0")) {
                    events.close(); // from the handler itself
                }
            }));
            rt.links().add(Link.builder("go0").kind(Veth.peer("go1")).build());
            rt.links().add(Link.builder("stop0").kind(Bridge.of()).build());
            loop.get(10, TimeUnit.SECONDS);
            assertTrue(count.get() >= 3, "events: " + count);

            RtEvents again = RtEvents.open(ns.handle(), RtnlGroup.LINK);
            CompletableFuture<List<String>> names = CompletableFuture.supplyAsync(() -> again.stream()
                    .filter(e -> e instanceof RtEvent.LinkEvent)
                    .map(e -> ((RtEvent.LinkEvent) e).link().name())
                    .takeWhile(n -> !n.equals("end0")).distinct().sorted().toList());
            rt.links().add(Link.builder("s0").kind(Bridge.of()).build());
            rt.links().add(Link.builder("end0").kind(Bridge.of()).build());
            assertEquals(List.of("s0"), names.get(10, TimeUnit.SECONDS));
            again.close();
        }
    }

    @Test
    void overrunIsReportedAndResyncRebuildsTheState() {
        Cmd.ip(ns.name(), "link", "add", "veth0", "type", "veth", "peer", "name", "veth1");
        try (Rtnetlink rt = Rtnetlink.open(ns.handle());
             RtEvents events = RtEvents.builder().netns(ns.handle()).groups(RtnlGroup.IPV4_IFADDR)
                     .receiveBufferSize(1024).open()) {
            int veth0 = rt.links().indexOf("veth0");
            // 400 changes while nobody reads: the tiny buffer overflows
            List<NetlinkRequest> adds = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                adds.add(rt.addresses().addRequest(Address.of(InetPrefix.parse("10.1." + (i / 250) + "." + (i % 250 + 1) + "/32"), veth0)));
            }
            PipelineResult r = rt.channel().pipeline(adds, PipelineOptions.ackEach());
            assertTrue(r.failures().isEmpty(), r.toString());
            for (int i = 0; i < 100; i++) {
                rt.addresses().delete(Address.of(InetPrefix.parse("10.1.0." + (i + 1) + "/32"), veth0));
            }

            Optional<RtEvent> first = events.next(Duration.ofSeconds(2));
            assertInstanceOf(RtEvent.Overrun.class, first.orElseThrow(), "the kernel reports the lost notifications first");

            RtSnapshot snapshot = events.resync();
            assertTrue(snapshot.links().isEmpty() && snapshot.neighbours().isEmpty(), "only what the groups cover");
            Map<String, Address> state = new HashMap<>();
            snapshot.addresses().forEach(a -> state.put(a.prefix().toString() + "@" + a.ifindex(), a));
            assertEquals(200, snapshot.addresses().stream().filter(a -> a.ifindex() == veth0).count());

            // more changes after the resync; apply what follows on top of the snapshot
            rt.addresses().add(Address.of(InetPrefix.parse("10.2.0.1/32"), veth0));
            rt.addresses().delete(Address.of(InetPrefix.parse("10.1.0.200/32"), veth0));
            int overruns = 0;
            Optional<RtEvent> e;
            while ((e = events.next(Duration.ofMillis(500))).isPresent()) {
                if (e.get() instanceof RtEvent.AddressEvent ae) {
                    String key = ae.address().prefix() + "@" + ae.address().ifindex();
                    if (ae.action() == RtEvent.Action.NEW) {
                        state.put(key, ae.address());
                    } else {
                        state.remove(key);
                    }
                } else if (e.get() instanceof RtEvent.Overrun) {
                    overruns++;
                }
            }
            assertEquals(0, overruns, "no overrun after the burst");
            TreeSet<String> ip = new TreeSet<>();
            for (JsonNode link : Oracle.ipJson(ns.name(), "-4", "addr", "show")) {
                for (JsonNode a : link.path("addr_info")) {
                    ip.add(InetPrefix.parse(a.path("local").asText() + "/" + a.path("prefixlen").asInt()) + "@"
                            + link.path("ifindex").asInt());
                }
            }
            assertEquals(ip, new TreeSet<>(state.keySet()));
            assertEquals(200, ip.size());
        }
    }
}
