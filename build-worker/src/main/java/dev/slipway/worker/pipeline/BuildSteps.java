package dev.slipway.worker.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * The recipe: which steps a build runs, in order. Read top to bottom, this is the whole pipeline; the exit phase
 * (clean-up registered by the steps) always runs after it.
 */
public final class BuildSteps {
    private final PipelineServices s;

    public BuildSteps(PipelineServices services) {
        this.s = services;
    }

    List<BuildStep> forRequest(BuildRequest request) {
        return forRequest(request, BuildHooks.NONE);
    }

    List<BuildStep> forRequest(BuildRequest request, BuildHooks hooks) {
        List<BuildStep> recipe = new ArrayList<>(List.of(
                new FetchSourceStep(s.sources()),                    // 1. dist-git at exactly the commit
                new CheckDockerfileStep(),                           // 2. parse, check labels, refuse what the engine cannot build
                new ComputeReleaseStep(hooks.releases() != null ? hooks.releases() : s.releases(),
                        hooks.reservations(), s.clock(), s.random()), // 2b. explicit, Dockerfile's, or next free; reserved
                new ResolveParentsStep(s.registries()),              // 3. every FROM pinned to the digest its registry serves
                new AddLabelsStep(s.site(), s.clock()),              // 4. site and automatic labels, buildinfo Dockerfile
                new BuildImageStep(s.engine()),                      // 5. engine build, no cache, unique tag
                new ConcurrentSteps(s.background(),
                        new SaveImageStep(s.engine(), s.archives(), s.ociWriter(), s.background()), // 6. docker save -> OCI layout
                        new ReadPackagesStep(s.packages())), // 6b. meanwhile: RPMs out of a never-started container
                new PushStep(s.registries()),                        // 7. unique and version-release tags, confirmed
                new WriteSbomsStep(s.registries(), s.publishing(), s.json()))); // 7a. SPDX + CycloneDX as referrers
        if (!request.scratch()) {
            recipe.add(recipe.size() - 2, new CheckPublishingRulesStep(s.publishing())); // 6c. OpenStack rules
            recipe.add(new ExportMirrorStep(s.json(), s.clock()));  // 8. atomic mirror export
            recipe.add(new PushFloatingTagsStep(s.registries()));   // 7b. version and latest: last, only on success
        }
        return recipe;
    }
}
