package dev.slipway.worker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.source.SourceSpec;
import dev.slipway.testing.distgit.SampleContainerRepo;
import dev.slipway.worker.pipeline.BuildRequest;
import dev.slipway.worker.pipeline.BuildResult;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An isolated (hot-fix) build ships a new release of an already built version: the registry gains its unique tag
 * and {@code version-release}, while {@code version} and {@code latest} keep naming the regular build.
 */
@ExtendWith(SampleEnvironmentExtension.class)
class IsolatedBuildIT {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void isolatedBuild_ofAnOldVersion_pushesVersionRelease_andLeavesVersionAndLatestAlone(SampleEnvironment env)
            throws Exception {
        String commit = env.sample.repo().firstCommit();
        BuildResult regular = env.build(commit, "isolated-it", false, env.newDir("isolated-mirror"));
        assertEquals(BuildResult.Outcome.COMPLETE, regular.state(), () -> String.valueOf(regular.error()));
        String repo = "docker://" + env.open.hostPort() + "/isolated-it/" + SampleContainerRepo.NAME;
        List<String> before = tags(repo);

        BuildRequest request = new BuildRequest(SourceSpec.parse(env.sample.repo().repo().source(commit)),
                "f40-container-candidate", List.of(SampleEnvironment.registry(env.open, "isolated-it")),
                env.newDir("isolated-mirror"), false, "1.1", "packager", true, List.of());
        BuildResult isolated = env.builder.build(request, Files.createTempFile(env.dir, "isolated-", ".log"), l -> { });

        assertEquals(BuildResult.Outcome.COMPLETE, isolated.state(), () -> String.valueOf(isolated.error()));
        assertEquals("1.0", isolated.version());
        assertEquals("1.1", isolated.release());
        assertTrue(isolated.metadata().build().extra().image().isolated(), "the CG document says isolated");
        assertNotEquals(regular.image().manifestDigest(), isolated.image().manifestDigest());
        List<String> expected = new ArrayList<>(before);
        expected.add(isolated.tags().unique());
        expected.add("1.0-1.1");
        assertEquals(expected.stream().sorted().toList(), tags(repo), "only the unique tag and 1.0-1.1 are new");
        assertEquals(List.of(isolated.tags().unique(), "1.0-1.1"), isolated.registries().get(0).tags());
        assertEquals(isolated.image().manifestDigest(), digest(repo + ":1.0-1.1"));
        assertEquals(regular.image().manifestDigest(), digest(repo + ":1.0"), "the version tag did not move");
        assertEquals(regular.image().manifestDigest(), digest(repo + ":latest"), "latest did not move");
        assertTrue(before.contains("latest") && before.contains("1.0"), before::toString);
    }

    private List<String> tags(String repo) throws Exception {
        JsonNode tags = json.readTree(Tools.skopeo("list-tags", "--tls-verify=false", repo)).path("Tags");
        List<String> out = new ArrayList<>();
        // sha256-<digest> tags are the OCI referrers fallback (SBOM, provenance) each image gets; not name tags
        tags.forEach(t -> {
            if (!t.asText().startsWith("sha256-")) {
                out.add(t.asText());
            }
        });
        return out.stream().sorted().toList();
    }

    private String digest(String ref) throws Exception {
        return json.readTree(Tools.skopeo("inspect", "--tls-verify=false", ref)).path("Digest").asText();
    }
}
