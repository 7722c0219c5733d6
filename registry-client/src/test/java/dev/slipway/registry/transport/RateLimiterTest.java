package dev.slipway.registry.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final List<Duration> waits = new ArrayList<>();

    @Test
    void acquire_fourPerSecond_spacesRequestsBy250ms() throws Exception {
        RateLimiter limiter = new RateLimiter(4, now::get, waits::add);

        limiter.acquire();
        limiter.acquire();
        limiter.acquire();

        assertEquals(List.of(Duration.ofMillis(250), Duration.ofMillis(500)), waits);
    }

    @Test
    void acquire_afterAQuietPeriod_doesNotWait() throws Exception {
        RateLimiter limiter = new RateLimiter(4, now::get, waits::add);
        limiter.acquire();
        now.addAndGet(Duration.ofSeconds(1).toNanos());

        limiter.acquire();

        assertEquals(List.of(), waits);
    }

    @Test
    void off_neverWaits() throws Exception {
        RateLimiter limiter = new RateLimiter(0, now::get, waits::add);
        for (int i = 0; i < 100; i++) {
            limiter.acquire();
        }
        assertFalse(limiter.enabled());
        assertEquals(List.of(), waits);
    }
}
