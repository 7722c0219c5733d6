package dev.slipway.hub.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.common.api.BuildContainerRequest;
import dev.slipway.common.api.ParentBuild;
import dev.slipway.common.api.HostProtocol;
import dev.slipway.common.api.TaskState;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.hub.config.HubConfig;
import dev.slipway.hub.metrics.HubMetrics;
import dev.slipway.hub.persistence.Database;
import dev.slipway.hub.persistence.HostEntity;
import dev.slipway.hub.persistence.TagEntity;
import dev.slipway.hub.persistence.TargetEntity;
import dev.slipway.hub.persistence.TaskEntity;
import dev.slipway.hub.persistence.UserEntity;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host side of the task life cycle: claim (FREE -> ASSIGNED), open (ASSIGNED -> OPEN), heartbeats that renew
 * per-task leases, and the reaper that returns tasks with expired leases to FREE. Every transition is a
 * conditional UPDATE on the task's state, so two hosts can never hold one task; losing a race is an empty answer.
 */
public final class Scheduler {
    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
    static final List<TaskState> HELD = List.of(TaskState.ASSIGNED, TaskState.OPEN);
    private static final int CANDIDATES = 16;
    private final Database db;
    private final Clock clock;
    private final Duration lease;
    private final TaskEvents events;
    private final HubMetrics metrics;
    private final TaskView view;

    public Scheduler(Database db, HubConfig.Tasks config, Clock clock, TaskEvents events, HubMetrics metrics,
            TaskView view) {
        this.db = db;
        this.clock = clock;
        this.lease = Duration.ofSeconds(config.leaseSeconds());
        this.events = events;
        this.metrics = metrics;
        this.view = view;
    }

    public int leaseSeconds() {
        return (int) lease.toSeconds();
    }

    /**
     * Assigns this host the best runnable task it can take (channel x arch, capacity; priority then age), or
     * nothing. Never waits: long-polling is the caller's business.
     */
    public Optional<HostProtocol.Assignment> claim(long hostId) {
        Optional<HostProtocol.Assignment> got = db.tx(s -> {
            // Locking the host row serialises one host's concurrent claims, so its capacity cannot be overrun.
            HostEntity h = s.find(HostEntity.class, hostId, LockModeType.PESSIMISTIC_WRITE);
            if (h == null || !h.enabled || !h.ready || h.channelIds.isEmpty()) {
                return Optional.empty();
            }
            Double load = s.createSelectionQuery("select coalesce(sum(t.weight), 0) from TaskEntity t"
                    + " where t.hostId = :h and t.state in (:held)", Double.class)
                    .setParameter("h", hostId).setParameterList("held", HELD).getSingleResult();
            List<String> arches = new ArrayList<>(Arrays.asList(h.arches.split(" ")));
            arches.add("noarch");
            List<TaskEntity> candidates = s.createSelectionQuery("from TaskEntity t where t.state = :free"
                    + " and t.channelId in (:ch) and t.arch in (:arches) and t.weight <= :room"
                    + " order by t.priority, t.created, t.id", TaskEntity.class)
                    .setParameter("free", TaskState.FREE).setParameterList("ch", h.channelIds)
                    .setParameterList("arches", arches).setParameter("room", h.capacity - load)
                    .setMaxResults(CANDIDATES).getResultList();
            Instant now = clock.instant();
            for (TaskEntity t : candidates) {
                int n = s.createMutationQuery("update TaskEntity set state = :assigned, hostId = :h,"
                        + " leaseExpires = :lease, assigned = :now, leaseEpoch = leaseEpoch + 1"
                        + " where id = :id and state = :free")
                        .setParameter("assigned", TaskState.ASSIGNED).setParameter("h", hostId)
                        .setParameter("lease", now.plus(lease)).setParameter("id", t.id)
                        .setParameter("free", TaskState.FREE).setParameter("now", now).executeUpdate();
                if (n == 1) {
                    // Only a claim changes the epoch, and only from FREE, which this update just left.
                    // DEBUG: claims are the hot path (thousands a second in a mass rebuild); the close is logged.
                    if (LOG.isDebugEnabled()) {
                        try (TaskMdc m = TaskMdc.of(t.id, h.name, null)) {
                            LOG.debug("Task {} assigned to host {}", t.id, h.name);
                        }
                    }
                    return Optional.of(assignment(s, t, now.plus(lease), t.leaseEpoch + 1));
                }
            }
            return Optional.empty();
        });
        metrics.claimed(got.isPresent());
        return got;
    }

    /** ASSIGNED -> OPEN for the host it was assigned to (idempotent when already OPEN for it). */
    public HostProtocol.Assignment open(long hostId, long taskId) {
        return open(hostId, taskId, null);
    }

