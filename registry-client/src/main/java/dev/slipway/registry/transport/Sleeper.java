package dev.slipway.registry.transport;

import java.time.Duration;

/** Waits between attempts; a port so tests can record backoff instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    /** The real thing. */
    static Sleeper threadSleep() {
        return duration -> {
            if (!duration.isZero() && !duration.isNegative()) {
                Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
            }
        };
    }
}
