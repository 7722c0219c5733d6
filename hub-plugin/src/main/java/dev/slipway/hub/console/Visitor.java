package dev.slipway.hub.console;

import dev.slipway.hub.auth.Principal;

/**
 * Who is looking at a page: the principal (anonymous unless signed in) and the CSRF token every form of this
 * visitor must carry.
 *
 * @param csrf the token bound to this visitor's session (or pre-session) cookie; null when the visitor has neither
 *     cookie yet, in which case no form can be accepted
 */
public record Visitor(Principal principal, String csrf) {
    /** Whether someone is signed in (anonymous visitors see no action). */
    public boolean signedIn() {
        return principal.isUser();
    }

    public String name() {
        return principal.name();
    }
}
