package dev.slipway.registry.transport;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/** What the caller needs to know about one registry: where it is, how long to wait and how often to retry. */
public record CallSettings(URI baseUri, Duration requestTimeout, String userAgent, RetryPolicy retry) {
    public CallSettings {
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(retry, "retry");
        if (baseUri.getScheme() == null || baseUri.getHost() == null) {
            throw new IllegalArgumentException("base URI needs a scheme and host: " + baseUri);
        }
    }
}