    /** {@link #open(long, long)} for the holder of lease {@code epoch} (null: any epoch of this host). */
    public HostProtocol.Assignment open(long hostId, long taskId, Long epoch) {
        return db.tx(s -> {
            // A stale epoch must not open the task its own host claimed again since.
            LeaseFence.check(TaskService.load(s, taskId), epoch);
            Instant now = clock.instant();
            int n = s.createMutationQuery("update TaskEntity set state = :open, started = :now, leaseExpires = :lease"
                    + " where id = :id and hostId = :h and state = :assigned")
                    .setParameter("open", TaskState.OPEN).setParameter("now", now)
                    .setParameter("lease", now.plus(lease)).setParameter("id", taskId).setParameter("h", hostId)
                    .setParameter("assigned", TaskState.ASSIGNED).executeUpdate();
            TaskEntity t = TaskService.load(s, taskId);
            s.refresh(t);
            if (n == 0 && !(t.state == TaskState.OPEN && Long.valueOf(hostId).equals(t.hostId))) {
                throw notHeld(t, hostId);
            }
            return assignment(s, t, t.leaseExpires, t.leaseEpoch);
        });
    }

    /**
     * Renews the leases of the listed tasks this host holds and says, per task, whether to continue, cancel or
     * stop (lost). Also records the host's readiness.
     */
    public List<HostProtocol.Lease> heartbeat(long hostId, List<Long> taskIds, Boolean ready) {
        return db.tx(s -> {
            Instant now = clock.instant();
            HostEntity h = s.get(HostEntity.class, hostId);
            h.lastSeen = now;
            if (ready != null) {
                h.ready = ready;
            }
            if (taskIds.isEmpty()) {
                return List.of();
            }
            s.createMutationQuery("update TaskEntity set leaseExpires = :lease where hostId = :h and id in (:ids)"
                    + " and state in (:held)").setParameter("lease", now.plus(lease)).setParameter("h", hostId)
                    .setParameterList("ids", taskIds).setParameterList("held", HELD).executeUpdate();
            return leases(s, hostId, taskIds);
        });
    }

    /**
     * Confirms, just before a publishing step (moving floating tags), that this host still holds the task under
     * lease {@code epoch} and that the lease has not run out (the reaper may not have freed it yet). Renews nothing.
     */
    public HostProtocol.Lease fence(long hostId, long taskId, long epoch) {
        return db.tx(s -> {
            TaskEntity t = TaskService.load(s, taskId);
            LeaseFence.check(t, epoch);
            if (!HELD.contains(t.state) || !Long.valueOf(hostId).equals(t.hostId)) {
                throw notHeld(t, hostId);
            }
            LeaseFence.checkUnexpired(t, clock.instant());
            return new HostProtocol.Lease(taskId, t.state, HostProtocol.Action.CONTINUE, t.leaseExpires);
        });
    }

    /** The current answer for each listed task without renewing anything (used by waiting heartbeats). */
    public List<HostProtocol.Lease> peek(long hostId, List<Long> taskIds) {
        return taskIds.isEmpty() ? List.of() : db.tx(s -> leases(s, hostId, taskIds));
    }

    /** The tasks this host holds (ASSIGNED or OPEN), e.g. to free the ones a restarted worker no longer runs. */
    public List<HostProtocol.HeldTask> held(long hostId) {
        return db.tx(s -> s.createSelectionQuery("from TaskEntity t where t.hostId = :h and t.state in (:held)"
                + " order by t.id", TaskEntity.class).setParameter("h", hostId).setParameterList("held", HELD)
                .getResultList().stream().map(t -> new HostProtocol.HeldTask(t.id, t.state, t.leaseExpires))
                .toList());
    }

    /** The host gives a task back (graceful shutdown): ASSIGNED or OPEN -> FREE. */
    public void release(long hostId, long taskId) {
        release(hostId, taskId, null);
    }

    /** {@link #release(long, long)} for the holder of lease {@code epoch} (null: any epoch of this host). */
    public void release(long hostId, long taskId, Long epoch) {
        db.tx(s -> {
            LeaseFence.check(TaskService.load(s, taskId), epoch);
            int n = s.createMutationQuery("update TaskEntity set state = :free, hostId = null, leaseExpires = null,"
                    + " started = null, assigned = null where id = :id and hostId = :h and state in (:held)")
                    .setParameter("free", TaskState.FREE).setParameter("id", taskId).setParameter("h", hostId)
                    .setParameterList("held", HELD).executeUpdate();
            if (n == 0) {
                throw notHeld(TaskService.load(s, taskId), hostId);
            }
            return n;
        });
        events.taskRunnable();
    }

