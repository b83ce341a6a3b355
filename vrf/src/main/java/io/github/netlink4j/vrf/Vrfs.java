package io.github.netlink4j.vrf;

import io.github.netlink4j.rtnl.AddressFamily;
import io.github.netlink4j.rtnl.Link;
import io.github.netlink4j.rtnl.LinkChange;
import io.github.netlink4j.rtnl.LinkFilter;
import io.github.netlink4j.rtnl.Route;
import io.github.netlink4j.rtnl.RouteFilter;
import io.github.netlink4j.rtnl.Rtnetlink;
import io.github.netlink4j.rtnl.Rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * VRF operations over an {@link Rtnetlink}: create VRFs, enslave and release devices, list members,
 * find a VRF's table, keep the l3mdev rule, and work on routes by VRF rather than by table number
 * ({@code ip route add ... vrf NAME}).
 *
 * <p>Thread safety: as the {@link Rtnetlink} it uses.
 */
public final class Vrfs {
    /** The priority iproute2 and the VRF driver give the l3mdev rule. */
    public static final int L3MDEV_RULE_PRIORITY = 1000;

    private final Rtnetlink rt;

    private Vrfs(Rtnetlink rt) {
        this.rt = rt;
    }

    /** VRF operations on {@code rt}'s namespace. */
    public static Vrfs of(Rtnetlink rt) {
        return new Vrfs(Objects.requireNonNull(rt, "rt"));
    }

    /** One VRF: its device and table. */
    public record VrfDevice(String name, int index, int table) {
    }

    /** Every VRF of the namespace. */
    public List<VrfDevice> list() {
        List<VrfDevice> out = new ArrayList<>();
        for (Link l : rt.links().list(LinkFilter.kind("vrf"))) {
            if (l.kind().orElse(null) instanceof Vrf v) {
                out.add(new VrfDevice(l.name(), l.index(), v.table()));
            }
        }
        return out;
    }

    /** The table of VRF {@code name}, if there is such a VRF. */
    public OptionalInt tableOf(String name) {
        return list().stream().filter(v -> v.name().equals(name)).mapToInt(VrfDevice::table).findFirst();
    }

    /**
     * {@code ip link add NAME type vrf table ID && ip link set NAME up}.
     *
     * @throws IllegalStateException when another VRF already uses the table, or the name is taken
     */
    public void create(String name, int table) {
        for (VrfDevice v : list()) {
            if (Integer.compareUnsigned(v.table(), table) == 0) {
                throw new IllegalStateException("table " + Integer.toUnsignedString(table) + " already belongs to VRF "
                        + v.name());
            }
        }
        if (rt.links().get(name).isPresent()) {
            throw new IllegalStateException("a device named " + name + " already exists");
        }
        rt.links().add(Link.builder(name).kind(Vrf.table(table)).up().build());
    }

    /**
     * {@code ip link set dev DEV master VRF}.
     *
     * @throws IllegalStateException when the device is already enslaved to another master
     */
    public void enslave(String device, String vrf) {
        Link vrfLink = rt.links().get(vrf).filter(l -> l.kind().orElse(null) instanceof Vrf)
                .orElseThrow(() -> new IllegalArgumentException("no VRF named " + vrf));
        Link dev = rt.links().get(device).orElseThrow(() -> new IllegalArgumentException("no device named " + device));
        if (dev.master().isPresent() && dev.master().getAsInt() != vrfLink.index()) {
            throw new IllegalStateException(device + " is already enslaved to ifindex " + dev.master().getAsInt());
        }
        rt.links().set(LinkChange.of(device).master(vrfLink.index()).build());
    }

    /** {@code ip link set dev DEV nomaster}. */
    public void release(String device) {
        rt.links().set(LinkChange.of(device).noMaster().build());
    }

    /** The devices enslaved to VRF {@code vrf}. */
    public List<Link> members(String vrf) {
        return rt.links().list(LinkFilter.master(vrf));
    }

    /**
     * Makes sure one {@code l3mdev} rule exists at priority 1000 for IPv4 and IPv6, adding it only
     * where missing (the VRF driver installs it itself when the first VRF appears).
     *
     * @return how many rules were added (0 when both existed)
     */
    public int ensureL3mdevRules() {
        int added = 0;
        for (AddressFamily f : List.of(AddressFamily.INET, AddressFamily.INET6)) {
            boolean present = rt.rules().list(f).stream().anyMatch(r -> r.l3mdev()
                    && r.priority().orElse(-1) == L3MDEV_RULE_PRIORITY);
            if (!present) {
                rt.rules().add(Rule.builder().family(f).l3mdev().priority(L3MDEV_RULE_PRIORITY).build());
                added++;
            }
        }
        return added;
    }

    /** {@code route} placed in VRF {@code vrf}'s table. */
    public Route inVrf(String vrf, Route route) {
        int table = tableOf(vrf).orElseThrow(() -> new IllegalArgumentException("no VRF named " + vrf));
        return route.toBuilder().table(table).build();
    }

    /** The routes of VRF {@code vrf} ({@code ip route show vrf NAME}). */
    public List<Route> routes(String vrf) {
        int table = tableOf(vrf).orElseThrow(() -> new IllegalArgumentException("no VRF named " + vrf));
        return rt.routes().list(RouteFilter.table(table));
    }

    /** Whether VRF {@code name} exists. */
    public boolean exists(String name) {
        return tableOf(name).isPresent();
    }

    /** The VRF a device is enslaved to, if any. */
    public Optional<String> vrfOf(String device) {
        Link dev = rt.links().get(device).orElseThrow(() -> new IllegalArgumentException("no device named " + device));
        if (dev.master().isEmpty()) {
            return Optional.empty();
        }
        int m = dev.master().getAsInt();
        return list().stream().filter(v -> v.index() == m).map(VrfDevice::name).findFirst();
    }
}
