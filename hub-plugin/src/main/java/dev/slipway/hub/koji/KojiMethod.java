package dev.slipway.hub.koji;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.hub.auth.Principal;

/**
 * One exported koji method: its Python signature, who may call it, what {@code system.methodHelp} says, and the
 * handler.
 */
record KojiMethod(Signature signature, Login login, String doc, Handler handler) {
    /** A blocking handler: returns the answer or throws. */
    interface Handler {
        Object call(Caller caller, Args args);
    }

    /**
     * Who may call: the JSON API's rules (host tokens never reach user calls; USER needs a logged-in user, and
     * the services check roles and ownership).
     */
    enum Login {
        ANYONE, USER;

        void check(Principal p) {
            if (p.isHost()) {
                throw new KojiFault(KojiError.AUTH, ErrorCode.HOST_TOKEN_NOT_ALLOWED,
                        "Host " + p.name() + " used its host token outside the host API");
            }
            if (this == USER && !p.isUser()) {
                throw new KojiFault(KojiError.AUTH, ErrorCode.AUTH_REQUIRED,
                        "Not logged in: this call needs a login (login(user, api_token) or a bearer token)");
            }
        }
    }

    String name() {
        return signature.method();
    }
}
