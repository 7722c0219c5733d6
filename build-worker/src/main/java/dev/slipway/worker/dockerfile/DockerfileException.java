package dev.slipway.worker.dockerfile;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;

/** A problem in a Dockerfile or its labels found before any build, naming the 1-based line it was found on. */
public final class DockerfileException extends SlipwayException {
    private static final long serialVersionUID = 1L;
    private final int line;

    /** A problem at {@code line}; 0 when the problem belongs to no single line (e.g. a missing label). */
    public DockerfileException(ErrorCode code, int line, String problem) {
        super(code, (line > 0 ? "Dockerfile line " + line + ": " : "Dockerfile: ") + problem);
        this.line = line;
    }

    /** The 1-based line the problem was found on, or 0 when it belongs to no single line. */
    public int line() {
        return line;
    }
}
