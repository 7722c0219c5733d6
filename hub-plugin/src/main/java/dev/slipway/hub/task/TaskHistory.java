package dev.slipway.hub.task;

import java.time.Instant;

/**
 * What a task's record keeps beyond {@code TaskInfo} for the console's timeline and its "why is it waiting?"
 * answer.
 *
 * @param assigned when a host last claimed it (null unless ASSIGNED, OPEN or finished after running)
 * @param leaseLost when its last lease expired and the reaper returned it to FREE, or null
 * @param leaseLostHost the host that let that lease expire, or null
 */
public record TaskHistory(Instant assigned, Instant leaseLost, String leaseLostHost) {
}
