package dev.slipway.common.api;

/** The answer to a call that creates a task: its id. */
public record TaskCreated(long taskId) {
}
