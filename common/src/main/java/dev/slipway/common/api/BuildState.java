package dev.slipway.common.api;

/** Koji's build states: BUILDING -> COMPLETE | FAILED | CANCELED; FAILED and CANCELED NVRs may be reused. */
public enum BuildState {
    BUILDING, COMPLETE, DELETED, FAILED, CANCELED;

    /** True when a new build may take over this NVR. */
    public boolean reusable() {
        return this == FAILED || this == CANCELED;
    }
}
