package dev.slipway.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import org.junit.jupiter.api.Test;

class RefUpdateTest {
    private static final String A = "a".repeat(40);
    private static final String ZERO = "0".repeat(40);

    @Test
    void parse_branchPush_givesBranchAndIds() {
        RefUpdate u = RefUpdate.parse(ZERO + " " + A + " refs/heads/f40");
        assertEquals("f40", u.branch());
        assertTrue(u.created());
        assertEquals(A, u.newId());
    }

    @Test
    void parse_tag_hasNoBranch_andDeletionIsSeen() {
        RefUpdate u = RefUpdate.parse(A + " " + ZERO + " refs/tags/v1");
        assertNull(u.branch());
        assertTrue(u.deleted());
    }

    @Test
    void parse_badLines_areRefusedWithTheStableCode() {
        for (String bad : new String[] {"", "hello", A + " " + A, A + " " + A + " refs/heads/f40 extra",
            A.substring(1) + " " + A + " refs/heads/x", A + " " + A + " heads/x", A + " " + A + " refs/heads/../x",
            A + " " + "b".repeat(64) + " refs/heads/x"}) {
            SlipwayException e = assertThrows(SlipwayException.class, () -> RefUpdate.parse(bad), bad);
            assertEquals(ErrorCode.HOOK_INPUT_INVALID, e.code());
        }
    }
}
