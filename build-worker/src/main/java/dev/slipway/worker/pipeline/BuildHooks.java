package dev.slipway.worker.pipeline;

import dev.slipway.worker.nvr.NvrReservations;
import dev.slipway.worker.nvr.ReleaseSource;

/**
 * What one build asks the outside world about its identity, when that differs per build (a daemon runs several
 * hub tasks at once): where its next release comes from and where its NVR is reserved.
 *
 * @param releases the release source for this build, or null for the builder's own
 */
public record BuildHooks(ReleaseSource releases, NvrReservations reservations) {
    /** The builder's own release source and no reservation (standalone builds). */
    public static final BuildHooks NONE = new BuildHooks(null, NvrReservations.NONE);

    public BuildHooks {
        reservations = reservations == null ? NvrReservations.NONE : reservations;
    }
}