    /** Returns tasks whose lease expired to FREE and marks their hosts not ready. Returns how many were freed. */
    public int reapExpiredLeases() {
        List<Long> hosts = db.tx(s -> {
            Instant now = clock.instant();
            List<TaskEntity> expired = s.createSelectionQuery("from TaskEntity t where t.state in (:held)"
                    + " and t.leaseExpires < :now order by t.id", TaskEntity.class).setParameterList("held", HELD)
                    .setParameter("now", now).setMaxResults(200).getResultList();
            List<Long> lostHosts = new ArrayList<>();
            for (TaskEntity t : expired) {
                // Which host lost it, and when, is what the console's "why is it waiting?" says afterwards.
                HostEntity lost = s.get(HostEntity.class, t.hostId);
                int n = s.createMutationQuery("update TaskEntity set state = :free, hostId = null, leaseExpires = null,"
                        + " started = null, assigned = null, leaseLost = :now, leaseLostHost = :name"
                        + " where id = :id and state = :old and hostId = :h and leaseExpires < :now")
                        .setParameter("free", TaskState.FREE).setParameter("id", t.id).setParameter("old", t.state)
                        .setParameter("h", t.hostId).setParameter("now", now)
                        .setParameter("name", lost == null ? null : lost.name).executeUpdate();
                if (n == 1) {
                    lostHosts.add(t.hostId);
                    metrics.leaseLost();
                    HostEntity h = s.get(HostEntity.class, t.hostId);
                    String host = h == null ? "#" + t.hostId : h.name;
                    try (TaskMdc m = TaskMdc.of(t.id, host, null)) {
                        LOG.warn("Task {}: the lease of host {} expired; the task is FREE again", t.id, host);
                    }
                }
            }
            if (!lostHosts.isEmpty()) {
                s.createMutationQuery("update HostEntity set ready = false where id in (:ids)")
                        .setParameterList("ids", lostHosts).executeUpdate();
            }
            return lostHosts;
        });
        hosts.stream().distinct().forEach(events::hostTasksChanged);
        if (!hosts.isEmpty()) {
            events.taskRunnable();
        }
        return hosts.size();
    }

    private List<HostProtocol.Lease> leases(Session s, long hostId, List<Long> taskIds) {
        List<TaskEntity> rows = s.createSelectionQuery("from TaskEntity t where t.id in (:ids)", TaskEntity.class)
                .setParameterList("ids", taskIds).getResultList();
        List<HostProtocol.Lease> out = new ArrayList<>();
        for (Long id : taskIds) {
            TaskEntity t = rows.stream().filter(r -> r.id.equals(id)).findFirst().orElse(null);
            if (t == null) {
                out.add(new HostProtocol.Lease(id, null, HostProtocol.Action.LOST, null));
            } else if (t.state == TaskState.CANCELED) {
                out.add(new HostProtocol.Lease(id, t.state, HostProtocol.Action.CANCEL, null));
            } else if (HELD.contains(t.state) && Long.valueOf(hostId).equals(t.hostId)) {
                out.add(new HostProtocol.Lease(id, t.state, HostProtocol.Action.CONTINUE, t.leaseExpires));
            } else {
                out.add(new HostProtocol.Lease(id, t.state, HostProtocol.Action.LOST, null));
            }
        }
        return out;
    }

    private HostProtocol.Assignment assignment(Session s, TaskEntity t, Instant leaseExpires, long epoch) {
        TargetEntity target = t.targetId == null ? null : s.get(TargetEntity.class, t.targetId);
        String buildTag = target == null ? null : s.get(TagEntity.class, target.buildTagId).name;
        String destTag = target == null ? null : s.get(TagEntity.class, target.destTagId).name;
        ObjectNode request = (ObjectNode) view.read(t.request);
        JsonNode parent = request.remove(ParentBuilds.KEY);
        return new HostProtocol.Assignment(t.id, t.method,
                view.convert(request, BuildContainerRequest.class), s.get(UserEntity.class, t.ownerId).name,
                t.arch, t.weight, t.priority, target == null ? null : target.name, buildTag, destTag, t.component,
                leaseExpires, parent == null ? null : view.convert(parent, ParentBuild.class), epoch);
    }

    static SlipwayException notHeld(TaskEntity t, long hostId) {
        if (t.state == TaskState.CANCELED) {
            return new SlipwayException(ErrorCode.TASK_STATE_CONFLICT, "Task " + t.id + " was canceled");
        }
        return new SlipwayException(ErrorCode.TASK_NOT_HELD, "Task " + t.id + " is " + t.state
                + (t.hostId == null ? "" : " on another host") + " and not held by this host");
    }
}
