package dev.slipway.registry.auth;

import dev.slipway.registry.transport.RequestAuthorizer;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authorization for one registry host: anonymous until the registry challenges, then HTTP Basic or Docker Hub's
 * Bearer flow; tokens are cached per scope set until they expire, so later requests authorize up front.
 */
public final class RegistryAuthorizer implements RequestAuthorizer {
    private final Optional<Credentials> credentials;
    private final BearerTokenClient tokens;
    private final Clock clock;
    private final Map<SortedSet<String>, BearerToken> cache = new ConcurrentHashMap<>();
    /** Scopes the registry asked for beyond an endpoint's own, remembered so the next call asks up front. */
    private final Map<Set<String>, SortedSet<String>> widened = new ConcurrentHashMap<>();
    private volatile AuthChallenge bearer;
    private volatile boolean basic;

    public RegistryAuthorizer(Optional<Credentials> credentials, BearerTokenClient tokens, Clock clock) {
        this.credentials = credentials;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    public Optional<String> authorization(Set<String> scopes) {
        AuthChallenge challenge = bearer;
        if (challenge != null) {
            SortedSet<String> wanted = widened.getOrDefault(scopes, new TreeSet<>(scopes));
            BearerToken token = cache.get(wanted);
            if (token == null || !token.validAt(clock.instant())) {
                token = tokens.fetch(challenge, wanted, credentials);
                cache.put(wanted, token);
            }
            return Optional.of(token.authorization());
        }
        if (basic) {
            return credentials.map(Credentials::basicAuthorization);
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> onChallenge(List<String> wwwAuthenticate, Set<String> scopes) {
        List<AuthChallenge> challenges = AuthChallenge.parse(wwwAuthenticate);
        Optional<AuthChallenge> bearerChallenge = challenges.stream().filter(AuthChallenge::isBearer).findFirst();
        if (bearerChallenge.isPresent()) {
            AuthChallenge challenge = bearerChallenge.get();
            bearer = challenge;
            SortedSet<String> wanted = new TreeSet<>(scopes);
            wanted.addAll(challenge.scopes());
            if (!wanted.equals(scopes)) {
                widened.put(Set.copyOf(scopes), wanted);
            }
            // Whatever we sent was not good enough: never retry with a cached token for the same scopes.
            BearerToken token = tokens.fetch(challenge, wanted, credentials);
            cache.put(wanted, token);
            return Optional.of(token.authorization());
        }
        if (challenges.stream().anyMatch(AuthChallenge::isBasic)) {
            basic = true;
            return credentials.map(Credentials::basicAuthorization);
        }
        return Optional.empty();
    }
}
