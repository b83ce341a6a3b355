package io.github.netlink4j.core;

import io.github.netlink4j.testkit.Cmd;
import io.github.netlink4j.testkit.KernelTest;
import io.github.netlink4j.testkit.Oracle;
import io.github.netlink4j.testkit.TempNetns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sockets and namespaces against the real kernel. */
@KernelTest
class NetlinkSocketKernelTest {
    @RegisterExtension
    final TempNetns ns = new TempNetns();

    private static long openFds() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            return s.count();
        }
    }

    @Test
    void tenThousandSocketsLeakNoDescriptor() throws IOException {
        long before = openFds();
        for (int i = 0; i < 10_000; i++) {
            NetlinkSocket s = NetlinkSocket.open(NetlinkProtocol.ROUTE);
            assertNotEquals(0, s.portId());
            s.close();
            s.close(); // idempotent
        }
        // (other threads of the test JVM may close descriptors meanwhile: a leak can only add)
        long after = openFds();
        assertTrue(after <= before, "descriptors before " + before + ", after 10,000 sockets " + after);
    }

    @Test
    void closedSocketRefusesUseAndArgumentsAreChecked() {
        NetlinkSocket s = NetlinkSocket.open(NetlinkProtocol.ROUTE);
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> s.joinGroup(0));
        assertTrue(bad.getMessage().contains("1..1023") && bad.getMessage().contains("was 0"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.setReceiveBufferSize(10));
        assertThrows(IllegalArgumentException.class, () -> s.send(ByteBuffer.allocate(16)));
        s.close();
        assertFalse(s.isOpen());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> s.send(ByteBuffer.allocateDirect(16)));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }

    @Test
    void receiveTimesOut() {
        try (NetlinkSocket s = NetlinkSocket.open(NetlinkProtocol.ROUTE)) {
            s.setReceiveTimeout(Duration.ofMillis(50));
            assertThrows(NetlinkTimeoutException.class, () -> s.receive(ByteBuffer.allocateDirect(1024)));
        }
    }

    @Test
    void receiveBufferCanBeForcedBeyondTheSysctlLimit() throws IOException {
        int rmemMax;
        // (a reader: Files.readString of a /proc file can return only its first byte here)
        try (var r = Files.newBufferedReader(Path.of("/proc/sys/net/core/rmem_max"))) {
            rmemMax = Integer.parseInt(r.readLine().trim());
        }
        // Beyond rmem_max where that is below 256 MiB (the kernel reports twice what was set).
        int want = rmemMax < (1 << 28) ? rmemMax * 2 : 4 << 20;
        try (NetlinkSocket s = NetlinkSocket.open(NetlinkProtocol.ROUTE)) {
            s.setReceiveBufferSize(want);
            assertTrue(s.receiveBufferSize() >= want, "got " + s.receiveBufferSize() + ", rmem_max " + rmemMax);
        }
    }

    @Test
    void aLargeDatagramIsReceivedWhole() {
        // A dump reply bigger than the buffer given: receive() grows it.
        try (NetlinkSocket s = NetlinkSocket.open(NetlinkProtocol.ROUTE, ns.handle())) {
            ByteBuffer req = ByteBuffer.allocateDirect(32).order(ByteOrder.nativeOrder());
            req.putInt(32).putShort((short) 18).putShort((short) (0x1 | 0x300)).putInt(1).putInt(0);
            req.put((byte) 0).put((byte) 0).putShort((short) 0).putInt(0).putInt(0).putInt(0).flip();
            s.send(req);
            ByteBuffer small = ByteBuffer.allocateDirect(64);
            ByteBuffer got = s.receive(small);
            assertTrue(got.limit() > 64, "datagram of " + got.limit() + " bytes");
            assertTrue(got.capacity() >= got.limit());
            assertEquals(18 - 2, got.getShort(4) & 0xffff, "RTM_NEWLINK reply"); // RTM_NEWLINK = 16
        }
    }

    @Test
    void namespacesComeAndGoLeavingTheHostUntouched() throws IOException {
        String hostLinks = Oracle.ipJson(null, "link", "show").toString();
        long hostInode = (Long) Files.getAttribute(Path.of("/proc/self/ns/net"), "unix:ino");
        String name = ns.name() + "x";
        try (NetNs created = NetNs.create(name)) {
            assertTrue(NetNs.exists(name));
            assertTrue(NetNs.list().contains(name));
            assertEquals(java.util.List.of("lo"), Oracle.linkNames(name).subList(0, 1));
            assertNotEquals(hostInode, created.inode());
            try (NetNs again = NetNs.open(name)) {
                assertEquals(created.inode(), again.inode());
            }
            // work inside runs in the namespace; the calling thread stays where it was
            long inside = created.call(() -> (Long) Files.getAttribute(Path.of("/proc/thread-self/ns/net"), "unix:ino"));
            assertEquals(created.inode(), inside);
            assertEquals(hostInode, (long) (Long) Files.getAttribute(Path.of("/proc/thread-self/ns/net"), "unix:ino"));
            NetlinkException dup = assertThrows(NetlinkException.class, () -> NetNs.create(name));
            assertTrue(dup.getMessage().contains("already exists"), dup.getMessage());
        } finally {
            NetNs.delete(name);
        }
        assertFalse(NetNs.exists(name));
        assertFalse(Files.exists(Path.of("/run/netns", name)));
        assertEquals(hostLinks, Oracle.ipJson(null, "link", "show").toString());
        assertEquals(hostInode, (long) (Long) Files.getAttribute(Path.of("/proc/self/ns/net"), "unix:ino"));
        // ip sees the same namespaces the library lists
        assertTrue(Cmd.ok("ip", "netns", "list").contains(ns.name()));
    }

    @Test
    void multicastMembershipDeliversNotifications() {
        try (NetlinkSocket s = NetlinkSocket.open(NetlinkProtocol.ROUTE, ns.handle())) {
            s.joinGroup(1); // RTNLGRP_LINK
            s.setReceiveTimeout(Duration.ofSeconds(10));
            Cmd.ip(ns.name(), "link", "add", "mc0", "type", "veth", "peer", "name", "mc1");
            ByteBuffer got = s.receive(ByteBuffer.allocateDirect(8192));
            assertEquals(16, got.getShort(4) & 0xffff, "an RTM_NEWLINK notification");
            assertEquals(0, got.getInt(12), "notifications come from port 0");
            s.leaveGroup(1);
        }
    }

    @Test
    void sysctlsAreReadAndWrittenInTheNamespaceOnly() throws IOException {
        String key = "net/ipv4/conf/default/forwarding";
        String host = Files.readAllLines(Path.of("/proc/sys", key)).get(0);
        String want = host.equals("1") ? "0" : "1";
        NetNs n = ns.handle();
        assertEquals(Cmd.inNetns(ns.name(), "cat", "/proc/sys/" + key).trim(), n.readSysctl(key).orElseThrow());
        n.writeSysctl(key, want);
        assertEquals(want, Cmd.inNetns(ns.name(), "cat", "/proc/sys/" + key).trim());
        assertEquals(want, n.readSysctl(key).orElseThrow());
        assertEquals(host, Files.readAllLines(Path.of("/proc/sys", key)).get(0), "the host's own value is untouched");
        // a tunable of a device the namespace does not have
        assertEquals(Optional.empty(), n.readSysctl("net/ipv4/conf/nosuchdev/rp_filter"));
        UncheckedIOException missing = assertThrows(UncheckedIOException.class,
                () -> n.writeSysctl("net/ipv4/conf/nosuchdev/rp_filter", "0"));
        assertTrue(missing.getMessage().contains("nosuchdev"), missing.getMessage());
        for (String bad : new String[] {"", "/proc/sys/net/ipv4/ip_forward", "net/../kernel/hostname", "net//ipv4", "net/ipv4/"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> n.writeSysctl(bad, "1"));
            assertTrue(e.getMessage().contains("sysctl key") && e.getMessage().contains("\"" + bad + "\""), e.getMessage());
        }
    }

    @Test
    void badNamespaceNamesAreRefusedBeforeAnythingHappens() {
        for (String bad : new String[] {"", ".", "..", "a/b", "x".repeat(256)}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NetNs.create(bad));
            assertTrue(e.getMessage().contains("netns name"), e.getMessage());
        }
    }

    @Test
    void overrunOnTheRequestPathIsReportedNotLost() {
        try (NetlinkChannel ch = NetlinkChannel.open(NetlinkProtocol.ROUTE, ns.handle())) {
            java.util.List<NetlinkChannelKernelTest.Req> reqs = new java.util.ArrayList<>();
            for (int i = 0; i < 5000; i++) {
                reqs.add(new NetlinkChannelKernelTest.Req(NetlinkChannelKernelTest.RTM_NEWLINK, 0, 16,
                        NetlinkChannelKernelTest.IFLA, w -> {
                    NetlinkChannelKernelTest.ifinfomsg(w, 9999); // every one refused: ENODEV
                    w.put(NetlinkChannelKernelTest.IFLA_MTU, 1400);
                }, "ip link set dev if9999 mtu 1400"));
            }
            ch.pipeline(reqs.subList(0, 1), PipelineOptions.errorsOnly()); // buffers raised once
            ch.socket().setReceiveBufferSize(1024);                         // then made tiny
            PipelineResult r = ch.pipeline(reqs, PipelineOptions.errorsOnly());
            // Every request failed; each is reported, as refused or as of unknown outcome.
            assertEquals(5000, r.failures().size());
            long unknown = r.failures().stream().filter(f -> f.error() instanceof OverrunException).count();
            assertTrue(unknown > 0, "the tiny buffer should have overrun");
            // and the channel still works afterwards
            PipelineResult after = ch.pipeline(reqs.subList(0, 10), PipelineOptions.ackEach());
            assertEquals(10, after.failures().size());
            assertTrue(after.failures().stream().allMatch(f -> f.error() instanceof KernelException));
        }
    }
}
