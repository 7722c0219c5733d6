package dev.slipway.common.process;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;

/**
 * A {@link Command} that did not finish within its timeout and was killed with its whole process tree; a subtype so
 * the few callers that treat a hung tool as an answer (a check that failed) rather than an error can tell it apart.
 */
public class CommandTimeoutException extends SlipwayException {
    private static final long serialVersionUID = 1L;

    CommandTimeoutException(ErrorCode code, String message) {
        super(code, message);
    }
}
