package dev.slipway.registry.auth;

import java.util.Map;
import java.util.Optional;

/** Finds the credentials for a registry host ({@code host[:port]}), if any. */
@FunctionalInterface
public interface CredentialsSource {

    Optional<Credentials> find(String registryHost);

    /** Anonymous access everywhere. */
    static CredentialsSource none() {
        return host -> Optional.empty();
    }

    /** Credentials from configuration, keyed by {@code host[:port]}. */
    static CredentialsSource of(Map<String, Credentials> byHost) {
        Map<String, Credentials> copy = Map.copyOf(byHost);
        return host -> Optional.ofNullable(copy.get(host));
    }

    /** Tries this source first, then the other. */
    default CredentialsSource orElse(CredentialsSource other) {
        return host -> find(host).or(() -> other.find(host));
    }
}
