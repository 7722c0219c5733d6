package dev.slipway.worker.pipeline;

import dev.slipway.worker.nvr.NvrReservations;
import dev.slipway.worker.nvr.ReleaseSource;

/**
 * What one build asks the outside world about its identity, when that differs per build (a daemon runs several
 * hub tasks at once): where its next release comes from and where its NVR is reserved.
 *
 * @param releases the release source for this build, or null for the builder's own
 * @param fence asked before every tag that names a release (the {@code version-release} and floating tags): a
 *     build whose lease the hub gave to another host must not publish
 */
public record BuildHooks(ReleaseSource releases, NvrReservations reservations, PublishFence fence) {
    /** The builder's own release source and no reservation (standalone builds). */
    public static final BuildHooks NONE = new BuildHooks(null, NvrReservations.NONE, PublishFence.NONE);

    public BuildHooks {
        reservations = reservations == null ? NvrReservations.NONE : reservations;
        fence = fence == null ? PublishFence.NONE : fence;
    }

    /** Hooks without a fence (a build nobody else can take over). */
    public BuildHooks(ReleaseSource releases, NvrReservations reservations) {
        this(releases, reservations, PublishFence.NONE);
    }
}
