/** Reference programs: the multi-tenant gateway and the kernel capability probe. */
module io.github.netlink4j.examples {
    requires io.github.netlink4j.tunnel;
    requires io.github.netlink4j.vrf;
    requires io.github.netlink4j.nft;
}
