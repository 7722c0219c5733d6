package dev.slipway.worker.config;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.time.Duration;

/**
 * How the worker talks to every registry: timeouts and the bounded retries of a failed call (5xx, 429 honouring
 * its Retry-After, a reset connection, a registry that stops answering). When the attempts are used up the build
 * fails with the last failure's code (REGISTRY_SERVER_ERROR, REGISTRY_RATE_LIMITED, REGISTRY_UNREACHABLE,
 * REGISTRY_TIMEOUT).
 *
 * @param requestTimeout how long one request may take until the registry's answer starts, uploads included, and
 *     the longest silence while an answer's body (a blob, a manifest) is read; a slow body that keeps moving is fine
 * @param attempts calls per operation, the first included
 */
public record RegistryClientSettings(Duration connectTimeout, Duration requestTimeout, int attempts,
        Duration initialBackoff, Duration maxBackoff) {
    public RegistryClientSettings {
        if (attempts < 1 || attempts > 20) {
            throw new SlipwayException(ErrorCode.CONFIG_INVALID, "registry_client.attempts is " + attempts
                    + "; expected 1 to 20");
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero() || requestTimeout.isNegative()
                || requestTimeout.isZero() || initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new SlipwayException(ErrorCode.CONFIG_INVALID, "registry_client needs timeouts above 0 and"
                    + " 0 <= initial backoff <= max backoff");
        }
    }

    /** 10 s to connect, 5 min per request, 4 attempts backing off from 0.5 s to 8 s. */
    public static RegistryClientSettings defaults() {
        return new RegistryClientSettings(Duration.ofSeconds(10), Duration.ofMinutes(5), 4, Duration.ofMillis(500),
                Duration.ofSeconds(8));
    }
}
