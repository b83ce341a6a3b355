package io.github.netlink4j.rtnl;

import io.github.netlink4j.core.wire.Attr;
import io.github.netlink4j.core.wire.AttrSchema;
import io.github.netlink4j.core.wire.MessageWriter;
import io.github.netlink4j.core.wire.RawAttribute;
import io.github.netlink4j.rtnl.internal.KindSchemas;
import io.github.netlink4j.rtnl.internal.RtCodecs;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A bridge ({@code type bridge}) and the options most set at creation; everything else the kernel
 * reports (about 40 IFLA_BR_* attributes) is kept in {@link #other()} as received.
 *
 * <pre>
 * IFLA_INFO_DATA
 *   IFLA_BR_FORWARD_DELAY   u32 centiseconds ({@code forward_delay})
 *   IFLA_BR_HELLO_TIME      u32 centiseconds
 *   IFLA_BR_MAX_AGE         u32 centiseconds
 *   IFLA_BR_AGEING_TIME     u32 centiseconds
 *   IFLA_BR_STP_STATE       u32 0/1
 *   IFLA_BR_PRIORITY        u16
 *   IFLA_BR_VLAN_FILTERING  u8 0/1
 * </pre>
 *
 * With no option set, no IFLA_INFO_DATA is written (as {@code ip link add br0 type bridge}).
 */
public record Bridge(OptionalInt forwardDelay, OptionalInt helloTime, OptionalInt maxAge, OptionalInt ageingTime,
                     OptionalInt stpState, OptionalInt priority, OptionalInt vlanFiltering,
                     List<RawAttribute> other) implements LinkKind {
    /** IFLA_INFO_KIND. */
    public static final String KIND = "bridge";

    public Bridge {
        Objects.requireNonNull(forwardDelay, "forwardDelay");
        Objects.requireNonNull(helloTime, "helloTime");
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(ageingTime, "ageingTime");
        Objects.requireNonNull(stpState, "stpState");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(vlanFiltering, "vlanFiltering");
        other = List.copyOf(other);
        priority.ifPresent(p -> check("priority", p, 0xffff));
        vlanFiltering.ifPresent(v -> check("vlan_filtering", v, 0xff));
    }

    private static void check(String what, int v, int max) {
        if (v < 0 || v > max) {
            throw new IllegalArgumentException("bridge " + what + " must be in 0.." + max + ", was " + v);
        }
    }

    /** A bridge with the kernel's defaults. */
    public static Bridge of() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.forwardDelay = forwardDelay;
        b.helloTime = helloTime;
        b.maxAge = maxAge;
        b.ageingTime = ageingTime;
        b.stpState = stpState;
        b.priority = priority;
        b.vlanFiltering = vlanFiltering;
        b.other.addAll(other);
        return b;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public boolean hasData() {
        return forwardDelay.isPresent() || helloTime.isPresent() || maxAge.isPresent() || ageingTime.isPresent()
                || stpState.isPresent() || priority.isPresent() || vlanFiltering.isPresent() || !other.isEmpty();
    }

    @Override
    public void encodeData(MessageWriter w) {
        put(w, KindSchemas.IFLA_BR_FORWARD_DELAY, forwardDelay);
        put(w, KindSchemas.IFLA_BR_HELLO_TIME, helloTime);
        put(w, KindSchemas.IFLA_BR_MAX_AGE, maxAge);
        put(w, KindSchemas.IFLA_BR_AGEING_TIME, ageingTime);
        put(w, KindSchemas.IFLA_BR_STP_STATE, stpState);
        if (priority.isPresent()) {
            RtCodecs.putU16(w, KindSchemas.IFLA_BR_PRIORITY, priority.getAsInt());
        }
        if (vlanFiltering.isPresent()) {
            RtCodecs.putU8(w, KindSchemas.IFLA_BR_VLAN_FILTERING, vlanFiltering.getAsInt());
        }
        RtCodecs.putAll(w, other);
    }

    private static void put(MessageWriter w, Attr<Integer> a, OptionalInt v) {
        if (v.isPresent()) {
            w.putU32Attr(a, v.getAsInt());
        }
    }

    @Override
    public AttrSchema dataSchema() {
        return KindSchemas.BRIDGE;
    }

    @Override
    public String toIpArgs() {
        StringBuilder sb = new StringBuilder("type bridge");
        word(sb, "forward_delay", forwardDelay);
        word(sb, "hello_time", helloTime);
        word(sb, "max_age", maxAge);
        word(sb, "ageing_time", ageingTime);
        word(sb, "stp_state", stpState);
        word(sb, "priority", priority);
        word(sb, "vlan_filtering", vlanFiltering);
        return sb.toString();
    }

    private static void word(StringBuilder sb, String w, OptionalInt v) {
        if (v.isPresent()) {
            sb.append(' ').append(w).append(' ').append(Integer.toUnsignedString(v.getAsInt()));
        }
    }

    /** Builds a {@link Bridge}; every option defaults to the kernel's. */
    public static final class Builder {
        private OptionalInt forwardDelay = OptionalInt.empty();
        private OptionalInt helloTime = OptionalInt.empty();
        private OptionalInt maxAge = OptionalInt.empty();
        private OptionalInt ageingTime = OptionalInt.empty();
        private OptionalInt stpState = OptionalInt.empty();
        private OptionalInt priority = OptionalInt.empty();
        private OptionalInt vlanFiltering = OptionalInt.empty();
        private final List<RawAttribute> other = new ArrayList<>();

        private Builder() {
        }

        /** IFLA_BR_FORWARD_DELAY in centiseconds (the kernel accepts 200..3000). */
        public Builder forwardDelay(int centiseconds) {
            forwardDelay = OptionalInt.of(centiseconds);
            return this;
        }

        /** IFLA_BR_HELLO_TIME in centiseconds (100..1000). */
        public Builder helloTime(int centiseconds) {
            helloTime = OptionalInt.of(centiseconds);
            return this;
        }

        /** IFLA_BR_MAX_AGE in centiseconds (600..4000). */
        public Builder maxAge(int centiseconds) {
            maxAge = OptionalInt.of(centiseconds);
            return this;
        }

        /** IFLA_BR_AGEING_TIME in centiseconds. */
        public Builder ageingTime(int centiseconds) {
            ageingTime = OptionalInt.of(centiseconds);
            return this;
        }

        /** IFLA_BR_STP_STATE: spanning tree on or off. */
        public Builder stp(boolean on) {
            stpState = OptionalInt.of(on ? 1 : 0);
            return this;
        }

        /** IFLA_BR_STP_STATE as a number (the kernel knows 0 and 1; 2 is user-space STP). */
        public Builder stpState(int state) {
            stpState = OptionalInt.of(state);
            return this;
        }

        /** IFLA_BR_PRIORITY, 0..65535. */
        public Builder priority(int priority) {
            check("priority", priority, 0xffff);
            this.priority = OptionalInt.of(priority);
            return this;
        }

        /** IFLA_BR_VLAN_FILTERING. */
        public Builder vlanFiltering(boolean on) {
            vlanFiltering = OptionalInt.of(on ? 1 : 0);
            return this;
        }

        /** IFLA_BR_VLAN_FILTERING as the u8 the kernel reports. */
        public Builder vlanFiltering(int value) {
            check("vlan_filtering", value, 0xff);
            vlanFiltering = OptionalInt.of(value);
            return this;
        }

        /** An IFLA_BR_* attribute this record does not model, written as is. */
        public Builder addOther(RawAttribute attribute) {
            other.add(Objects.requireNonNull(attribute, "attribute"));
            return this;
        }

        public Bridge build() {
            return new Bridge(forwardDelay, helloTime, maxAge, ageingTime, stpState, priority, vlanFiltering, other);
        }
    }
}
