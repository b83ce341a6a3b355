package io.github.netlink4j.testkit;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kernel features a test may need, each probed by really trying it in a scratch network namespace
 * ({@code unshare -n}) with ip or nft. Results are cached per JVM.
 */
public enum KernelFeature {
    VRF("ip link add t0 type vrf table 10"),
    GRE("ip link add t0 type gretap external"),
    IP6GRE("ip link add t0 type ip6gretap external"),
    GENEVE("ip link add t0 type geneve external"),
    DUMMY("ip link add t0 type dummy"),
    IPIP("ip link add t0 type ipip external"),
    VXLAN("ip link add t0 type vxlan id 42 dstport 4789"),
    LWTUNNEL_IP("ip link add t0 type veth peer name t1 && ip link set t0 up"
            + " && ip route add 10.9.9.9/32 dev t0 encap ip id 1000 dst 172.168.0.1 key"),
    NFTABLES("nft add table inet t"),
    NFT_NAT("nft add table ip t && nft add chain ip t p '{ type nat hook prerouting priority -100; }'"
            + " && nft add rule ip t p ip daddr 203.0.113.1 dnat to 10.0.0.7"),
    FLOWTABLE("ip link add t0 type veth peer name t1"
            + " && nft add table inet t && nft add flowtable inet t f '{ hook ingress priority 0; devices = { t0, t1 }; }'");

    private static final Map<KernelFeature, String> CACHE = new ConcurrentHashMap<>();

    private final String probe;

    KernelFeature(String probe) {
        this.probe = probe;
    }

    /** The shell command that tries the feature. */
    public String probe() {
        return probe;
    }

    /** Whether the running kernel has it. */
    public boolean present() {
        return failure() == null;
    }

    /** Null when present, else what the probe printed. */
    public String failure() {
        String r = CACHE.computeIfAbsent(this, f -> {
            Cmd.Result res = Cmd.run(List.of("unshare", "-n", "sh", "-c", f.probe), 30);
            return res.exitCode() == 0 ? "" : (res.stderr() + res.stdout()).trim();
        });
        return r.isEmpty() ? null : r;
    }
}
