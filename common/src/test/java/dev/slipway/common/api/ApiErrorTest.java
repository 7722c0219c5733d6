package dev.slipway.common.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import org.junit.jupiter.api.Test;

class ApiErrorTest {
    @Test
    void ofThenToException_keepsCodeAndMessage() {
        SlipwayException sent = new SlipwayException(ErrorCode.ENGINE_BUILD_FAILED, "RUN false returned 1");
        ApiError wire = ApiError.of(sent);
        assertEquals(new ApiError(5001, "ENGINE_BUILD_FAILED", "RUN false returned 1"), wire);
        SlipwayException received = wire.toException();
        assertEquals(ErrorCode.ENGINE_BUILD_FAILED, received.code());
        assertEquals("RUN false returned 1", received.getMessage());
    }

    @Test
    void toException_unknownCode_isHubProtocolAndKeepsTheSendersCode() {
        SlipwayException e = new ApiError(424242, "FUTURE_THING", "something new went wrong").toException();
        assertEquals(ErrorCode.HUB_PROTOCOL, e.code());
        assertTrue(e.getMessage().contains("something new went wrong"), e.getMessage());
        assertTrue(e.getMessage().contains("424242 FUTURE_THING"), e.getMessage());
    }
}
