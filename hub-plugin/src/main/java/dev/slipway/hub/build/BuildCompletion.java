package dev.slipway.hub.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.common.api.ApiError;
import dev.slipway.common.api.BuildState;
import dev.slipway.common.api.HostProtocol;
import dev.slipway.common.api.TaskState;
import dev.slipway.common.api.WorkerResult;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Nvr;
import dev.slipway.hub.metrics.HubMetrics;
import dev.slipway.hub.persistence.BuildEntity;
import dev.slipway.hub.persistence.Database;
import dev.slipway.hub.persistence.HostEntity;
import dev.slipway.hub.persistence.TaskEntity;
import dev.slipway.hub.task.TaskEvents;
import dev.slipway.hub.task.TaskMdc;
import dev.slipway.hub.task.TaskOutcome;
import dev.slipway.hub.task.TaskView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends tasks for their host: close imports the validated content-generator metadata (Koji's CGImport) and marks
 * the build COMPLETE in the same transaction as the task becomes CLOSED; fail records the fault and gives the
 * reserved NVR back.
 */
public final class BuildCompletion {
    private static final Logger LOG = LoggerFactory.getLogger(BuildCompletion.class);
    private final Database db;
    private final Clock clock;
    private final TaskEvents events;
    private final HubMetrics metrics;
    private final TaskView view;
    private final BuildReservations reservations;
    private final CgMetadata metadata = new CgMetadata();
    private final BuildImporter importer;

    public BuildCompletion(Database db, Clock clock, TaskEvents events, HubMetrics metrics, TaskView view,
            BuildReservations reservations) {
        this.db = db;
        this.clock = clock;
        this.events = events;
        this.metrics = metrics;
        this.view = view;
        this.reservations = reservations;
        this.importer = new BuildImporter(view);
    }

    /** OPEN -> CLOSED with the result; non-scratch tasks must bring valid metadata for their reserved NVR. */
    public Long close(long hostId, long taskId, HostProtocol.Close close) {
        return close(hostId, taskId, null, close);
    }

    /**
     * {@link #close(long, long, HostProtocol.Close)} for the holder of lease {@code epoch}: a worker whose lease was
     * taken over hears LEASE_EPOCH_STALE and its build is not recorded.
     */
    public Long close(long hostId, long taskId, Long epoch, HostProtocol.Close close) {
        CgImport cg = close.metadata() == null ? null : metadata.parse(close.metadata());
        Instant now = clock.instant();
        Started done = db.tx(s -> {
            TaskEntity t = TaskOutcome.requireOpen(s, hostId, taskId, epoch);
            WorkerResult result = close.result();
            Long buildId = null;
            if (!reservations.scratch(t)) {
                if (cg == null) {
                    throw new SlipwayException(ErrorCode.CG_METADATA_INVALID,
                            "Task " + taskId + " is not a scratch build: closing it needs its build's metadata");
                }
                JsonNode params = view.read(t.request);
                if (!cg.source().equals(params.path("src").asText())) {
                    throw new SlipwayException(ErrorCode.CG_METADATA_INVALID, "metadata.build.source '" + cg.source()
                            + "' is not the task's src '" + params.path("src").asText() + "'");
                }
                BuildEntity b = reservations.reserveIn(s, t, new Nvr(cg.name(), cg.version(), cg.release()));
                importer.write(s, b, cg, close.mirror(), params, now);
                buildId = b.id;
                if (result != null) {
                    result = result.withKojiBuilds(List.of(String.valueOf(b.id)));
                }
            }
            TaskOutcome.finish(s, hostId, t, TaskState.CLOSED, stored(result, buildId), null, now);
            return new Started(t.started, buildId, host(s, hostId));
        });
        ended(taskId, TaskState.CLOSED, done.started, now);
        String nvr = cg == null ? null : cg.name() + "-" + cg.version() + "-" + cg.release();
        try (TaskMdc m = TaskMdc.of(taskId, done.host, nvr)) {
            LOG.info("Task {} closed by host {}{}", taskId, done.host, nvr == null ? " (scratch)" : ": build " + nvr
                    + " imported as build " + done.buildId);
        }
        return done.buildId;
    }

    /** The task result as stored: the worker's, or (when it sent none) just the imported build ids. */
    private String stored(WorkerResult result, Long buildId) {
        if (result != null) {
            return view.write(result);
        }
        ObjectNode empty = view.read("{}").deepCopy();
        if (buildId != null) {
            empty.putArray("koji_builds").add(String.valueOf(buildId));
        }
        return view.write(empty);
    }

    /** OPEN -> FAILED with the worker's fault; a BUILDING reservation becomes FAILED (its NVR reusable). */
    public void fail(long hostId, long taskId, HostProtocol.Fail fail) {
        fail(hostId, taskId, null, fail);
    }

    /** {@link #fail(long, long, HostProtocol.Fail)} for the holder of lease {@code epoch}. */
    public void fail(long hostId, long taskId, Long epoch, HostProtocol.Fail fail) {
        if (fail.fault() == null || fail.fault().message() == null) {
            throw new SlipwayException(ErrorCode.BAD_PARAMETER, "A failure needs a fault with a message");
        }
        Instant now = clock.instant();
        ApiError fault = fail.fault();
        Started done = db.tx(s -> {
            TaskEntity t = TaskOutcome.requireOpen(s, hostId, taskId, epoch);
            TaskOutcome.finish(s, hostId, t, TaskState.FAILED,
                    fail.result() == null ? null : view.write(fail.result()), view.write(fault), now);
            s.createMutationQuery("update BuildEntity set state = :f, completed = :now where taskId = :t"
                    + " and state = :b").setParameter("f", BuildState.FAILED).setParameter("now", now)
                    .setParameter("t", taskId).setParameter("b", BuildState.BUILDING).executeUpdate();
            return new Started(t.started, null, host(s, hostId));
        });
        ended(taskId, TaskState.FAILED, done.started, now);
        try (TaskMdc m = TaskMdc.of(taskId, done.host, nvr(fail))) {
            LOG.info("Task {} failed on host {}: {} ({})", taskId, done.host, fault.name(), fault.message());
        }
    }

    private void ended(long taskId, TaskState state, Instant started, Instant now) {
        metrics.finished(state, started == null ? null : Duration.between(started, now));
        events.logChanged(taskId);
    }

    private static String host(Session s, long hostId) {
        HostEntity h = s.get(HostEntity.class, hostId);
        return h == null ? "#" + hostId : h.name;
    }

    private static String nvr(HostProtocol.Fail fail) {
        return fail.result() == null ? null : fail.result().nvr();
    }

    private record Started(Instant started, Long buildId, String host) {
    }
}
