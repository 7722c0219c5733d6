package dev.slipway.hub.koji;

import com.fasterxml.jackson.databind.JsonMappingException;
import dev.slipway.common.api.ApiError;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.hub.auth.SessionRefused;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps every failure to the nearest koji fault: authentication to AuthError, refusals by role or policy to
 * ActionNotAllowed, bad arguments to ParameterError, an unavailable database to ServerOffline, the rest to
 * GenericError. Slipway's code and name stay in the fault string. Unexpected exceptions are logged here once and
 * answered as INTERNAL without a stack trace, as the JSON API answers them.
 */
final class Faults {
    private static final Logger LOG = LoggerFactory.getLogger(Faults.class);
    private static final Map<ErrorCode, KojiError> KOJI = new EnumMap<>(ErrorCode.class);

    static {
        for (ErrorCode c : new ErrorCode[] {ErrorCode.AUTH_REQUIRED, ErrorCode.AUTH_INVALID_TOKEN,
                ErrorCode.HOST_TOKEN_NOT_ALLOWED, ErrorCode.HOST_TOKEN_REQUIRED}) {
            KOJI.put(c, KojiError.AUTH);
        }
        for (ErrorCode c : new ErrorCode[] {ErrorCode.PERMISSION_DENIED, ErrorCode.PRIORITY_NOT_ALLOWED,
                ErrorCode.TAG_LOCKED, ErrorCode.SOURCE_NOT_ALLOWED, ErrorCode.PACKAGE_BLOCKED,
                ErrorCode.PACKAGE_NOT_IN_TAG}) {
            KOJI.put(c, KojiError.ACTION_NOT_ALLOWED);
        }
        for (ErrorCode c : ErrorCode.values()) {
            if (c.code() >= 1000 && c.code() < 2000) {
                KOJI.put(c, KojiError.PARAMETER);
            }
        }
        for (ErrorCode c : new ErrorCode[] {ErrorCode.REQUEST_MALFORMED, ErrorCode.REQUEST_UNKNOWN_FIELD,
                ErrorCode.REQUEST_TOO_LARGE, ErrorCode.BAD_OPTS, ErrorCode.BAD_PARAMETER, ErrorCode.BAD_NAME,
                ErrorCode.SOURCE_INVALID, ErrorCode.SOURCE_NOT_A_COMMIT}) {
            KOJI.put(c, KojiError.PARAMETER);
        }
        KOJI.put(ErrorCode.HUB_UNAVAILABLE, KojiError.SERVER_OFFLINE);
    }

    private Faults() {
    }

    /** The fault for any failure of a call to {@code method}. */
    static KojiFault of(Throwable failure, String method) {
        Throwable t = failure;
        while ((t instanceof CompletionException
                || t instanceof UncheckedIOException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof KojiFault f) {
            return f;
        }
        if (t instanceof SessionRefused r) {
            return new KojiFault(switch (r.reason()) {
                case INVALID -> KojiError.AUTH;
                case EXPIRED -> KojiError.AUTH_EXPIRED;
                case REPLAYED -> KojiError.RETRY;
                case OUT_OF_ORDER -> KojiError.SEQUENCE;
            }, r.code(), r.getMessage());
        }
        if (t instanceof SlipwayException e) {
            if (e.code() == ErrorCode.INTERNAL || e.code() == ErrorCode.CONFIG_INVALID) {
                LOG.error("XML-RPC {} failed: {}", method, e.describe(), e);
            }
            return new KojiFault(KOJI.getOrDefault(e.code(), KojiError.GENERIC), e.code(), e.getMessage());
        }
        if (t instanceof IllegalArgumentException e && e.getCause() instanceof
                JsonMappingException j) {
            return KojiFault.parameter(method + ": " + j.getOriginalMessage());
        }
        LOG.error("XML-RPC {} failed unexpectedly", method, t);
        return KojiFault.generic(ErrorCode.INTERNAL, "The hub failed unexpectedly while serving " + method
                + "; the hub log has the details");
    }

    /** The fault a FAILED task raises from getTaskResult: BuildError with the worker's code and name. */
    static String taskFault(ApiError fault) {
        return fault.message() + " [" + fault.code() + " " + fault.name() + "]";
    }
}
