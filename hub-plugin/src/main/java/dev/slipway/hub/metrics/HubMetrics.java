package dev.slipway.hub.metrics;

import dev.slipway.common.api.TaskState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The hub's Prometheus metrics: tasks by state, the queue of FREE tasks per channel and arch (depth and oldest
 * wait), task durations by outcome, submissions, claims and lost (expired) leases. One instance per hub process,
 * passed to whoever records.
 */
public final class HubMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<TaskState, AtomicLong> queue = new EnumMap<>(TaskState.class);
    private final Counter submitted;
    private final Counter claims;
    private final Counter emptyClaims;
    private final Counter leasesLost;
    private final MultiGauge queueDepth;
    private final MultiGauge queueOldest;

    /**
     * The FREE tasks of one channel and arch.
     *
     * @param oldestWait how long the oldest of them has waited since it was created
     */
    public record Queue(String channel, String arch, long tasks, Duration oldestWait) {
    }

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
        queueDepth = MultiGauge.builder("slipway_queue_depth")
                .description("FREE tasks waiting for a host, per channel and arch").register(registry);
        queueOldest = MultiGauge.builder("slipway_queue_oldest_wait").baseUnit("seconds")
                .description("How long the oldest FREE task of each channel and arch has waited").register(registry);
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

    /** Sets the queue gauges per channel and arch from a fresh count; queues that emptied disappear. */
    public void queues(List<Queue> queues) {
        queueDepth.register(queues.stream().map(q -> MultiGauge.Row.of(tags(q), q.tasks())).toList(), true);
        queueOldest.register(queues.stream().map(q -> MultiGauge.Row.of(tags(q),
                q.oldestWait().toMillis() / 1000.0)).toList(), true);
    }

    private static Tags tags(Queue q) {
        return Tags.of("channel", q.channel(), "arch", q.arch());
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }
}
