/** Reference programs: the multi-tenant gateway, its demo and the kernel capability probe. */
module io.github.netlink4j.examples {
    requires io.github.netlink4j.tunnel;
    requires io.github.netlink4j.vrf;
    requires io.github.netlink4j.nft;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    requires jdk.unsupported;

    exports io.github.netlink4j.examples.gateway;
    exports io.github.netlink4j.examples.probe;
    exports io.github.netlink4j.examples.demo;
    opens io.github.netlink4j.examples.gateway to com.fasterxml.jackson.databind;
}
