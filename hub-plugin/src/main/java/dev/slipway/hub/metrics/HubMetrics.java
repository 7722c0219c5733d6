package dev.slipway.hub.metrics;

import dev.slipway.common.api.TaskState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The hub's Prometheus metrics: tasks by state (the queue), task durations by outcome, submissions, claims and
 * lost leases. One instance per hub process, passed to whoever records.
 */
public final class HubMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<TaskState, AtomicLong> queue = new EnumMap<>(TaskState.class);
    private final Counter submitted;
    private final Counter claims;
    private final Counter emptyClaims;
    private final Counter leasesLost;

    public HubMetrics() {
        for (TaskState s : TaskState.values()) {
            AtomicLong value = new AtomicLong();
            queue.put(s, value);
            Gauge.builder("slipway_tasks", value, AtomicLong::get).tag("state", s.name())
                    .description("Tasks in each state").register(registry);
        }
        submitted = Counter.builder("slipway_tasks_submitted").description("Tasks created").register(registry);
        claims = Counter.builder("slipway_claims").tag("outcome", "task").description("Claims answered")
                .register(registry);
        emptyClaims = Counter.builder("slipway_claims").tag("outcome", "empty").register(registry);
        leasesLost = Counter.builder("slipway_leases_lost").description("Tasks freed because their lease expired")
                .register(registry);
    }

    public void submitted() {
        submitted.increment();
    }

    public void claimed(boolean gotTask) {
        (gotTask ? claims : emptyClaims).increment();
    }

    public void leaseLost() {
        leasesLost.increment();
    }

    /** A task finished in {@code state}; {@code ran} is how long it was OPEN, when known. */
    public void finished(TaskState state, Duration ran) {
        if (ran != null) {
            Timer.builder("slipway_task_duration").tag("state", state.name()).description("Time from open to end")
                    .register(registry).record(ran);
        }
    }

    /** Sets the queue gauges from a fresh count. */
    public void queue(Map<TaskState, Long> counts) {
        queue.forEach((state, value) -> value.set(counts.getOrDefault(state, 0L)));
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }
}
