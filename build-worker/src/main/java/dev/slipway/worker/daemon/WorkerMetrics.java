package dev.slipway.worker.daemon;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.worker.pipeline.BuildResult;
import dev.slipway.worker.pipeline.PushedImage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The worker daemon's Prometheus metrics: builds by final state, builds running, each pipeline step's duration by
 * outcome, bytes pushed per registry and Docker Engine errors by code. One instance per daemon.
 */
public final class WorkerMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger hubReachable = new AtomicInteger();

    public WorkerMetrics() {
        Gauge.builder("slipway_worker_builds_running", running, AtomicInteger::get)
                .description("Builds this worker is running now").register(registry);
        Gauge.builder("slipway_worker_hub_reachable", hubReachable, AtomicInteger::get)
                .description("1 when the hub answered the last call, else 0").register(registry);
        for (BuildResult.Outcome state : BuildResult.Outcome.values()) {
            builds(state.name()); // every state shows from the start, at 0
        }
    }

    void started() {
        running.incrementAndGet();
    }

    /** A pipeline run ended with {@code r}. */
    void finished(BuildResult r) {
        running.decrementAndGet();
        builds(r.state().name()).increment();
        for (BuildResult.StepTiming step : r.steps()) {
            Timer.builder("slipway_worker_step_duration").tag("step", step.step()).tag("outcome", step.outcome())
                    .description("Time each pipeline step took").register(registry)
                    .record(Duration.ofMillis(step.millis()));
        }
        for (PushedImage pushed : r.registries()) {
            Counter.builder("slipway_worker_pushed").baseUnit("bytes").tag("registry", pushed.registry())
                    .description("Blob bytes uploaded to registries").register(registry)
                    .increment(pushed.blobBytesUploaded());
        }
        if (r.error() != null) {
            engineError(r.error().code(), r.error().name());
        }
    }

    /** A task that failed (or was stopped) before its pipeline could run, or outside it. */
    void failed(SlipwayException e) {
        running.decrementAndGet();
        builds((e.code() == ErrorCode.CANCELED ? BuildResult.Outcome.CANCELED : BuildResult.Outcome.FAILED).name())
                .increment();
        engineError(e.code().code(), e.code().name());
    }

    void hubReachable(boolean up) {
        hubReachable.set(up ? 1 : 0);
    }

    private void engineError(int code, String name) {
        if (code >= 5000 && code < 6000) { // the engine's block of ErrorCode
            Counter.builder("slipway_worker_engine_errors").tag("code", name)
                    .description("Docker Engine errors by code").register(registry).increment();
        }
    }

    private Counter builds(String state) {
        return Counter.builder("slipway_worker_builds").tag("state", state).description("Builds ended, by state")
                .register(registry);
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }
}
