package dev.slipway.registry.transport;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A client-side limit of requests per second (registries such as Docker Hub throttle busy clients); requests are
 * spaced evenly, and a limit of zero or less turns it off.
 */
public final class RateLimiter {
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private long nextSlot = Long.MIN_VALUE;

    public RateLimiter(double requestsPerSecond, LongSupplier nanoTime, Sleeper sleeper) {
        this.intervalNanos = requestsPerSecond > 0 ? (long) (1_000_000_000L / requestsPerSecond) : 0;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    /** A limiter that never waits. */
    public static RateLimiter off() {
        return new RateLimiter(0, System::nanoTime, Sleeper.threadSleep());
    }

    public boolean enabled() {
        return intervalNanos > 0;
    }

    /** Blocks until this request's slot arrives. */
    public void acquire() throws InterruptedException {
        if (intervalNanos == 0) {
            return;
        }
        long wait;
        synchronized (this) {
            long now = nanoTime.getAsLong();
            long slot = nextSlot == Long.MIN_VALUE ? now : Math.max(now, nextSlot);
            nextSlot = slot + intervalNanos;
            wait = slot - now;
        }
        // Sleep outside the lock so other threads can reserve the following slots meanwhile.
        if (wait > 0) {
            sleeper.sleep(Duration.ofNanos(wait));
        }
    }
}
