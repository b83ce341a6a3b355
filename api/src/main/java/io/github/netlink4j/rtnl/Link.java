package io.github.netlink4j.rtnl;

import io.github.netlink4j.core.wire.RawAttribute;
import io.github.netlink4j.rtnl.internal.LinkCodec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A network device: what {@code ip -d link show} prints, and what {@code ip link add} creates.
 * Decoded from RTM_NEWLINK / RTM_DELLINK messages (struct ifinfomsg and its IFLA_* attributes), and
 * built with {@link #builder(String)} for {@link Links#add}.
 *
 * <p>Attributes this record does not model (statistics, IFLA_AF_SPEC, IFLA_PROP_LIST...) are kept in
 * {@link #unknown()} and written back byte for byte.
 *
 * @param family          ifi_family: AF_UNSPEC for devices; AF_BRIDGE in bridge-port notifications
 * @param index           ifi_index; in a request 0 lets the kernel choose
 * @param name            IFLA_IFNAME
 * @param hardwareType    ifi_type, an ARPHRD_* value (1 = Ethernet, 772 = loopback); 0 in requests
 * @param flags           ifi_flags (IFF_UP...)
 * @param changeMask      ifi_change: which {@code flags} bits a request sets; in notifications the
 *                        bits that changed
 * @param operState       IFLA_OPERSTATE
 * @param mtu             IFLA_MTU
 * @param address         IFLA_ADDRESS, the hardware address
 * @param broadcast       IFLA_BROADCAST
 * @param txqlen          IFLA_TXQLEN, the transmit queue length in packets
 * @param master          IFLA_MASTER, the ifindex of the bridge/bond/VRF this link belongs to
 * @param link            IFLA_LINK, the ifindex of the underlying device (a macvlan's lower device,
 *                        a veth's peer); it may live in the namespace {@code linkNetnsId} names
 * @param linkNetnsId     IFLA_LINK_NETNSID, the id (in this namespace) of the namespace of {@code link}
 * @param netns           IFLA_NET_NS_FD / IFLA_NET_NS_PID: where to create the link (requests only)
 * @param alias           IFLA_IFALIAS
 * @param kind            IFLA_LINKINFO > IFLA_INFO_KIND and IFLA_INFO_DATA, decoded through
 *                        {@link Extensions} ({@link RawLinkKind} when no codec knows it)
 * @param slave           IFLA_LINKINFO > IFLA_INFO_SLAVE_KIND / IFLA_INFO_SLAVE_DATA
 * @param unknownLinkInfo IFLA_LINKINFO children this record does not model (IFLA_INFO_XSTATS...)
 * @param unknown         top-level attributes this record does not model, in the order received
 */
public record Link(
        AddressFamily family,
        int index,
        String name,
        int hardwareType,
        LinkFlags flags,
        LinkFlags changeMask,
        Optional<OperState> operState,
        OptionalInt mtu,
        Optional<MacAddress> address,
        Optional<MacAddress> broadcast,
        OptionalInt txqlen,
        OptionalInt master,
        OptionalInt link,
        OptionalInt linkNetnsId,
        Optional<NetnsTarget> netns,
        Optional<String> alias,
        Optional<LinkKind> kind,
        Optional<LinkSlaveInfo> slave,
        List<RawAttribute> unknownLinkInfo,
        List<RawAttribute> unknown) {

    /** IFNAMSIZ (include/uapi/linux/if.h) less the NUL: the longest device name. */
    public static final int MAX_NAME_BYTES = 15;
    /** ALTIFNAMSIZ less the NUL: the longest alternative name. */
    public static final int MAX_ALTNAME_BYTES = 127;
    /** ARPHRD_ETHER (include/uapi/linux/if_arp.h). */
    public static final int ARPHRD_ETHER = 1;
    /** ARPHRD_LOOPBACK. */
    public static final int ARPHRD_LOOPBACK = 772;

    public Link {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(flags, "flags");
        Objects.requireNonNull(changeMask, "changeMask");
        Objects.requireNonNull(operState, "operState");
        Objects.requireNonNull(mtu, "mtu");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(broadcast, "broadcast");
        Objects.requireNonNull(txqlen, "txqlen");
        Objects.requireNonNull(master, "master");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(linkNetnsId, "linkNetnsId");
        Objects.requireNonNull(netns, "netns");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(slave, "slave");
        unknownLinkInfo = List.copyOf(unknownLinkInfo);
        unknown = List.copyOf(unknown);
        if (hardwareType < 0 || hardwareType > 0xffff) {
            throw new IllegalArgumentException("ifi_type must be in 0..65535, was " + hardwareType);
        }
    }

    /** A builder for a link called {@code name} (checked as {@link #validateName} does). */
    public static Builder builder(String name) {
        validateName(name);
        return new Builder(name);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Whether IFF_UP is set. */
    public boolean isUp() {
        return flags.isUp();
    }

    /** IFLA_INFO_KIND, e.g. {@code "veth"}, when the link has one. */
    public Optional<String> kindName() {
        return kind.map(LinkKind::kind);
    }

    /**
     * Checks a device name as the kernel's dev_valid_name does: 1..15 bytes of UTF-8, not {@code .}
     * or {@code ..}, without {@code /}, {@code :}, whitespace or NUL.
     *
     * @throws IllegalArgumentException naming the bad name and the rule it breaks
     */
    public static void validateName(String name) {
        Objects.requireNonNull(name, "name");
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < 1 || bytes > MAX_NAME_BYTES) {
            throw new IllegalArgumentException("device name must be 1.." + MAX_NAME_BYTES + " bytes, was \""
                    + name + "\" (" + bytes + " bytes)");
        }
        checkChars(name);
    }

    /** Like {@link #validateName} but allows alternative names of up to 127 bytes (lookups only). */
    static void validateLookupName(String name) {
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < 1 || bytes > MAX_ALTNAME_BYTES) {
            throw new IllegalArgumentException("device name must be 1.." + MAX_ALTNAME_BYTES + " bytes, was \""
                    + name + "\" (" + bytes + " bytes)");
        }
        checkChars(name);
    }

    private static void checkChars(String name) {
        if (name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("device name must not be \".\" or \"..\", was \"" + name + "\"");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == ':' || c == '\0' || c == ' ' || (c >= '\t' && c <= '\r')) {
                throw new IllegalArgumentException("device name must not contain '/', ':', whitespace or NUL, was \""
                        + name.replace("\0", "\\0") + "\"");
            }
        }
    }

    /** The ip arguments that would create this link, as in {@code veth0 mtu 1400 type veth peer name veth1}. */
    public String toIpArgs() {
        return LinkCodec.addArgs(this, null, null);
    }

    /** Builds a {@link Link}; everything but the name is optional. */
    public static final class Builder {
        private AddressFamily family = AddressFamily.UNSPEC;
        private int index;
        private String name;
        private int hardwareType;
        private LinkFlags flags = LinkFlags.NONE;
        private LinkFlags changeMask = LinkFlags.NONE;
        private Optional<OperState> operState = Optional.empty();
        private OptionalInt mtu = OptionalInt.empty();
        private Optional<MacAddress> address = Optional.empty();
        private Optional<MacAddress> broadcast = Optional.empty();
        private OptionalInt txqlen = OptionalInt.empty();
        private OptionalInt master = OptionalInt.empty();
        private OptionalInt link = OptionalInt.empty();
        private OptionalInt linkNetnsId = OptionalInt.empty();
        private Optional<NetnsTarget> netns = Optional.empty();
        private Optional<String> alias = Optional.empty();
        private Optional<LinkKind> kind = Optional.empty();
        private Optional<LinkSlaveInfo> slave = Optional.empty();
        private final List<RawAttribute> unknownLinkInfo = new ArrayList<>();
        private final List<RawAttribute> unknown = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        private Builder(Link l) {
            family = l.family;
            index = l.index;
            name = l.name;
            hardwareType = l.hardwareType;
            flags = l.flags;
            changeMask = l.changeMask;
            operState = l.operState;
            mtu = l.mtu;
            address = l.address;
            broadcast = l.broadcast;
            txqlen = l.txqlen;
            master = l.master;
            link = l.link;
            linkNetnsId = l.linkNetnsId;
            netns = l.netns;
            alias = l.alias;
            kind = l.kind;
            slave = l.slave;
            unknownLinkInfo.addAll(l.unknownLinkInfo);
            unknown.addAll(l.unknown);
        }

        /** The link's name (checked as {@link #validateName} does). */
        public Builder name(String name) {
            validateName(name);
            this.name = name;
            return this;
        }

        /** ifi_family; default AF_UNSPEC. */
        public Builder family(AddressFamily family) {
            this.family = Objects.requireNonNull(family, "family");
            return this;
        }

        /** ifi_index ({@code index N}): the index to create the link with; default 0, the kernel's choice. */
        public Builder index(int index) {
            if (index < 0) {
                throw new IllegalArgumentException("ifindex must be >= 0, was " + index);
            }
            this.index = index;
            return this;
        }

        /** ifi_type (ARPHRD_*), 0..65535; requests leave it 0. */
        public Builder hardwareType(int type) {
            if (type < 0 || type > 0xffff) {
                throw new IllegalArgumentException("ifi_type must be in 0..65535, was " + type);
            }
            this.hardwareType = type;
            return this;
        }

        /** Creates the link up ({@code up}): IFF_UP in ifi_flags and ifi_change. */
        public Builder up() {
            return flag(LinkFlags.IFF_UP, true);
        }

        /** Creates the link down ({@code down}): IFF_UP in ifi_change only. */
        public Builder down() {
            return flag(LinkFlags.IFF_UP, false);
        }

        /**
         * Sets or clears IFF_* bit {@code flag} and marks it in ifi_change, as ip's {@code up},
         * {@code promisc on}, {@code arp off}, {@code multicast on}... do.
         */
        public Builder flag(int flag, boolean on) {
            if (Integer.bitCount(flag) != 1) {
                throw new IllegalArgumentException("flag must be a single IFF_* bit, was 0x" + Integer.toHexString(flag));
            }
            flags = on ? flags.with(flag) : flags.without(flag);
            changeMask = changeMask.with(flag);
            return this;
        }

        /** ifi_flags as a whole (decoders and tests); prefer {@link #flag}. */
        public Builder flags(LinkFlags flags) {
            this.flags = Objects.requireNonNull(flags, "flags");
            return this;
        }

        /** ifi_change as a whole (decoders and tests); prefer {@link #flag}. */
        public Builder changeMask(LinkFlags changeMask) {
            this.changeMask = Objects.requireNonNull(changeMask, "changeMask");
            return this;
        }

        /** IFLA_OPERSTATE ({@code state UP}). */
        public Builder operState(OperState state) {
            this.operState = Optional.of(state);
            return this;
        }

        /** IFLA_MTU ({@code mtu N}), 1..2^31-1 as ip accepts it (the kernel checks the device's range). */
        public Builder mtu(int mtu) {
            if (mtu < 1) {
                throw new IllegalArgumentException("mtu must be >= 1, was " + mtu);
            }
            this.mtu = OptionalInt.of(mtu);
            return this;
        }

        /** IFLA_ADDRESS ({@code address LLADDR}). */
        public Builder address(MacAddress address) {
            this.address = Optional.of(address);
            return this;
        }

        /** IFLA_ADDRESS parsed from {@code 02:00:00:00:00:01}. */
        public Builder address(String address) {
            return address(MacAddress.parse(address));
        }

        /** IFLA_BROADCAST ({@code broadcast LLADDR}). */
        public Builder broadcast(MacAddress broadcast) {
            this.broadcast = Optional.of(broadcast);
            return this;
        }

        /** IFLA_TXQLEN ({@code txqueuelen N}), 0..2^31-1. */
        public Builder txqlen(int txqlen) {
            if (txqlen < 0) {
                throw new IllegalArgumentException("txqueuelen must be >= 0, was " + txqlen);
            }
            this.txqlen = OptionalInt.of(txqlen);
            return this;
        }

        /** IFLA_MASTER ({@code master DEV}) by ifindex; 0 means no master. */
        public Builder master(int ifindex) {
            if (ifindex < 0) {
                throw new IllegalArgumentException("master ifindex must be >= 0, was " + ifindex);
            }
            this.master = OptionalInt.of(ifindex);
            return this;
        }

        /** IFLA_LINK ({@code link DEV}) by ifindex: the lower device of a macvlan, vlan... */
        public Builder link(int ifindex) {
            if (ifindex < 0) {
                throw new IllegalArgumentException("link ifindex must be >= 0, was " + ifindex);
            }
            this.link = OptionalInt.of(ifindex);
            return this;
        }

        /** IFLA_LINK_NETNSID ({@code link-netnsid N}): the namespace id {@link #link} is in. */
        public Builder linkNetnsId(int id) {
            this.linkNetnsId = OptionalInt.of(id);
            return this;
        }

        /** IFLA_NET_NS_FD / IFLA_NET_NS_PID ({@code netns NAME}): create the link in another namespace. */
        public Builder netns(NetnsTarget netns) {
            this.netns = Optional.of(netns);
            return this;
        }

        /** IFLA_IFALIAS ({@code alias TEXT}), at most 255 bytes (IFALIASZ - 1). */
        public Builder alias(String alias) {
            this.alias = Optional.of(LinkCodec.checkAlias(alias));
            return this;
        }

        /** The kind: {@link Veth}, {@link Bridge}, {@link Macvlan}, {@link Dummy}, or another module's. */
        public Builder kind(LinkKind kind) {
            this.kind = Optional.of(kind);
            return this;
        }

        /** IFLA_INFO_SLAVE_KIND / _DATA. */
        public Builder slave(LinkSlaveInfo slave) {
            this.slave = Optional.of(slave);
            return this;
        }

        /** Adds an IFLA_LINKINFO child this record does not model, written back as is. */
        public Builder addUnknownLinkInfo(RawAttribute attribute) {
            unknownLinkInfo.add(Objects.requireNonNull(attribute, "attribute"));
            return this;
        }

        /** Adds a top-level attribute this record does not model, written back as is. */
        public Builder addUnknown(RawAttribute attribute) {
            unknown.add(Objects.requireNonNull(attribute, "attribute"));
            return this;
        }

        public Link build() {
            return new Link(family, index, name, hardwareType, flags, changeMask, operState, mtu, address, broadcast,
                    txqlen, master, link, linkNetnsId, netns, alias, kind, slave, unknownLinkInfo, unknown);
        }
    }
}
