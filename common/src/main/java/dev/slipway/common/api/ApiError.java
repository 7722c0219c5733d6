package dev.slipway.common.api;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;

/**
 * The body of every error answer and of a task fault: the stable numeric code clients branch on, its name and a
 * message saying what was tried and why it failed. A {@link SlipwayException} crosses a process boundary as this
 * record ({@link #of}) and becomes one again on the other side ({@link #toException}).
 */
public record ApiError(int code, String name, String message) {

    /** The wire form of a failure. */
    public static ApiError of(SlipwayException e) {
        return new ApiError(e.code().code(), e.code().name(), e.getMessage());
    }

    /**
     * The failure this error describes, with its code. A code this build does not know becomes
     * {@link ErrorCode#HUB_PROTOCOL}, and the message keeps the sender's number and name so nothing is lost.
     */
    public SlipwayException toException() {
        ErrorCode known = ErrorCode.of(code);
        if (known.code() != code) {
            return new SlipwayException(known, message + " (code " + code + " " + name + " is unknown to this client)");
        }
        return new SlipwayException(known, message);
    }
}
