package dev.slipway.hub.task;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slipway.common.api.BuildOpts;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** koji-containerbuild's opts rules. */
class OptsValidatorTest {
    private final OptsValidator v = new OptsValidator();

    private static BuildOpts opts(Boolean scratch, Boolean isolated, String release, String branch, String arches) {
        return new BuildOpts(scratch, isolated, release, branch, List.of(), arches, null, null);
    }

    private ErrorCode refused(BuildOpts o) {
        return assertThrows(SlipwayException.class, () -> v.check(o)).code();
    }

    @Test
    void check_validCombinations_pass() {
        assertDoesNotThrow(() -> v.check(opts(null, null, null, "f40", null)));
        assertDoesNotThrow(() -> v.check(opts(true, null, null, "f40", "x86_64 aarch64")));
        assertDoesNotThrow(() -> v.check(opts(null, true, "1.1", "f40", "x86_64")));
        assertDoesNotThrow(() -> v.check(opts(null, null, "3.fc40", "f40", null)));
    }

    @Test
    void check_refusals_haveStableCodes() {
        assertEquals(ErrorCode.BAD_OPTS, refused(null));
        assertEquals(ErrorCode.BAD_OPTS, refused(opts(null, null, null, null, null)));
        assertEquals(ErrorCode.BAD_OPTS, refused(opts(true, true, "1.1", "f40", null)));
        assertEquals(ErrorCode.BAD_OPTS, refused(opts(null, true, null, "f40", null)));
        assertEquals(ErrorCode.INVALID_RELEASE, refused(opts(null, true, "7", "f40", null)));
        assertEquals(ErrorCode.INVALID_RELEASE, refused(opts(null, null, "1-2", "f40", null)));
        assertEquals(ErrorCode.BAD_OPTS, refused(opts(null, null, null, "f40", "x86_64")));
        assertEquals(ErrorCode.BAD_NAME, refused(opts(true, null, null, "f40", "X86-64")));
        assertEquals(ErrorCode.BAD_OPTS, refused(new BuildOpts(null, null, null, "f40",
                List.of("ftp://mirror/x.repo"), null, null, null)));
        assertEquals(ErrorCode.BAD_OPTS, refused(new BuildOpts(null, null, null, "f40", List.of(), null,
                "not-an-nvr", null)));
    }
}
