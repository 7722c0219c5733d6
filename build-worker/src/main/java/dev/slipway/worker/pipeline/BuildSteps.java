package dev.slipway.worker.pipeline;

import dev.slipway.worker.image.DockerArchiveWriter;
import dev.slipway.worker.image.LastInstructions;
import dev.slipway.worker.yum.YumRepoFetcher;
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
        boolean release = !request.scratch();
        List<BuildStep> recipe = new ArrayList<>();
        recipe.add(new FetchSourceStep(s.sources()));                          // 1. dist-git at exactly the commit
        if (!request.yumRepoUrls().isEmpty()) {
            recipe.add(new FetchYumReposStep(new YumRepoFetcher()));          // 1b. .repo files, before the engine
        }
        recipe.add(new CheckDockerfileStep());                                 // 2. parse, labels, engine limits
        recipe.add(new ComputeReleaseStep(hooks.releases() != null ? hooks.releases() : s.releases(),
                hooks.reservations(), s.clock(), s.random()));                 // 3. release (reserved), tag plan
        recipe.add(new ResolveParentsStep(s.registries(), s.background()));   // 4. every FROM pinned to a digest
        recipe.add(new AddLabelsStep(s.site(), s.clock()));                    // 5. labels, final Dockerfile
        recipe.add(new BuildImageStep(s.engine()));                            // 6. engine build, unique tag
        recipe.add(new ConcurrentSteps(s.background(),                         // 7. side by side:
                new SaveImageStep(s.engine(), s.archives(), new LastInstructions(s.json()), s.ociWriter(),
                        new DockerArchiveWriter(s.json()), s.background()),   // docker save -> OCI, compressed once
                new ReadPackagesStep(s.packages())));                          //    packages from the saved layers
        if (release) {
            recipe.add(new CheckPublishingRulesStep(s.publishing()));         // 8. OpenStack rules before any push
        }
        recipe.add(new ConcurrentSteps(s.background(),                         // 9. side by side:
                new PushStep(s.registries(), s.background(), hooks.fence()),   //    every registry at once
                new StepsInOrder(new GenerateSbomsStep(s.publishing(), s.sboms()), //    SPDX, CycloneDX, their
                        new StageSbomsStep(s.registries(), s.background())),  //    blobs uploaded (no manifest)
                new WriteProvenanceStep(s.attestationKey(), s.builderId(), s.clock()))); // signed SLSA provenance
        if (release) {
            recipe.add(new ConcurrentSteps(s.background(),                     // 10. side by side:
                    new AttachSbomsStep(s.registries(), s.background()),       //     SBOMs as OCI referrers
                    new ExportMirrorStep(s.json(), s.clock(), hooks.fence()))); // atomic, fenced mirror export
            recipe.add(new PushFloatingTagsStep(s.registries(), s.background(), hooks.fence())); // 11. floating: last
        } else {
            recipe.add(new AttachSbomsStep(s.registries(), s.background()));   // 10. SBOMs as OCI referrers
        }
        return recipe;
    }
}
