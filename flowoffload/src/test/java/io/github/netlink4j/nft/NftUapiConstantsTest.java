package io.github.netlink4j.nft;

import io.github.netlink4j.nft.internal.Nf;
import io.github.netlink4j.testkit.UapiConstants;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every nfnetlink / nf_tables number of the module (message types, attribute descriptors, open
 * enums) agrees with the uapi headers, compiled with gcc against linux-libc-dev.
 */
class NftUapiConstantsTest {
    @Test
    void constantsMatchTheHeaders() throws Exception {
        int n = UapiConstants.check(
                List.of("linux/netlink.h", "linux/netfilter.h", "linux/netfilter/nfnetlink.h", "linux/netfilter/nf_tables.h",
                        "linux/netfilter/nf_nat.h"),
                List.of(Nf.class, Family.class, Hook.class, MetaKey.class, CtKey.class, CmpOp.class, PayloadBase.class,
                        Payload.class, Meta.class, Cmp.class, Bitwise.class, Range.class, Immediate.class, Ct.class,
                        Nat.class, Masquerade.class, Redirect.class, FlowOffload.class, Counter.class, Lookup.class,
                        Log.class, Limit.class, Reject.class),
                Set.of("NFGENMSG_LEN", "UDATA_RULE_COMMENT", "UDATA_SET_KEYBYTEORDER", "UDATA_SET_KEY_TYPEOF",
                        "COMMENT_MAX_BYTES", "NFT_NAT_SNAT", "NFT_NAT_DNAT"));
        assertTrue(n > 150, "only " + n + " constants checked");
    }
}
