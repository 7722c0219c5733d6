package dev.slipway.worker.daemon;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.api.ApiError;
import dev.slipway.common.api.HostProtocol;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.worker.ContainerBuilder;
import dev.slipway.worker.config.WorkerConfig;
import dev.slipway.worker.pipeline.BuildHooks;
import dev.slipway.worker.pipeline.BuildResult;
import dev.slipway.worker.pipeline.WorkerResults;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One claimed task from open to report: opens it, runs the pipeline on a build thread while its log ships to the
 * hub, then closes it with the result and the build's content-generator metadata, fails it with the fault, or
 * (on shutdown) gives it back. A cancel or a lost lease interrupts the build thread; the pipeline's exit phase then
 * stops the engine build and cleans up, and nothing more is reported for the task.
 */
final class TaskRun {
    private static final Logger LOG = LoggerFactory.getLogger(TaskRun.class);

    /** Why a task stops before its build ends on its own. */
    enum Stop { CANCELED_BY_HUB, LOST, SHUTDOWN }

    private final TaskContext ctx;
    private final HostProtocol.Assignment task;
    private final LogShipper log;
    private volatile Thread thread;
    private volatile Stop stop;

    TaskRun(TaskContext ctx, HostProtocol.Assignment task) {
        this.ctx = ctx;
        this.task = task;
        this.log = new LogShipper(ctx.context(), ctx.hub(), task.taskId(), task.epoch());
    }

    long id() {
        return task.taskId();
    }

    /** The lease epoch of this run's claim: the fencing token every call about the task carries. */
    long epoch() {
        return task.epoch();
    }

    double weight() {
        return task.weight();
    }

    /** Runs the task to its end; never fails (problems are reported to the hub or logged). */
    Future<Void> run() {
        return ctx.hub().open(id(), epoch()).compose(opened -> {
            try (TaskMdc m = mdc(null)) {
                LOG.info("Task {} opened: {} {}", id(), opened.method(), opened.parameters().src());
            }
            log.start();
            return build(opened).compose(this::report);
        }).recover(e -> {
            try (TaskMdc m = mdc(null)) {
                LOG.warn("Task {} ended without a report: {}", id(), e.getMessage());
            }
            return Future.succeededFuture();
        });
    }

    /** This task (and its NVR, once known) in the logging context of the lines written until it is closed. */
    private TaskMdc mdc(String nvr) {
        return TaskMdc.of(id(), ctx.hostName(), nvr);
    }

    /** Stops the build (called on the event loop); the first reason wins. */
    void stop(Stop reason) {
        if (stop == null) {
            stop = reason;
            try (TaskMdc m = mdc(null)) {
                LOG.info("Task {}: stopping the build ({})", id(), reason);
            }
        }
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    private Future<Outcome> build(HostProtocol.Assignment opened) {
        TaskRequest request;
        try {
            request = TaskRequest.of(opened, ctx.workerConfig());
        } catch (SlipwayException e) {
            return Future.succeededFuture(new Outcome(null, e));
        }
        Promise<Outcome> done = Promise.promise();
        Context loop = ctx.context();
        ctx.metrics().started();
        ctx.buildThreads().execute(() -> {
            thread = Thread.currentThread();
            Outcome outcome;
            try (TaskMdc m = mdc(null)) { // the pipeline's own log lines carry the task too
                if (stop != null) {
                    throw new SlipwayException(ErrorCode.CANCELED, "Task " + id() + " stopped before its build began");
                }
                Path logFile = Files.createDirectories(Path.of(ctx.workerConfig().workDirectory(), "tasks"))
                        .resolve("task-" + id() + ".log");
                HubReleaseSource releases = new HubReleaseSource(ctx.hub(), id(), epoch());
                log.line("Task " + id() + " runs on " + ctx.hostName() + " (" + ctx.arch() + ")");
                outcome = new Outcome(ctx.builder().build(request.build(), logFile, log::line,
                        new BuildHooks(releases, releases, new HubPublishFence(ctx.hub(), id(), epoch()))), null);
            } catch (SlipwayException e) {
                outcome = new Outcome(null, e);
            } catch (Exception e) {
                outcome = new Outcome(null, new SlipwayException(ErrorCode.INTERNAL,
                        "Task " + id() + " failed unexpectedly on " + ctx.hostName() + ": " + e, e));
            } finally {
                thread = null;
                Thread.interrupted();
            }
            Outcome result = outcome;
            loop.runOnContext(v -> {
                if (result.result() != null) {
                    ctx.metrics().finished(result.result());
                } else {
                    ctx.metrics().failed(result.error());
                }
                done.complete(result);
            });
        });
        return done.future();
    }

    private Future<Void> report(Outcome outcome) {
        return log.drain().compose(v -> {
            BuildResult r = outcome.result();
            try (TaskMdc m = mdc(r == null ? null : r.nvr())) {
                if (stop == Stop.CANCELED_BY_HUB || stop == Stop.LOST) {
                    LOG.info("Task {} stopped ({}); nothing to report", id(), stop);
                    return Future.succeededFuture();
                }
                if (stop == Stop.SHUTDOWN) {
                    LOG.info("Task {}: giving it back to the hub (shutdown)", id());
                    return ctx.hub().free(id(), epoch());
                }
            }
            if (r == null) {
                return fail(ApiError.of(outcome.error()), null);
            }
            if (r.state() != BuildResult.Outcome.COMPLETE) {
                return fail(r.error().fault(), r);
            }
            HostProtocol.Close close = new HostProtocol.Close(WorkerResults.of(r, ctx.hostName()),
                    r.scratch() ? null : r.metadata(), r.scratch() ? null : r.mirror());
            return ctx.hub().close(id(), epoch(), close)
                    .onSuccess(x -> {
                        try (TaskMdc m = mdc(r.nvr())) {
                            LOG.info("Task {} closed: {} {}", id(), r.nvr(), r.image().manifestDigest());
                        }
                    })
                    .recover(e -> e instanceof SlipwayException s && s.code() != ErrorCode.HUB_UNREACHABLE
                            && s.code() != ErrorCode.TASK_NOT_HELD && s.code() != ErrorCode.TASK_STATE_CONFLICT
                            && s.code() != ErrorCode.LEASE_EPOCH_STALE
                            ? fail(ApiError.of(s), r) : Future.failedFuture(e));
        });
    }

    private Future<Void> fail(ApiError fault, BuildResult r) {
        try (TaskMdc m = mdc(r == null ? null : r.nvr())) {
            LOG.info("Task {} failed: {} ({}): {}", id(), fault.name(), fault.code(), fault.message());
        }
        return ctx.hub().fail(id(), epoch(), new HostProtocol.Fail(fault, r == null ? null : WorkerResults.of(r,
                ctx.hostName())));
    }

    /** How the build ended: a pipeline result, or an error before the pipeline could run. */
    private record Outcome(BuildResult result, SlipwayException error) {
    }

    /** What every task run shares with the daemon. */
    interface TaskContext {
        Context context();

        HubClient hub();

        ContainerBuilder builder();

        WorkerConfig workerConfig();

        ObjectMapper json();

        Executor buildThreads();

        String hostName();

        String arch();

        WorkerMetrics metrics();
    }
}
