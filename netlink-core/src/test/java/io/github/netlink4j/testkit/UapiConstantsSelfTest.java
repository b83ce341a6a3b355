package io.github.netlink4j.testkit;

import io.github.netlink4j.core.wire.Attr;
import io.github.netlink4j.core.wire.Codecs;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The uapi check catches a wrong value and an unknown name. */
class UapiConstantsSelfTest {
    static final class Wrong {
        static final int NLM_F_ACK = 5;
        static final Attr<Integer> NLMSGERR_ATTR_OFFS = Attr.of(7, "NLMSGERR_ATTR_OFFS", Codecs.U32);
    }

    static final class Unknown {
        static final int NLM_F_NOT_A_KERNEL_NAME = 1;
    }

    static final class Right {
        static final int NLM_F_ACK = 4;
        static final Attr<Integer> NLMSGERR_ATTR_OFFS = Attr.of(2, "NLMSGERR_ATTR_OFFS", Codecs.U32);
    }

    @Test
    void wrongValuesAreReported() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> UapiConstants.check(List.of("linux/netlink.h"), List.of(Wrong.class), Set.of()));
        assertTrue(e.getMessage().contains("NLM_F_ACK: Wrong.NLM_F_ACK = 5 but the header says 4"), e.getMessage());
        assertTrue(e.getMessage().contains("NLMSGERR_ATTR_OFFS"), e.getMessage());
    }

    @Test
    void unknownNamesAreReportedUnlessLibraryOnly() throws Exception {
        AssertionError e = assertThrows(AssertionError.class,
                () -> UapiConstants.check(List.of("linux/netlink.h"), List.of(Unknown.class, Right.class), Set.of()));
        assertTrue(e.getMessage().contains("NLM_F_NOT_A_KERNEL_NAME"), e.getMessage());
        assertEquals(2, UapiConstants.check(List.of("linux/netlink.h"), List.of(Unknown.class, Right.class),
                Set.of("NLM_F_NOT_A_KERNEL_NAME")));
    }
}
