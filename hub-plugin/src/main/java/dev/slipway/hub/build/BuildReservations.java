package dev.slipway.hub.build;

import dev.slipway.common.api.BuildState;
import dev.slipway.common.api.HostProtocol;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.NextRelease;
import dev.slipway.common.image.Nvr;
import dev.slipway.hub.persistence.BuildEntity;
import dev.slipway.hub.persistence.Database;
import dev.slipway.hub.persistence.TaskEntity;
import dev.slipway.hub.task.TaskOutcome;
import dev.slipway.hub.task.TaskView;
import java.time.Clock;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.exception.ConstraintViolationException;

/**
 * NVRs for running tasks: Koji's getNextRelease, reservation (CGInitBuild) and refund (CGRefundBuild). A task holds
 * at most one BUILDING reservation; re-reserving after a lost lease returns the same build, so a retried task
 * still ends with one build record.
 */
public final class BuildReservations {
    private static final List<BuildState> TAKEN = List.of(BuildState.BUILDING, BuildState.COMPLETE,
            BuildState.DELETED);
    private final Database db;
    private final Clock clock;
    private final TaskView view;

    public BuildReservations(Database db, Clock clock, TaskView view) {
        this.db = db;
        this.clock = clock;
        this.view = view;
    }

    /** The release a new build of name+version should use; the task's own reservation wins if it has one. */
    public HostProtocol.NextRelease nextRelease(long hostId, long taskId, String name, String version) {
        return nextRelease(hostId, taskId, null, name, version);
    }

    /** {@link #nextRelease(long, long, String, String)} for the holder of lease {@code epoch}. */
    public HostProtocol.NextRelease nextRelease(long hostId, long taskId, Long epoch, String name, String version) {
        new Nvr(name, version, "1");
        return db.tx(s -> {
            TaskOutcome.requireOpen(s, hostId, taskId, epoch);
            List<BuildEntity> own = s.createSelectionQuery("from BuildEntity where taskId = :t and name = :n"
                    + " and version = :v and state = :b", BuildEntity.class).setParameter("t", taskId)
                    .setParameter("n", name).setParameter("v", version).setParameter("b", BuildState.BUILDING)
                    .getResultList();
            if (!own.isEmpty()) {
                return new HostProtocol.NextRelease(name, version, own.get(0).release);
            }
            List<String> latest = s.createSelectionQuery("select b.release from BuildEntity b where b.name = :n"
                    + " and b.version = :v and b.state in (:taken) order by b.id desc", String.class)
                    .setParameter("n", name).setParameter("v", version).setParameterList("taken", TAKEN)
                    .setMaxResults(1).getResultList();
            String release = NextRelease.after(latest.isEmpty() ? null : latest.get(0));
            // Like OSBS's bump loop: skip releases someone already holds.
            for (int i = 0; i < 100 && taken(s, name, version, release); i++) {
                release = NextRelease.after(release);
            }
            return new HostProtocol.NextRelease(name, version, release);
        });
    }

    /** Reserves name-version-release for the task's build (BUILDING), or returns its existing reservation. */
    public HostProtocol.Reservation reserve(long hostId, long taskId, HostProtocol.Reserve r) {
        return reserve(hostId, taskId, null, r);
    }

    /** {@link #reserve(long, long, HostProtocol.Reserve)} for the holder of lease {@code epoch}. */
    public HostProtocol.Reservation reserve(long hostId, long taskId, Long epoch, HostProtocol.Reserve r) {
        Nvr nvr = new Nvr(r.name(), r.version(), r.release());
        try {
            return db.tx(s -> {
                TaskEntity t = TaskOutcome.requireOpen(s, hostId, taskId, epoch);
                BuildEntity b = reserveIn(s, t, nvr);
                s.flush();
                return new HostProtocol.Reservation(b.id, b.nvr());
            });
        } catch (ConstraintViolationException e) {
            throw new SlipwayException(ErrorCode.NVR_RESERVED,
                    "Build " + nvr + " was reserved by another task at the same moment", e);
        }
    }

    /** Gives a reservation back: the build becomes FAILED or CANCELED and its NVR reusable. */
    public void refund(long hostId, long taskId, HostProtocol.Refund r) {
        refund(hostId, taskId, null, r);
    }

