package dev.slipway.testing.registry;

import java.util.List;

/**
 * A token request a {@link TokenServer} answered: who asked (empty for anonymous), the scopes asked for, and the
 * HTTP status it answered with.
 */
public record TokenRequest(String username, String service, List<String> scopes, int status) {
    public TokenRequest {
        scopes = List.copyOf(scopes);
    }
}
