package dev.slipway.hub.http;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.hub.auth.Principal;
import java.util.Locale;

/**
 * Who may reach a route at all; finer checks (owner, role) happen in the services. Host tokens reach only HOST
 * routes, and HOST routes take only host tokens.
 */
public enum Access {
    /** Anyone without a host token (read-only calls). */
    ANONYMOUS,
    /** Any authenticated user; the service checks roles and ownership. */
    USER,
    /** Build hosts only. */
    HOST;

    /** Throws the matching refusal unless {@code p} may call a route of this access level. */
    public void check(Principal p) {
        if (this == HOST) {
            if (!p.isHost()) {
                throw new SlipwayException(p.isUser() ? ErrorCode.HOST_TOKEN_REQUIRED : ErrorCode.AUTH_REQUIRED,
                        "The host API needs a host token");
            }
            return;
        }
        if (p.isHost()) {
            throw new SlipwayException(ErrorCode.HOST_TOKEN_NOT_ALLOWED,
                    "Host " + p.name() + " used its host token outside the host API");
        }
        if (this == USER && !p.isUser()) {
            throw new SlipwayException(ErrorCode.AUTH_REQUIRED, "This call needs a user token (Authorization: Bearer)");
        }
    }

    /** The lower-case name shown by _listapi. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
