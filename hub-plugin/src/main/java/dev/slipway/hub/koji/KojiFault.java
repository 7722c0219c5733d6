package dev.slipway.hub.koji;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;

/**
 * A refusal answered as an XML-RPC fault: koji's fault code (which the koji client maps to its exception classes)
 * beside Slipway's stable {@link ErrorCode}. {@link Faults} maps every other failure to one of these.
 */
public final class KojiFault extends SlipwayException {
    private static final long serialVersionUID = 1L;
    private final KojiError kojiError;

    public KojiFault(KojiError kojiError, ErrorCode code, String message) {
        super(code, message);
        this.kojiError = kojiError;
    }

    /** The koji exception class the client will raise. */
    public KojiError kojiError() {
        return kojiError;
    }

    /** The fault string: the message, then Slipway's code and name in brackets. */
    public String faultString() {
        return getMessage() + " [" + code().code() + " " + code().name() + "]";
    }

    /** A ParameterError (bad arguments) with BAD_PARAMETER. */
    static KojiFault parameter(String message) {
        return new KojiFault(KojiError.PARAMETER, ErrorCode.BAD_PARAMETER, message);
    }

    /** A GenericError with {@code code}. */
    static KojiFault generic(ErrorCode code, String message) {
        return new KojiFault(KojiError.GENERIC, code, message);
    }
}
