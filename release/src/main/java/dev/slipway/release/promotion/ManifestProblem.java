package dev.slipway.release.promotion;

import dev.slipway.common.error.ErrorCode;
import java.util.Objects;

/**
 * One thing wrong with a promotion manifest, with its stable code and where it is ({@code file:line}; line 0 when
 * the problem concerns a whole file or directory).
 */
public record ManifestProblem(ErrorCode code, String file, int line, String message) {
    public ManifestProblem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    /** {@code images/a/images.yaml:7: [11001] ...}, the form editors and CI logs link to. */
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": [" + code.code() + " " + code.name() + "] " + message;
    }
}
