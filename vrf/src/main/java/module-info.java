/** VRF devices, l3mdev rules and per-tenant routing. */
module io.github.netlink4j.vrf {
    requires transitive io.github.netlink4j.rtnl;

    exports io.github.netlink4j.vrf;

    provides io.github.netlink4j.rtnl.LinkKindCodec with io.github.netlink4j.vrf.internal.VrfCodec;
}
