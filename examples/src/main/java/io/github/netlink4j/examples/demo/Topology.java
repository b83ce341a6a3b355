package io.github.netlink4j.examples.demo;

import io.github.netlink4j.core.NetNs;
import io.github.netlink4j.rtnl.Address;
import io.github.netlink4j.rtnl.InetPrefix;
import io.github.netlink4j.rtnl.Link;
import io.github.netlink4j.rtnl.LinkChange;
import io.github.netlink4j.rtnl.MacAddress;
import io.github.netlink4j.rtnl.Neighbour;
import io.github.netlink4j.rtnl.NetnsTarget;
import io.github.netlink4j.rtnl.Route;
import io.github.netlink4j.rtnl.Rtnetlink;
import io.github.netlink4j.rtnl.Veth;
import io.github.netlink4j.tunnel.Gre;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The demo's network: six network namespaces wired with veth pairs and keyed gretaps, built through
 * the library only (no {@code ip} process).
 *
 * <pre>
 *   client 203.0.113.2 --eth0/inet0-- gw 203.0.113.1
 *                                     gw ul1 172.16.1.1 --eth0-- hv1 172.16.1.2  gre1 key 1000 --veth-vm/eth0-- vm-a 192.168.0.2
 *                                     gw ul2 172.16.2.1 --eth0-- hv2 172.16.2.2  gre1 key 2000 --veth-vm/eth0-- vm-b 192.168.0.2
 * </pre>
 *
 * The gateway itself (its gretap {@code tun}, VRFs, rules, nftables) is not part of the topology: the
 * gateway program writes it from its tenant file. What the hypervisors need from it afterwards (the
 * MAC address of {@code tun}, the overlay next hop {@code 1.1.1.1}) is added by {@link #attachHypervisors}.
 */
final class Topology implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Topology.class);

    static final String CLIENT_ADDRESS = "203.0.113.2";
    static final String GW_PUBLIC_ADDRESS = "203.0.113.1";
    static final String PUBLIC_PREFIX = "198.51.100.0/24";
    static final String VM_ADDRESS = "192.168.0.2";
    static final String HV_VM_SIDE_ADDRESS = "192.168.0.1";
    /** The gateway's overlay address, the hypervisors' next hop back through the tunnel. */
    static final String GW_OVERLAY_ADDRESS = "1.1.1.1";
    static final String GW_TUNNEL = "tun";
    static final String GW_UPLINK = "inet0";

    /** One hypervisor with its tenant VM, as the contract fixes them. */
    record Hypervisor(String name, int index, String underlay, String gwUnderlay, String overlay, String mac,
                      long key, String vm, String tenant, String elasticIp) {
        String gwDevice() {
            return "ul" + index;
        }
    }

    static final List<Hypervisor> HYPERVISORS = List.of(
            new Hypervisor("hv1", 1, "172.16.1.2", "172.16.1.1", "1.1.1.11", "02:00:00:00:01:11", 1000, "vm-a", "a",
                    "198.51.100.10"),
            new Hypervisor("hv2", 2, "172.16.2.2", "172.16.2.1", "1.1.1.12", "02:00:00:00:02:12", 2000, "vm-b", "b",
                    "198.51.100.20"));

    private final String prefix;
    private final Map<String, NetNs> namespaces = new LinkedHashMap<>();

    private Topology(String prefix) {
        this.prefix = prefix;
    }

    /** A prefix no other run uses: {@code nl4jdemo-XXXXXX}. */
    static String uniquePrefix() {
        return "nl4jdemo-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffL);
    }

    /**
     * Creates the namespaces and everything in them but the hypervisors' way back through the
     * tunnel. On failure whatever was created is deleted again.
     */
    static Topology build(String prefix) {
        Topology t = new Topology(prefix);
        try {
            t.create();
            return t;
        } catch (RuntimeException | Error e) {
            t.close();
            throw e;
        }
    }

    /** The namespace called {@code role} (client, gw, hv1, hv2, vm-a, vm-b). */
    NetNs ns(String role) {
        NetNs ns = namespaces.get(role);
        if (ns == null) {
            throw new IllegalArgumentException("no namespace for role " + role + "; roles are " + namespaces.keySet());
        }
        return ns;
    }

    /** The full name of role's namespace ({@code ip netns exec NAME ...}). */
    String name(String role) {
        return prefix + "-" + role;
    }

    String prefix() {
        return prefix;
    }

    List<String> roles() {
        return List.copyOf(namespaces.keySet());
    }

    private void create() {
        List<String> roles = new ArrayList<>(List.of("client", "gw"));
        for (Hypervisor h : HYPERVISORS) {
            roles.add(h.name());
            roles.add(h.vm());
        }
        for (String role : roles) {
            namespaces.put(role, NetNs.create(name(role)));
        }
        // Sysctls first: devices take the namespace's "default" values when they are registered.
        for (String role : roles) {
            NetNs ns = ns(role);
            for (String conf : List.of("default", "all")) {
                String key = "net/ipv6/conf/" + conf + "/accept_dad";
                if (ns.readSysctl(key).isPresent()) {    // a kernel without IPv6 has none
                    ns.writeSysctl(key, "0");
                }
                ns.writeSysctl("net/ipv4/conf/" + conf + "/rp_filter", "0");
            }
            if (role.equals("gw") || role.startsWith("hv")) {
                ns.writeSysctl("net/ipv4/ip_forward", "1");
            }
        }

        NetNs gwNs = ns("gw");
        try (Rtnetlink client = Rtnetlink.open(ns("client")); Rtnetlink gw = Rtnetlink.open(gwNs)) {
            // client eth0 <-> gw inet0
            client.links().add(Link.builder("eth0").kind(Veth.peer(Link.builder(GW_UPLINK)
                    .netns(NetnsTarget.of(gwNs)).build())).build());
            up(client, "lo", "eth0");
            client.addresses().add("eth0", CLIENT_ADDRESS + "/24");
            client.routes().add(Route.to(PUBLIC_PREFIX).via(GW_PUBLIC_ADDRESS).dev("eth0").build());

            up(gw, "lo", GW_UPLINK);
            gw.addresses().add(GW_UPLINK, GW_PUBLIC_ADDRESS + "/24");

            for (Hypervisor h : HYPERVISORS) {
                NetNs hvNs = ns(h.name());
                NetNs vmNs = ns(h.vm());
                try (Rtnetlink hv = Rtnetlink.open(hvNs); Rtnetlink vm = Rtnetlink.open(vmNs)) {
                    // hv eth0 <-> gw ulN: the underlay
                    hv.links().add(Link.builder("eth0").kind(Veth.peer(Link.builder(h.gwDevice())
                            .netns(NetnsTarget.of(gwNs)).build())).build());
                    up(hv, "lo", "eth0");
                    hv.addresses().add("eth0", h.underlay() + "/24");
                    up(gw, h.gwDevice());
                    gw.addresses().add(h.gwDevice(), h.gwUnderlay() + "/24");

                    // hv gre1: the tenant's keyed gretap towards the gateway, with the MAC the gateway's
                    // permanent neighbour names
                    hv.links().add(Link.builder("gre1")
                            .kind(Gre.gretap().key((int) h.key()).local(h.underlay()).remote(h.gwUnderlay()).build())
                            .address(h.mac())
                            .build());
                    up(hv, "gre1");
                    hv.addresses().add("gre1", h.overlay() + "/32");

                    // hv veth-vm <-> vm eth0
                    hv.links().add(Link.builder("veth-vm").kind(Veth.peer(Link.builder("eth0")
                            .netns(NetnsTarget.of(vmNs)).build())).build());
                    up(hv, "veth-vm");
                    hv.addresses().add("veth-vm", HV_VM_SIDE_ADDRESS + "/32");
                    hv.routes().add(Route.to(VM_ADDRESS + "/32").dev("veth-vm").build());

                    up(vm, "lo", "eth0");
                    vm.addresses().add("eth0", VM_ADDRESS + "/24");
                    vm.routes().add(Route.to("0.0.0.0/0").via(HV_VM_SIDE_ADDRESS).dev("eth0").build());
                }
            }
        }
        LOG.debug("topology {} built", prefix);
    }

    /**
     * The hypervisors' way back: {@code 203.0.113.0/24 via 1.1.1.1 dev gre1 onlink} and a permanent
     * neighbour {@code 1.1.1.1 -> MAC of the gateway's tun}, read from the gateway's namespace (the
     * gateway made tun).
     */
    MacAddress attachHypervisors() {
        MacAddress tunMac;
        try (Rtnetlink gw = Rtnetlink.open(ns("gw"))) {
            Link tun = gw.links().get(GW_TUNNEL).orElseThrow(() -> new IllegalStateException(
                    "the gateway made no device " + GW_TUNNEL + " in " + name("gw")));
            tunMac = tun.address().orElseThrow(() -> new IllegalStateException(GW_TUNNEL + " has no MAC address"));
        }
        for (Hypervisor h : HYPERVISORS) {
            try (Rtnetlink hv = Rtnetlink.open(ns(h.name()))) {
                int gre = hv.links().indexOf("gre1");
                hv.neighbours().replace(Neighbour.builder(GW_OVERLAY_ADDRESS, gre).lladdr(tunMac).build());
                hv.routes().replace(Route.to("203.0.113.0/24").via(GW_OVERLAY_ADDRESS).dev("gre1").onlink().build());
            }
        }
        return tunMac;
    }

    private static void up(Rtnetlink rt, String... devices) {
        for (String d : devices) {
            rt.links().set(LinkChange.of(d).up().build());
        }
    }

    /** Reads {@code /proc/thread-self/FILE} (e.g. {@code net/snmp}) from inside {@code ns}. */
    static String procNet(NetNs ns, String file) {
        return ns.call(() -> {
            Path p = Path.of("/proc/thread-self", file);
            try {
                return Files.readString(p);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + p + " in " + ns, e);
            }
        });
    }

    /** Closes the handles and leaves the namespaces in place ({@code --keep}). */
    void releaseWithoutDeleting() {
        for (NetNs ns : namespaces.values()) {
            ns.close();
        }
        namespaces.clear();
    }

    /** Closes the handles and deletes every namespace; idempotent, never throws. */
    @Override
    public void close() {
        for (Map.Entry<String, NetNs> e : namespaces.entrySet()) {
            try {
                e.getValue().close();
            } catch (RuntimeException ex) {
                LOG.warn("closing {}: {}", e.getKey(), ex.toString());
            }
        }
        for (String role : namespaces.keySet()) {
            String n = name(role);
            try {
                if (NetNs.exists(n)) {
                    NetNs.delete(n);
                }
            } catch (RuntimeException ex) {
                LOG.warn("deleting netns {}: {}", n, ex.toString());
            }
        }
        namespaces.clear();
    }
}