    /** {@link #refund(long, long, HostProtocol.Refund)} for the holder of lease {@code epoch}. */
    public void refund(long hostId, long taskId, Long epoch, HostProtocol.Refund r) {
        if (r.state() != BuildState.FAILED && r.state() != BuildState.CANCELED) {
            throw new SlipwayException(ErrorCode.BAD_PARAMETER, "A refund's state must be FAILED or CANCELED");
        }
        db.tx(s -> {
            TaskOutcome.requireOpen(s, hostId, taskId, epoch);
            int n = s.createMutationQuery("update BuildEntity set state = :s, completed = :now where id = :id"
                    + " and taskId = :t and state = :b").setParameter("s", r.state())
                    .setParameter("now", clock.instant()).setParameter("id", r.buildId()).setParameter("t", taskId)
                    .setParameter("b", BuildState.BUILDING).executeUpdate();
            if (n == 0) {
                throw new SlipwayException(ErrorCode.RESERVATION_MISMATCH,
                        "Build " + r.buildId() + " is not a BUILDING reservation of task " + taskId);
            }
            return n;
        });
    }

    /** Reserves inside the caller's transaction (also used by close when the worker did not reserve first). */
    BuildEntity reserveIn(Session s, TaskEntity t, Nvr nvr) {
        if (scratch(t)) {
            throw new SlipwayException(ErrorCode.TASK_STATE_CONFLICT,
                    "Task " + t.id + " is a scratch build; scratch builds get no build record or NVR");
        }
        if (!nvr.name().equals(t.component)) {
            throw new SlipwayException(ErrorCode.RESERVATION_MISMATCH, "Build name '" + nvr.name()
                    + "' (the component label) differs from '" + t.component
                    + "', the repository name the hub checked the package list and permissions for");
        }
        String release = view.read(t.request).path("opts").path("release").asText(null);
        if (release != null && !release.equals(nvr.release())) {
            throw new SlipwayException(ErrorCode.RESERVATION_MISMATCH,
                    "Task " + t.id + " asked for release " + release + ", not " + nvr.release());
        }
        List<BuildEntity> mine = s.createSelectionQuery("from BuildEntity where taskId = :t and state = :b",
                BuildEntity.class).setParameter("t", t.id).setParameter("b", BuildState.BUILDING).getResultList();
        for (BuildEntity b : mine) {
            if (b.nvr().equals(nvr.toString())) {
                return b;
            }
            b.state = BuildState.FAILED;
            b.completed = clock.instant();
        }
        List<BuildEntity> existing = s.createSelectionQuery("from BuildEntity where name = :n and version = :v"
                + " and release = :r", BuildEntity.class).setParameter("n", nvr.name())
                .setParameter("v", nvr.version()).setParameter("r", nvr.release()).getResultList();
        BuildEntity b = existing.isEmpty() ? new BuildEntity() : existing.get(0);
        if (!existing.isEmpty()) {
            if (b.state == BuildState.BUILDING) {
                throw new SlipwayException(ErrorCode.NVR_RESERVED,
                        "Build " + nvr + " is being built by task " + b.taskId);
            }
            if (!b.state.reusable()) {
                throw new SlipwayException(ErrorCode.NVR_EXISTS, "Build " + nvr + " already exists (" + b.state + ")");
            }
            recycle(s, b);
        }
        b.name = nvr.name();
        b.version = nvr.version();
        b.release = nvr.release();
        b.state = BuildState.BUILDING;
        b.ownerId = t.ownerId;
        b.taskId = t.id;
        b.targetId = t.targetId;
        b.source = view.read(t.request).path("src").asText();
        b.started = clock.instant();
        b.completed = null;
        b.mirror = null;
        b.extra = null;
        if (existing.isEmpty()) {
            s.persist(b);
        }
        return b;
    }

    boolean scratch(TaskEntity t) {
        return view.read(t.request).path("opts").path("scratch").asBoolean(false);
    }

    /** Koji recycles a FAILED or CANCELED build's row: its old outputs go. */
    private static void recycle(Session s, BuildEntity b) {
        List<Long> images = s.createSelectionQuery("select i.id from ImageEntity i where i.buildId = :b", Long.class)
                .setParameter("b", b.id).getResultList();
        if (!images.isEmpty()) {
            s.createMutationQuery("delete from ComponentEntity where imageId in (:i)").setParameterList("i", images)
                    .executeUpdate();
            s.createMutationQuery("delete from ImageEntity where buildId = :b").setParameter("b", b.id).executeUpdate();
        }
        s.createMutationQuery("delete from ArchiveEntity where buildId = :b").setParameter("b", b.id).executeUpdate();
        b.tagIds.clear();
        b.parentIds.clear();
    }

    private static boolean taken(Session s, String name, String version, String release) {
        return s.createSelectionQuery("select count(*) from BuildEntity where name = :n and version = :v"
                + " and release = :r and state in (:taken)", Long.class).setParameter("n", name)
                .setParameter("v", version).setParameter("r", release).setParameterList("taken", TAKEN)
                .getSingleResult() > 0;
    }
}
