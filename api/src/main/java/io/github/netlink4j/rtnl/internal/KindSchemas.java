package io.github.netlink4j.rtnl.internal;

import io.github.netlink4j.core.wire.Attr;
import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.Codecs;
import io.github.netlink4j.rtnl.MacAddress;

/** The IFLA_INFO_DATA attributes of the link kinds built into this module. */
public final class KindSchemas {
    private KindSchemas() {
    }

    // include/uapi/linux/veth.h: enum { VETH_INFO_UNSPEC, VETH_INFO_PEER, ... }
    /** A struct ifinfomsg followed by the peer's IFLA_* attributes. */
    public static final Attr<Void> VETH_INFO_PEER = Attr.nested(1, "VETH_INFO_PEER", () -> IflaSchema.IFLA);
    public static final AttrSchema VETH = AttrSchema.of("veth", "VETH_INFO_", VETH_INFO_PEER);

    // include/uapi/linux/if_link.h: enum { IFLA_MACVLAN_UNSPEC, IFLA_MACVLAN_MODE, ... }
    public static final Attr<Integer> IFLA_MACVLAN_MODE = Attr.of(1, "IFLA_MACVLAN_MODE", Codecs.U32);
    public static final Attr<Integer> IFLA_MACVLAN_FLAGS = Attr.of(2, "IFLA_MACVLAN_FLAGS", Codecs.U16);
    public static final Attr<Integer> IFLA_MACVLAN_MACADDR_MODE = Attr.of(3, "IFLA_MACVLAN_MACADDR_MODE", Codecs.U32);
    public static final Attr<MacAddress> IFLA_MACVLAN_MACADDR = Attr.of(4, "IFLA_MACVLAN_MACADDR", RtCodecs.MAC);
    public static final Attr<Void> IFLA_MACVLAN_MACADDR_DATA = Attr.nested(5, "IFLA_MACVLAN_MACADDR_DATA");
    public static final Attr<Integer> IFLA_MACVLAN_MACADDR_COUNT = Attr.of(6, "IFLA_MACVLAN_MACADDR_COUNT", Codecs.U32);
    public static final Attr<Integer> IFLA_MACVLAN_BC_QUEUE_LEN = Attr.of(7, "IFLA_MACVLAN_BC_QUEUE_LEN", Codecs.U32);
    public static final Attr<Integer> IFLA_MACVLAN_BC_QUEUE_LEN_USED = Attr.of(8, "IFLA_MACVLAN_BC_QUEUE_LEN_USED", Codecs.U32);
    public static final AttrSchema MACVLAN = AttrSchema.of("macvlan", "IFLA_MACVLAN_", IFLA_MACVLAN_MODE,
            IFLA_MACVLAN_FLAGS, IFLA_MACVLAN_MACADDR_MODE, IFLA_MACVLAN_MACADDR, IFLA_MACVLAN_MACADDR_DATA,
            IFLA_MACVLAN_MACADDR_COUNT, IFLA_MACVLAN_BC_QUEUE_LEN, IFLA_MACVLAN_BC_QUEUE_LEN_USED);

    // #define MACVLAN_FLAG_NOPROMISC 1, MACVLAN_FLAG_NODST 2
    public static final int MACVLAN_FLAG_NOPROMISC = 1;
    public static final int MACVLAN_FLAG_NODST = 2;

    // include/uapi/linux/if_link.h: enum { IFLA_BR_UNSPEC, IFLA_BR_FORWARD_DELAY, ... }
    public static final Attr<Integer> IFLA_BR_FORWARD_DELAY = Attr.of(1, "IFLA_BR_FORWARD_DELAY", Codecs.U32);
    public static final Attr<Integer> IFLA_BR_HELLO_TIME = Attr.of(2, "IFLA_BR_HELLO_TIME", Codecs.U32);
    public static final Attr<Integer> IFLA_BR_MAX_AGE = Attr.of(3, "IFLA_BR_MAX_AGE", Codecs.U32);
    public static final Attr<Integer> IFLA_BR_AGEING_TIME = Attr.of(4, "IFLA_BR_AGEING_TIME", Codecs.U32);
    public static final Attr<Integer> IFLA_BR_STP_STATE = Attr.of(5, "IFLA_BR_STP_STATE", Codecs.U32);
    public static final Attr<Integer> IFLA_BR_PRIORITY = Attr.of(6, "IFLA_BR_PRIORITY", Codecs.U16);
    public static final Attr<Integer> IFLA_BR_VLAN_FILTERING = Attr.of(7, "IFLA_BR_VLAN_FILTERING", Codecs.U8);
    public static final AttrSchema BRIDGE = AttrSchema.of("bridge", "IFLA_BR_", IFLA_BR_FORWARD_DELAY,
            IFLA_BR_HELLO_TIME, IFLA_BR_MAX_AGE, IFLA_BR_AGEING_TIME, IFLA_BR_STP_STATE, IFLA_BR_PRIORITY,
            IFLA_BR_VLAN_FILTERING);
}
