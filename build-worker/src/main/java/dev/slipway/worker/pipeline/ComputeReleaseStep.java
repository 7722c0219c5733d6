package dev.slipway.worker.pipeline;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.NextRelease;
import dev.slipway.worker.nvr.NvrReservations;
import dev.slipway.worker.nvr.ReleaseSource;
import java.time.Clock;
import java.util.random.RandomGenerator;

/**
 * The compute_release step, after check_dockerfile (OSBS's bump_release): the release is the one the user asked for,
 * else the Dockerfile's release label, else the next free one for this name and version. A release build then reserves
 * its NVR (Koji's CGInitBuild), bumping a computed release while someone else holds it, and gives it back in the exit
 * phase unless the build completes. Then the tag plan is fixed and every tag checked.
 */
final class ComputeReleaseStep implements BuildStep {
    private static final int MAX_BUMPS = 20;
    private final ReleaseSource releases;
    private final NvrReservations reservations;
    private final Clock clock;
    private final RandomGenerator random;

    ComputeReleaseStep(ReleaseSource releases, NvrReservations reservations, Clock clock, RandomGenerator random) {
        this.releases = releases;
        this.reservations = reservations;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public String name() {
        return "compute_release";
    }

    @Override
    public void run(PipelineRun state) {
        String release;
        if (state.request.release() != null) {
            release = state.request.release();
            state.log.line("Release " + release + " as requested");
        } else if (state.releaseLabel != null) {
            release = state.releaseLabel;
            state.log.line("Release " + release + " from the Dockerfile");
        } else {
            release = releases.nextRelease(new ReleaseSource.Query(state.component, state.imageName, state.version,
                    state.request.registries()));
            state.releaseComputed = true;
            state.log.line("Release " + release + " computed (next free release of " + state.component + "-"
                    + state.version + ")");
        }
        state.identity = state.identity.withRelease(release);
        state.nvr = state.identity.nvr();
        if (!state.request.scratch()) {
            reserve(state);
        }
        state.tags = TagPlan.of(state.request.target(), state.version, state.nvr.release(), state.request.scratch(),
                state.request.isolated(), clock.instant(), random);
        state.identity.checkTags(state.tags.all());
    }

    /** Reserves the NVR; a computed release moves on to the next one while another build holds it. */
    private void reserve(PipelineRun state) {
        for (int attempt = 0; ; attempt++) {
            try {
                NvrReservations.Reservation r = reservations.reserve(state.nvr);
                if (r.buildId() >= 0) {
                    state.log.line("Reserved " + r.nvr() + " (build " + r.buildId() + ")");
                    state.onExit("refund " + r.nvr() + " unless complete", () -> {
                        if (state.outcome != BuildResult.Outcome.COMPLETE) {
                            reservations.refund(r, state.outcome == BuildResult.Outcome.CANCELED);
                        }
                    });
                }
                return;
            } catch (SlipwayException e) {
                boolean taken = e.code() == ErrorCode.NVR_RESERVED || e.code() == ErrorCode.NVR_EXISTS;
                if (!taken || !state.releaseComputed || attempt >= MAX_BUMPS) {
                    throw e;
                }
                String next = NextRelease.after(state.nvr.release());
                state.log.line("Release " + state.nvr.release() + " is taken (" + e.getMessage() + "); trying "
                        + next);
                state.identity = state.identity.withRelease(next);
                state.nvr = state.identity.nvr();
            }
        }
    }
}
