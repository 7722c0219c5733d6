package dev.slipway.worker.daemon;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.api.HostProtocol;
import dev.slipway.worker.ContainerBuilder;
import dev.slipway.worker.config.WorkerConfig;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker daemon (kojid): registers with the hub, long-polls for tasks while it has room, runs each on its own
 * build thread, and keeps their leases with a heartbeat long-poll that also brings cancels at once. Everything
 * here runs on one event loop; builds and file I/O run on build threads or {@code executeBlocking}.
 */
public final class WorkerDaemon extends VerticleBase implements TaskRun.TaskContext {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerDaemon.class);
    private static final int CLAIM_WAIT_MS = 20_000;
    private static final int HEARTBEAT_WAIT_MS = 10_000;
    private static final long IDLE_HEARTBEAT_MS = 5_000;
    private static final long RETRY_MS = 1_000;
    private final HubClientFactory hubs;
    private final ContainerBuilder builder;
    private final WorkerConfig config;
    private final ObjectMapper json;
    private final String name;
    private final Executor buildThreads;
    private final Map<Long, TaskRun> running = new LinkedHashMap<>();
    private final List<Future<Void>> finishing = new ArrayList<>();
    private HubClient hub;
    private String arch;
    private double load;
    private boolean claiming;
    private boolean stopping;
    private boolean hubDown;
    private boolean registered;
    private final WorkerMetrics metrics = new WorkerMetrics();

    /** Makes the hub client once the verticle has its Vert.x instance. */
    @FunctionalInterface
    public interface HubClientFactory {
        HubClient create(Vertx vertx);
    }

    public WorkerDaemon(HubClientFactory hubs, ContainerBuilder builder, WorkerConfig config, ObjectMapper json,
            String name, Executor buildThreads) {
        this.hubs = hubs;
        this.builder = builder;
        this.config = config;
        this.json = json;
        this.name = name;
        this.buildThreads = buildThreads;
    }

    @Override
    public Future<?> start() {
        hub = hubs.create(vertx);
        Future<?> status = config.daemon().statusListen() == null ? Future.succeededFuture()
                : StatusServer.start(vertx, config.daemon().statusHost(), config.daemon().statusPort(), this::health,
                        metrics).onSuccess(s -> LOG.info("Serving /healthz and /metrics on {}:{}",
                        config.daemon().statusHost(), s.actualPort()));
        return status.compose(s -> vertx.executeBlocking(builder::arch, false)).compose(a -> {
            arch = a;
            return hub.register(new HostProtocol.Update(List.of(a), config.daemon().channels(),
                    config.daemon().capacity(), true, "slipway-worker " + name));
        }).compose(h -> {
            LOG.info("Registered with the hub as {} ({}; channels {}; capacity {})", h.name(), arch, h.channels(),
                    h.capacity());
            registered = true;
            metrics.hubReachable(true);
            return freeLeftovers();
        }).onSuccess(v -> {
            claim();
            heartbeat();
        });
    }

    /** Graceful shutdown: stop claiming, stop every build, give their tasks back, then stop. */
    @Override
    public Future<?> stop() {
        stopping = true;
        running.values().forEach(r -> r.stop(TaskRun.Stop.SHUTDOWN));
        LOG.info("Shutting down: giving {} task(s) back to the hub", running.size());
        return Future.join(new ArrayList<>(finishing)).otherwiseEmpty();
    }

    /** After a restart the hub may still think this host holds tasks it no longer runs: free them. */
    private Future<Void> freeLeftovers() {
        return hub.held().compose(held -> {
            List<Future<Void>> freed = new ArrayList<>();
            for (HostProtocol.HeldTask t : held) {
                if (!running.containsKey(t.taskId())) {
                    LOG.info("Freeing task {} ({}), which this worker no longer runs", t.taskId(), t.state());
                    freed.add(hub.free(t.taskId(), null).recover(e -> {
                        LOG.warn("Could not free task {}: {}", t.taskId(), e.getMessage());
                        return Future.succeededFuture();
                    }));
                }
            }
            return Future.all(freed).mapEmpty();
        });
    }

    private void claim() {
        if (stopping || claiming) {
            return;
        }
        if (load >= config.daemon().capacity()) {
            return; // a finishing task calls claim() again
        }
        claiming = true;
        hub.claim(CLAIM_WAIT_MS).onComplete(ar -> {
            claiming = false;
            if (ar.failed()) {
                hubProblem("claim", ar.cause());
                vertx.setTimer(RETRY_MS, id -> claim());
                return;
            }
            hubBack();
            ar.result().ifPresent(this::started);
            claim();
        });
    }

    private void started(HostProtocol.Assignment task) {
        if (stopping) {
            hub.free(task.taskId(), task.epoch());
            return;
        }
        TaskRun run = new TaskRun(this, task);
        running.put(run.id(), run);
        load += run.weight();
        LOG.info("Claimed task {} (weight {}; load now {})", run.id(), run.weight(), load);
        Future<Void> done = run.run().onComplete(ar -> {
            running.remove(run.id());
            load -= run.weight();
            claim();
        });
        finishing.add(done);
        done.onComplete(ar -> finishing.remove(done));
    }

    /** Renews the leases; a waiting heartbeat answers at once when a task is canceled or lost. */
    private void heartbeat() {
        if (stopping) {
            return;
        }
        List<Long> ids = new ArrayList<>(running.keySet());
        hub.heartbeat(new HostProtocol.Heartbeat(ids, true, ids.isEmpty() ? 0 : HEARTBEAT_WAIT_MS)).onComplete(ar -> {
            if (ar.failed()) {
                hubProblem("heartbeat", ar.cause());
                vertx.setTimer(RETRY_MS, id -> heartbeat());
                return;
            }
            hubBack();
            for (HostProtocol.Lease lease : ar.result().tasks()) {
                TaskRun run = running.get(lease.taskId());
                if (run != null && lease.action() == HostProtocol.Action.CANCEL) {
                    run.stop(TaskRun.Stop.CANCELED_BY_HUB);
                } else if (run != null && lease.action() == HostProtocol.Action.LOST) {
                    run.stop(TaskRun.Stop.LOST);
                }
            }
            if (ids.isEmpty()) {
                vertx.setTimer(IDLE_HEARTBEAT_MS, id -> heartbeat());
            } else {
                heartbeat();
            }
        });
    }

    private void hubProblem(String call, Throwable e) {
        metrics.hubReachable(false);
        if (!hubDown) {
            hubDown = true;
            LOG.warn("The hub did not answer {}: {}; retrying every {} ms", call, e.getMessage(), RETRY_MS);
        }
    }

    private void hubBack() {
        metrics.hubReachable(true);
        if (hubDown) {
            hubDown = false;
            LOG.info("The hub answers again");
        }
    }

    /** What the status port's /healthz reports (read on the event loop, like every field here). */
    private StatusServer.Health health() {
        return new StatusServer.Health(registered, !hubDown, running.size(), name);
    }

    @Override
    public WorkerMetrics metrics() {
        return metrics;
    }

    @Override
    public Context context() {
        return context;
    }

    @Override
    public HubClient hub() {
        return hub;
    }

    @Override
    public ContainerBuilder builder() {
        return builder;
    }

    @Override
    public WorkerConfig workerConfig() {
        return config;
    }

    @Override
    public ObjectMapper json() {
        return json;
    }

    @Override
    public Executor buildThreads() {
        return buildThreads;
    }

    @Override
    public String hostName() {
        return name;
    }

    @Override
    public String arch() {
        return arch;
    }
}
