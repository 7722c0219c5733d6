package dev.slipway.e2e;

import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.hub.Answer;
import dev.slipway.common.hub.HubClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A steady submission load through the load balancer: {@code clients} threads that together submit
 * {@code perSecond} buildContainer calls a second. A call that gets no answer or a 5xx is retried (a client's
 * ordinary behaviour when a hub dies under it); only an acknowledged (201) submission counts as acknowledged, and
 * one that still fails after its retries is a client error.
 */
final class SubmissionLoad implements AutoCloseable {
    private static final int ATTEMPTS = 20;
    private final HubClient http;
    private final Map<String, Object> body;
    private final int clients;
    private final long periodNanos;
    private final ConcurrentLinkedQueue<Long> acknowledged = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    private final AtomicInteger retries = new AtomicInteger();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    SubmissionLoad(HubClient http, Map<String, Object> body, int clients, int perSecond) {
        this.http = http;
        this.body = body;
        this.clients = clients;
        this.periodNanos = 1_000_000_000L * clients / perSecond;
    }

    SubmissionLoad start() {
        for (int i = 0; i < clients; i++) {
            long offset = periodNanos * i / clients;
            Thread t = new Thread(() -> run(offset), "farm-submit-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        return this;
    }

    private void run(long offset) {
        long next = System.nanoTime() + offset;
        while (running) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                sleep(wait / 1_000_000);
            }
            next += periodNanos;
            submitOnce();
        }
    }

    private void submitOnce() {
        String last = "";
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                Answer a = http.exchange("POST", "/api/v1/buildContainer", body);
                if (a.status() == 201) {
                    acknowledged.add(a.json().path("task_id").asLong());
                    return;
                }
                last = a.status() + " " + a.body();
                if (a.status() < 500) {
                    break;
                }
            } catch (SlipwayException unreachable) {
                last = unreachable.getMessage();
            }
            retries.incrementAndGet();
            sleep(250);
        }
        errors.add(last);
    }

    /** Stops submitting and waits for the calls in flight. */
    @Override
    public void close() {
        running = false;
        for (Thread t : threads) {
            try {
                t.join(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    List<Long> acknowledged() {
        return List.copyOf(acknowledged);
    }

    /** Submissions that failed even after their retries. */
    List<String> errors() {
        return List.copyOf(errors);
    }

    int retries() {
        return retries.get();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(Math.max(0, ms));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
