package dev.slipway.registry.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(500));
    private final Clock clock = Clock.fixed(Instant.parse("2015-10-21T07:28:00Z"), ZoneOffset.UTC);

    @Test
    void delay_doublesUpToTheMaximum() {
        assertEquals(Duration.ofMillis(100), policy.delay(1, Optional.empty()));
        assertEquals(Duration.ofMillis(200), policy.delay(2, Optional.empty()));
        assertEquals(Duration.ofMillis(400), policy.delay(3, Optional.empty()));
        assertEquals(Duration.ofMillis(500), policy.delay(4, Optional.empty()));
        assertEquals(Duration.ofMillis(500), policy.delay(40, Optional.empty()));
    }

    @Test
    void delay_retryAfterWinsButIsCapped() {
        assertEquals(Duration.ofSeconds(3), policy.delay(1, Optional.of(Duration.ofSeconds(3))));
        assertEquals(RetryPolicy.MAX_RETRY_AFTER, policy.delay(1, Optional.of(Duration.ofHours(2))));
    }

    @Test
    void mayRetry_boundsTheAttempts() {
        assertTrue(policy.mayRetry(4));
        assertFalse(policy.mayRetry(5));
        assertFalse(RetryPolicy.none().mayRetry(1));
    }

    @Test
    void parseRetryAfter_secondsOrHttpDate() {
        assertEquals(Optional.of(Duration.ofSeconds(120)), RetryPolicy.parseRetryAfter(Optional.of("120"), clock));
        assertEquals(Optional.of(Duration.ofSeconds(30)),
                RetryPolicy.parseRetryAfter(Optional.of("Wed, 21 Oct 2015 07:28:30 GMT"), clock));
        assertEquals(Optional.of(Duration.ZERO),
                RetryPolicy.parseRetryAfter(Optional.of("Wed, 21 Oct 2015 07:00:00 GMT"), clock));
    }

    @Test
    void parseRetryAfter_missingOrGarbage_isEmpty() {
        assertEquals(Optional.empty(), RetryPolicy.parseRetryAfter(Optional.empty(), clock));
        assertEquals(Optional.empty(), RetryPolicy.parseRetryAfter(Optional.of("soon"), clock));
    }
}
