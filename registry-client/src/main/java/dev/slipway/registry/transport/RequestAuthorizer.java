package dev.slipway.registry.transport;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Supplies the {@code Authorization} header for registry requests and reacts to a registry's 401 challenge
 * (implemented by the {@code auth} package so the caller does not know the schemes).
 */
public interface RequestAuthorizer {

    /** The header to send up front for a request needing these scopes, once the registry's scheme is known. */
    Optional<String> authorization(Set<String> scopes);

    /**
     * Answers a 401: learns the scheme from the {@code WWW-Authenticate} values and returns the header to retry
     * with once, or empty when a retry cannot succeed (no credentials for Basic, unknown scheme).
     */
    Optional<String> onChallenge(List<String> wwwAuthenticate, Set<String> scopes);

    /** Never authorizes: for anonymous registries and tests. */
    static RequestAuthorizer anonymous() {
        return new RequestAuthorizer() {
            @Override
            public Optional<String> authorization(Set<String> scopes) {
                return Optional.empty();
            }

            @Override
            public Optional<String> onChallenge(List<String> wwwAuthenticate, Set<String> scopes) {
                return Optional.empty();
            }
        };
    }
}
