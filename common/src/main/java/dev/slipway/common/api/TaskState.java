package dev.slipway.common.api;

/**
 * Koji's task states. FREE -> ASSIGNED -> OPEN -> CLOSED | FAILED; any unfinished state -> CANCELED.
 */
public enum TaskState {
    FREE, ASSIGNED, OPEN, CLOSED, FAILED, CANCELED;

    /** True once the task can never run again (CLOSED, FAILED, CANCELED). */
    public boolean finished() {
        return this == CLOSED || this == FAILED || this == CANCELED;
    }
}
