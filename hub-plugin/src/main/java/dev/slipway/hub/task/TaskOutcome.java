package dev.slipway.hub.task;

import dev.slipway.common.api.TaskState;
import dev.slipway.hub.persistence.TaskEntity;
import java.time.Instant;
import org.hibernate.Session;

/**
 * Ends an OPEN task for the host holding it (CLOSED with a result or FAILED with a fault), as one conditional
 * UPDATE inside the caller's transaction so the build import and the state change commit together.
 */
public final class TaskOutcome {
    private TaskOutcome() {
    }

    /** The held task's row, or TASK_NOT_HELD / TASK_STATE_CONFLICT when this host may not end it. */
    public static TaskEntity requireOpen(Session s, long hostId, long taskId) {
        return requireOpen(s, hostId, taskId, null);
    }

    /**
     * {@link #requireOpen(Session, long, long)} for the holder of lease {@code epoch}: LEASE_EPOCH_STALE when the
     * task was claimed again since (null: any epoch of this host, for callers that predate fencing).
     */
    public static TaskEntity requireOpen(Session s, long hostId, long taskId, Long epoch) {
        TaskEntity t = TaskService.load(s, taskId);
        LeaseFence.check(t, epoch);
        if (t.state != TaskState.OPEN || !Long.valueOf(hostId).equals(t.hostId)) {
            throw Scheduler.notHeld(t, hostId);
        }
        return t;
    }

    /** OPEN -> {@code state}; throws if another transaction changed the task first. */
    public static void finish(Session s, long hostId, TaskEntity t, TaskState state, String result, String fault,
            Instant now) {
        int n = s.createMutationQuery("update TaskEntity set state = :s, result = :r, fault = :f, completed = :now,"
                + " leaseExpires = null where id = :id and hostId = :h and state = :open")
                .setParameter("s", state).setParameter("r", result).setParameter("f", fault)
                .setParameter("now", now).setParameter("id", t.id).setParameter("h", hostId)
                .setParameter("open", TaskState.OPEN).executeUpdate();
        if (n == 0) {
            s.refresh(t);
            throw Scheduler.notHeld(t, hostId);
        }
    }
}
