package dev.slipway.hub.http;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Wake-ups for long-polls of one kind, keyed by a number (a host id, a task id, or {@link #ANY}). Each key has a
 * generation counter: a waiter that read generation g before checking the database returns at once if a signal
 * came in between, so no signal is lost between the check and the wait.
 */
public final class Signals {
    /** The key for signals that concern everyone (a task became runnable). */
    public static final long ANY = 0;
    private final Vertx vertx;
    private final Map<Long, AtomicLong> generations = new ConcurrentHashMap<>();
    private final Map<Long, Set<Waiter>> waiters = new ConcurrentHashMap<>();

    private record Waiter(Context context, Promise<Void> promise) {
    }

    public Signals(Vertx vertx) {
        this.vertx = vertx;
    }

    /** The key's current generation. */
    public long generation(long key) {
        return generations.computeIfAbsent(key, k -> new AtomicLong()).get();
    }

    /** Wakes everyone waiting on {@code key}. */
    public void signal(long key) {
        generations.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
        Set<Waiter> set = waiters.remove(key);
        if (set != null) {
            set.forEach(w -> w.context.runOnContext(v -> w.promise.tryComplete()));
        }
    }

    /** Completes when {@code key} is signalled after generation {@code seen}, or after {@code timeoutMs}. */
    public Future<Void> await(long key, long seen, long timeoutMs) {
        Context context = vertx.getOrCreateContext();
        Promise<Void> promise = Promise.promise();
        Waiter w = new Waiter(context, promise);
        waiters.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(w);
        if (generation(key) != seen) {
            promise.tryComplete();
        }
        long timer = vertx.setTimer(Math.max(1, timeoutMs), t -> promise.tryComplete());
        return promise.future().onComplete(r -> {
            vertx.cancelTimer(timer);
            Set<Waiter> set = waiters.get(key);
            if (set != null) {
                set.remove(w);
            }
        });
    }
}
