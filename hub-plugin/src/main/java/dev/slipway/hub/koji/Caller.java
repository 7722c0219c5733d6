package dev.slipway.hub.koji;

import dev.slipway.hub.auth.Principal;

/**
 * Who makes a call: the principal and, when the call named one, the koji session it authenticated with.
 *
 * @param session null for anonymous calls and bearer-token calls
 */
record Caller(Principal principal, KojiSessions.Current session) {
    static final Caller ANONYMOUS = new Caller(Principal.ANONYMOUS, null);
}
