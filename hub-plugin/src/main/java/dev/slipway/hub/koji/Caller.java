package dev.slipway.hub.koji;

import dev.slipway.common.api.TaskInfo;
import dev.slipway.hub.auth.Principal;
import dev.slipway.hub.auth.Sessions;
import java.util.Map;

/**
 * Who makes a call: the principal and, when the call named one, the koji session it authenticated with.
 *
 * @param session null for anonymous calls and bearer-token calls
 * @param tasks tasks a read-only multiCall read in one transaction before its calls run (empty otherwise)
 */
record Caller(Principal principal, Sessions.Current session, Map<Long, TaskInfo> tasks) {
    static final Caller ANONYMOUS = new Caller(Principal.ANONYMOUS, null, Map.of());

    Caller(Principal principal, Sessions.Current session) {
        this(principal, session, Map.of());
    }

    Caller withTasks(Map<Long, TaskInfo> read) {
        return new Caller(principal, session, read);
    }
}
