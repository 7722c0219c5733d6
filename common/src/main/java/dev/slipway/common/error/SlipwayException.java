package dev.slipway.common.error;

import java.util.Objects;

/**
 * The root of Slipway's one error hierarchy: every failure a user can see carries a stable {@link ErrorCode}
 * and a message saying what was tried and why it failed.
 */
public class SlipwayException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ErrorCode code;

    public SlipwayException(ErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    public SlipwayException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ErrorCode code() {
        return code;
    }

    /** The message prefixed with the code's name and number, as shown on a command line. */
    public String describe() {
        return code.name() + " (" + code.code() + "): " + getMessage();
    }
}
