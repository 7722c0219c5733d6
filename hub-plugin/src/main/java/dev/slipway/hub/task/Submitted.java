package dev.slipway.hub.task;

/**
 * What a {@code buildContainer} call did: the task, and whether this call created it (false when an earlier
 * request with the same idempotency key did, so the API answers 200 instead of 201).
 */
public record Submitted(long taskId, boolean created) {
}
