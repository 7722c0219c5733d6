package dev.slipway.release.policy;

import java.util.Objects;

/** One broken publishing rule: its stable code and a message saying what was found. */
public record Violation(ViolationCode code, String message) {
    public Violation {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return code + ": " + message;
    }
}
