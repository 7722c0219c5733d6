package dev.slipway.common.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ErrorCodeTest {
    @Test
    void codes_areUnique() {
        long distinct = Arrays.stream(ErrorCode.values()).mapToInt(ErrorCode::code).distinct().count();
        assertEquals(ErrorCode.values().length, distinct);
    }

    @Test
    void of_knownNumber_isThatCode() {
        assertEquals(ErrorCode.NVR_EXISTS, ErrorCode.of(10050));
        Arrays.stream(ErrorCode.values()).forEach(c -> assertEquals(c, ErrorCode.of(c.code())));
    }

    @Test
    void of_unknownNumber_isAProtocolProblem() {
        assertEquals(ErrorCode.HUB_PROTOCOL, ErrorCode.of(424242));
    }

    @Test
    void describe_showsNameNumberAndMessage() {
        SlipwayException e = new SlipwayException(ErrorCode.MIRROR_EXISTS, "Mirror /m/a/1-1/x86_64 exists");
        assertEquals("MIRROR_EXISTS (7001): Mirror /m/a/1-1/x86_64 exists", e.describe());
    }

    @Test
    void invalidValue_messageNamesInputAndReason() {
        InvalidValueException e = new InvalidValueException(ErrorCode.INVALID_TAG, "x:.y", "bad start");
        assertEquals("Invalid tag 'x:.y': bad start", e.getMessage());
        assertEquals("x:.y", e.input());
        assertTrue(e instanceof SlipwayException);
    }
}
