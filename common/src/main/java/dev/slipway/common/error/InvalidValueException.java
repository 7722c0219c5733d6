package dev.slipway.common.error;

/** A value (digest, reference, NVR...) failed validation; keeps the offending input for the message. */
public final class InvalidValueException extends SlipwayException {
    private static final long serialVersionUID = 1L;
    private final String input;

    public InvalidValueException(ErrorCode code, String input, String reason) {
        super(code, "Invalid " + code.summary().replaceFirst("^invalid ", "") + " '" + input + "': " + reason);
        this.input = input;
    }

    /** For values whose kind the code's summary does not name: "Invalid {@code what} 'input': reason". */
    public InvalidValueException(ErrorCode code, String what, String input, String reason) {
        super(code, "Invalid " + what + " '" + input + "': " + reason);
        this.input = input;
    }

    /** The text that failed to parse. */
    public String input() {
        return input;
    }
}
