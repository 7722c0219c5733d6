package dev.slipway.hub.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.slipway.common.api.ApiError;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP answers: a stable code, its name, a message, and the HTTP status.
 * Unexpected exceptions are logged here once and answered as INTERNAL without any stack trace.
 */
public final class ErrorMapping {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);
    private static final Map<ErrorCode, Integer> STATUS = new EnumMap<>(ErrorCode.class);

    static {
        for (ErrorCode c : ErrorCode.values()) {
            STATUS.put(c, c.code() < 10000 ? 400 : 500);
        }
        for (ErrorCode c : new ErrorCode[] {ErrorCode.AUTH_REQUIRED, ErrorCode.AUTH_INVALID_TOKEN,
                ErrorCode.REQUEST_SIGNATURE_INVALID}) {
            STATUS.put(c, 401);
        }
        for (ErrorCode c : new ErrorCode[] {ErrorCode.PERMISSION_DENIED, ErrorCode.HOST_TOKEN_NOT_ALLOWED,
                ErrorCode.HOST_TOKEN_REQUIRED, ErrorCode.PRIORITY_NOT_ALLOWED, ErrorCode.TAG_LOCKED,
                ErrorCode.SOURCE_NOT_ALLOWED, ErrorCode.PACKAGE_BLOCKED}) {
            STATUS.put(c, 403);
        }
        for (ErrorCode c : new ErrorCode[] {ErrorCode.NOT_FOUND, ErrorCode.TASK_NOT_FOUND, ErrorCode.BUILD_NOT_FOUND,
                ErrorCode.TARGET_NOT_FOUND, ErrorCode.TAG_NOT_FOUND, ErrorCode.CHANNEL_NOT_FOUND,
                ErrorCode.HOST_NOT_FOUND, ErrorCode.USER_NOT_FOUND, ErrorCode.GROUP_NOT_FOUND,
                ErrorCode.TOKEN_NOT_FOUND, ErrorCode.PUBLICATION_IMAGE_NOT_FOUND}) {
            STATUS.put(c, 404);
        }
        for (ErrorCode c : new ErrorCode[] {ErrorCode.REQUEST_MALFORMED, ErrorCode.REQUEST_UNKNOWN_FIELD,
                ErrorCode.BAD_OPTS, ErrorCode.BAD_PARAMETER, ErrorCode.BAD_NAME, ErrorCode.CG_METADATA_INVALID}) {
            STATUS.put(c, 400);
        }
        STATUS.put(ErrorCode.METHOD_NOT_ALLOWED, 405);
        STATUS.put(ErrorCode.PARENT_BUILD_NOT_COMPLETE, 400); // the submitter names a build that cannot be a parent
        for (ErrorCode c : new ErrorCode[] {ErrorCode.TASK_STATE_CONFLICT, ErrorCode.TASK_NOT_HELD,
                ErrorCode.LEASE_EPOCH_STALE,
                ErrorCode.HOST_NOT_ELIGIBLE, ErrorCode.NVR_EXISTS, ErrorCode.NVR_RESERVED,
                ErrorCode.RESERVATION_MISMATCH, ErrorCode.RELEASE_NOT_COMPUTABLE, ErrorCode.ALREADY_EXISTS}) {
            STATUS.put(c, 409);
        }
        STATUS.put(ErrorCode.REQUEST_TOO_LARGE, 413);
        STATUS.put(ErrorCode.PACKAGE_NOT_IN_TAG, 422);
        STATUS.put(ErrorCode.ARCH_NO_HOST, 422);
        STATUS.put(ErrorCode.MULTI_ARCH_UNSUPPORTED, 422);
        STATUS.put(ErrorCode.IDEMPOTENCY_KEY_REUSED, 422);
        STATUS.put(ErrorCode.HUB_UNAVAILABLE, 503);
        STATUS.put(ErrorCode.CONFIG_INVALID, 500);
        STATUS.put(ErrorCode.INTERNAL, 500);
    }

    /** A failure ready to send. */
    public record Answer(int status, ApiError body) {
    }

    private ErrorMapping() {
    }

    /** The HTTP status for a code. */
    public static int status(ErrorCode code) {
        return STATUS.get(code);
    }

    /** Translates any failure; logs the ones that are not the client's fault. */
    public static Answer of(Throwable failure, String what) {
        Throwable t = failure;
        if ((t instanceof CompletionException || t instanceof UncheckedIOException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof SlipwayException e) {
            int status = status(e.code());
            if (status >= 500) {
                LOG.error("{} failed: {}", what, e.describe(), e);
            }
            return new Answer(status, ApiError.of(e));
        }
        if (t instanceof UnrecognizedPropertyException e) {
            return answer(ErrorCode.REQUEST_UNKNOWN_FIELD, "Unknown field '" + e.getPropertyName()
                    + "' at " + e.getPathReference().replace("dev.slipway.common.api.", "") + "; known fields: "
                    + e.getKnownPropertyIds());
        }
        if (t instanceof JsonProcessingException e
                && !(t instanceof InvalidDefinitionException)) {
            return answer(ErrorCode.REQUEST_MALFORMED, "The request body is not valid JSON for this call: "
                    + e.getOriginalMessage());
        }
        LOG.error("{} failed unexpectedly", what, t);
        return answer(ErrorCode.INTERNAL, "The hub failed unexpectedly while serving " + what
                + "; the hub log has the details");
    }

    /** An answer for a code and message. */
    public static Answer answer(ErrorCode code, String message) {
        return new Answer(status(code), new ApiError(code.code(), code.name(), message));
    }
}
