package dev.slipway.worker.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.source.SourceSpec;
import dev.slipway.worker.config.RegistryConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.random.RandomGenerator;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** The recipe's publishing order: what may overlap the image push and what must wait for it. */
class BuildStepsTest {
    private static final PipelineServices SERVICES = new PipelineServices(null, null, null, null, null, null, null,
            null, null, null, null, URI.create("https://slipway.dev/worker/test"), null,
            Executors.newCachedThreadPool(), Clock.systemUTC(), RandomGenerator.getDefault());

    private static List<String> recipe(boolean scratch) {
        BuildRequest request = new BuildRequest(
                SourceSpec.parse("https://src.example/rpms/app#0123456789abcdef0123456789abcdef01234567"),
                "f40-container-candidate", List.of(RegistryConfig.of(URI.create("http://127.0.0.1:5000"))),
                scratch ? null : Path.of("/srv/mirror"), scratch, null, "alice");
        return new BuildSteps(SERVICES).forRequest(request).stream().map(BuildStep::name).toList();
    }

    private static int stepHolding(List<String> recipe, String member) {
        for (int i = 0; i < recipe.size(); i++) {
            if (List.of(recipe.get(i).split("[+>]")).contains(member)) {
                return i;
            }
        }
        throw new AssertionError(member + " is not in the recipe " + recipe);
    }

    @Test
    void releaseBuild_sbomBlobsGoBesideThePush_referrersAfterIt_floatingTagsLast() {
        List<String> recipe = recipe(false);
        int push = stepHolding(recipe, "push");
        assertEquals(push, stepHolding(recipe, "stage_sboms"), "SBOM blobs upload while the image is pushed");
        assertTrue(recipe.get(push).contains("generate_sboms>stage_sboms"), "staged once generated: " + recipe);
        assertTrue(stepHolding(recipe, "attach_sboms") > push,
                "a referrer names the image: only after the push succeeded, so a failed push is claimed by none");
        assertTrue(stepHolding(recipe, "check_publishing_rules") < push, "the rules are checked before any push");
        assertEquals(stepHolding(recipe, "attach_sboms"), stepHolding(recipe, "export_mirror"));
        assertEquals(recipe.size() - 1, stepHolding(recipe, "push_floating_tags"), "floating tags move last");
    }

    @Test
    void scratchBuild_sbomsAttachedAfterThePush_noFloatingTags() {
        List<String> recipe = recipe(true);
        int push = stepHolding(recipe, "push");
        assertEquals(push, stepHolding(recipe, "stage_sboms"));
        assertEquals(recipe.size() - 1, stepHolding(recipe, "attach_sboms"));
        assertTrue(recipe.stream().noneMatch(s -> s.contains("push_floating_tags")), recipe.toString());
    }
}
