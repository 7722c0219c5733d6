package dev.slipway.hub.auth;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;

/** A call's session was refused, and why: callers such as koji's API answer each reason differently. */
public final class SessionRefused extends SlipwayException {
    private static final long serialVersionUID = 1L;

    /** Why a session was refused. */
    public enum Reason {
        /** Unknown session, wrong key, or its token was revoked. */
        INVALID,
        /** Idle for longer than the session lifetime. */
        EXPIRED,
        /** The call number was already used. */
        REPLAYED,
        /** The call number is lower than the last one used. */
        OUT_OF_ORDER
    }

    private final Reason reason;

    public SessionRefused(Reason reason, ErrorCode code, String message) {
        super(code, message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
