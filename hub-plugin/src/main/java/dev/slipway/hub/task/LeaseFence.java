package dev.slipway.hub.task;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.hub.persistence.TaskEntity;
import java.time.Instant;

/**
 * The fencing rule (Kleppmann's fencing tokens, as in Chubby's sequencers): every claim gives the task a new lease
 * epoch, and a call carrying an older epoch comes from a holder that lost its lease and must not publish or end the
 * task. Checked before any other rule so a fenced-off worker always hears the one stable code.
 */
public final class LeaseFence {
    private LeaseFence() {
    }

    /** Refuses {@code epoch} unless it is the task's current lease epoch; null (no epoch sent) is not checked. */
    public static void check(TaskEntity t, Long epoch) {
        if (epoch != null && epoch != t.leaseEpoch) {
            throw stale(t.id, epoch, t.leaseEpoch);
        }
    }

    /** Refuses a lease that has run out even if the reaper has not freed the task yet. */
    static void checkUnexpired(TaskEntity t, Instant now) {
        if (t.leaseExpires == null || !t.leaseExpires.isAfter(now)) {
            throw new SlipwayException(ErrorCode.LEASE_EPOCH_STALE, "Task " + t.id + "'s lease (epoch "
                    + t.leaseEpoch + ") ran out at " + t.leaseExpires + "; it may be running elsewhere now");
        }
    }

    static SlipwayException stale(long taskId, long epoch, long current) {
        return new SlipwayException(ErrorCode.LEASE_EPOCH_STALE, "Task " + taskId + " was claimed again (lease epoch "
                + current + "); this holder's lease epoch " + epoch + " is stale and may not publish or end it");
    }
}
