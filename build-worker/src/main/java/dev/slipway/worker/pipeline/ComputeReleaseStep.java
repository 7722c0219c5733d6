package dev.slipway.worker.pipeline;

import dev.slipway.worker.release.ReleaseSource;
import java.time.Clock;
import java.util.random.RandomGenerator;

/**
 * Step 2b (OSBS's bump_release): the release is the one the user asked for, else the Dockerfile's release label,
 * else the next free one for this name and version. Then the tag plan is fixed and every tag checked.
 */
final class ComputeReleaseStep implements BuildStep {
    private final ReleaseSource releases;
    private final Clock clock;
    private final RandomGenerator random;

    ComputeReleaseStep(ReleaseSource releases, Clock clock, RandomGenerator random) {
        this.releases = releases;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public String name() {
        return "compute_release";
    }

    @Override
    public void run(BuildState state) {
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
        state.tags = TagPlan.of(state.request.target(), state.version, release, state.request.scratch(),
                clock.instant(), random);
        state.identity.checkTags(state.tags.all());
    }
}
