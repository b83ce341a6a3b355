/** VRF devices, l3mdev rules and declarative per-tenant routing. */
module io.github.netlink4j.vrf {
    requires transitive io.github.netlink4j.rtnl;
}
