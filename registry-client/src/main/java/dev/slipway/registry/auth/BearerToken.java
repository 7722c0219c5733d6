package dev.slipway.registry.auth;

import java.time.Instant;
import java.util.Objects;

/** A registry bearer token and the moment we stop using it; {@link #toString()} hides the token. */
public record BearerToken(String value, Instant expiresAt) {
    public BearerToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean validAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    /** The {@code Authorization} header value. */
    public String authorization() {
        return "Bearer " + value;
    }

    @Override
    public String toString() {
        return "BearerToken[value=***, expiresAt=" + expiresAt + "]";
    }
}
