package dev.slipway.worker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.testing.distgit.DistGitRepo;
import dev.slipway.testing.distgit.SampleContainerRepo;
import dev.slipway.worker.pipeline.BuildResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Scratch builds, failing builds and token-auth pushes, against the real engine and registries. */
@ExtendWith(SampleEnvironmentExtension.class)
class ScratchAndFailureIT {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void scratchBuild_ofTheSameCommit_getsANewUniqueTagAndNoMirror(SampleEnvironment env) throws Exception {
        Path mirror = env.newDir("scratch-mirror");
        String commit = env.sample.repo().firstCommit();
        BuildResult release = env.build(commit, "scratch-it", false, mirror);
        BuildResult scratch = env.build(commit, "scratch-it", true, mirror);
        assertEquals(BuildResult.Outcome.COMPLETE, scratch.state(), () -> String.valueOf(scratch.error()));
        assertTrue(scratch.scratch());
        assertNotEquals(release.tags().unique(), scratch.tags().unique());
        assertEquals(List.of(scratch.tags().unique()), scratch.registries().get(0).tags());
        assertNull(scratch.mirror());
        assertEquals(List.of("1.0-1"), listDirs(mirror.resolve("slipway/hello")), "only the release build is mirrored");
        String repo = env.open.hostPort() + "/scratch-it/" + SampleContainerRepo.NAME;
        String digest = json.readTree(Tools.skopeo("inspect", "--tls-verify=false",
                "docker://" + repo + ":" + scratch.tags().unique())).path("Digest").asText();
        assertEquals(scratch.image().manifestDigest(), digest);
        String latest = json.readTree(Tools.skopeo("inspect", "--tls-verify=false", "docker://" + repo + ":latest"))
                .path("Digest").asText();
        assertEquals(release.image().manifestDigest(), latest, "a scratch build never moves latest");
    }

    @Test
    void failingRunStep_failsWithTheEnginesError_andLeavesNoTag(SampleEnvironment env) {
        DistGitRepo repo = DistGitRepo.create(env.newDir("failing"), "broken", "f40");
        String commit = repo.commit(Map.of("Dockerfile", ("FROM " + env.sample.parent() + "\n"
                + "LABEL com.redhat.component=broken-container name=slipway/broken version=2.0\n"
                + "RUN echo about to fail && exit 7\n").getBytes(StandardCharsets.UTF_8)), "A build that fails");
        int mark = env.open.requests().size();
        BuildResult result = env.build(repo.source(commit), List.of(SampleEnvironment.registry(env.open, "fail-it")),
                false, env.newDir("fail-mirror"));
        assertEquals(BuildResult.Outcome.FAILED, result.state());
        assertEquals(ErrorCode.ENGINE_BUILD_FAILED.code(), result.error().code());
        assertEquals("build_image", result.error().step());
        assertTrue(result.error().message().contains("returned a non-zero code: 7"), result.error().message());
        assertTrue(result.registries().isEmpty());
        long writes = env.open.requestsSince(mark).stream()
                .filter(r -> !r.method().equals("GET") && !r.method().equals("HEAD")).count();
        assertEquals(0, writes, "nothing was pushed");
        String images = Tools.docker("images", "--format", "{{.Repository}}", "slipway-build/slipway/broken");
        assertTrue(images.isBlank(), "no build tag is left in the engine: " + images);
        assertFalse(Files.exists(Path.of(env.dir.toString(), "fail-mirror", "slipway")));
    }

    @Test
    void pushToTokenAuthRegistry_works(SampleEnvironment env) throws Exception {
        BuildResult result = env.build(env.sample.repo().repo().source(env.sample.repo().secondCommit()),
                List.of(SampleEnvironment.registry(env.token, "token-it")), true, null);
        assertEquals(BuildResult.Outcome.COMPLETE, result.state(), () -> String.valueOf(result.error()));
        String digest = json.readTree(Tools.skopeo("inspect", "--tls-verify=false", "--creds",
                env.token.username() + ":" + env.token.password(), "docker://" + env.token.hostPort()
                        + "/token-it/" + SampleContainerRepo.NAME + ":" + result.tags().unique())).path("Digest").asText();
        assertEquals(result.image().manifestDigest(), digest);
    }

    private static List<String> listDirs(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
