package dev.slipway.common.hub;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.api.ApiError;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.io.IOException;

/**
 * Reads the hub's error answers: a JSON {@link ApiError} body becomes the hub's {@link SlipwayException}; anything
 * else is {@link ErrorCode#HUB_PROTOCOL}. Shared by every client of the hub, blocking or not.
 */
public final class HubErrors {
    private HubErrors() {
    }

    /**
     * The failure a refused call ({@code what}, e.g. {@code POST /api/v1/buildContainer}) answered with.
     *
     * @param body the answer's body text
     */
    public static SlipwayException refusal(String what, int status, String body, ObjectMapper json) {
        ApiError error;
        try {
            error = json.readValue(body, ApiError.class);
        } catch (IOException | RuntimeException notJson) {
            error = null;
        }
        if (error == null || error.message() == null) {
            return new SlipwayException(ErrorCode.HUB_PROTOCOL, "Tried " + what + " but the hub answered " + status
                    + " without a JSON error body");
        }
        return error.toException();
    }
}
