package io.github.netlink4j.rtnl.internal;

import io.github.netlink4j.core.wire.Attr;
import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.Codecs;
import io.github.netlink4j.rtnl.MacAddress;
import io.github.netlink4j.rtnl.NeighbourCacheInfo;

import java.net.InetAddress;

/**
 * The NDA_* attributes of struct ndmsg messages (RTM_NEWNEIGH, RTM_DELNEIGH, RTM_GETNEIGH), from
 * include/uapi/linux/neighbour.h.
 *
 * <pre>
 * struct ndmsg { __u8 ndm_family; __u8 ndm_pad1; __u16 ndm_pad2; __s32 ndm_ifindex;
 *                __u16 ndm_state; __u8 ndm_flags; __u8 ndm_type; };
 * struct nda_cacheinfo { __u32 ndm_confirmed; __u32 ndm_used; __u32 ndm_updated; __u32 ndm_refcnt; };
 * </pre>
 */
public final class NdaSchema {
    private NdaSchema() {
    }

    public static final Attr<InetAddress> NDA_DST = Attr.of(1, "NDA_DST", Codecs.INET);
    public static final Attr<MacAddress> NDA_LLADDR = Attr.of(2, "NDA_LLADDR", RtCodecs.MAC);
    /** struct nda_cacheinfo, 16 bytes. */
    public static final Attr<NeighbourCacheInfo> NDA_CACHEINFO = Attr.of(3, "NDA_CACHEINFO", RtCodecs.NDA_CACHEINFO);
    public static final Attr<Integer> NDA_PROBES = Attr.of(4, "NDA_PROBES", Codecs.U32);
    public static final Attr<Integer> NDA_VLAN = Attr.of(5, "NDA_VLAN", Codecs.U16);
    public static final Attr<Integer> NDA_PORT = Attr.of(6, "NDA_PORT", Codecs.U16_BE);
    public static final Attr<Integer> NDA_VNI = Attr.of(7, "NDA_VNI", Codecs.U32);
    /** A dump filter: only entries of this device. */
    public static final Attr<Integer> NDA_IFINDEX = Attr.of(8, "NDA_IFINDEX", Codecs.U32);
    /** A dump filter (and, in FDB entries, the bridge). */
    public static final Attr<Integer> NDA_MASTER = Attr.of(9, "NDA_MASTER", Codecs.U32);
    public static final Attr<Integer> NDA_LINK_NETNSID = Attr.of(10, "NDA_LINK_NETNSID", Codecs.S32);
    public static final Attr<Integer> NDA_SRC_VNI = Attr.of(11, "NDA_SRC_VNI", Codecs.U32);
    /** u8 originator of the entry (RTPROT_*). */
    public static final Attr<Integer> NDA_PROTOCOL = Attr.of(12, "NDA_PROTOCOL", Codecs.U8);
    public static final Attr<Integer> NDA_NH_ID = Attr.of(13, "NDA_NH_ID", Codecs.U32);
    public static final Attr<Void> NDA_FDB_EXT_ATTRS = Attr.nested(14, "NDA_FDB_EXT_ATTRS");
    public static final Attr<Integer> NDA_FLAGS_EXT = Attr.of(15, "NDA_FLAGS_EXT", Codecs.U32);

    public static final AttrSchema NDA = AttrSchema.of("ndmsg", "NDA_",
            NDA_DST, NDA_LLADDR, NDA_CACHEINFO, NDA_PROBES, NDA_VLAN, NDA_PORT, NDA_VNI, NDA_IFINDEX, NDA_MASTER,
            NDA_LINK_NETNSID, NDA_SRC_VNI, NDA_PROTOCOL, NDA_NH_ID, NDA_FDB_EXT_ATTRS, NDA_FLAGS_EXT);

    /** sizeof(struct nda_cacheinfo). */
    public static final int CACHEINFO_LEN = 16;
}
