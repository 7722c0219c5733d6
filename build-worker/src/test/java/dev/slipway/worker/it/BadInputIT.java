package dev.slipway.worker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.testing.distgit.DistGitRepo;
import dev.slipway.worker.pipeline.BuildResult;
import dev.slipway.common.source.SourceSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken sources and broken Dockerfiles through the whole pipeline: each fails with its stable code, a message
 * naming the problem, and the registry sees no write at all.
 */
@ExtendWith(SampleEnvironmentExtension.class)
class BadInputIT {
    private static final Path CORPUS = Path.of("src/test/resources/dockerfile/bad");

    static Stream<Path> corpus() throws IOException {
        // Files with "# tag:" lines test tags a caller adds; the pipeline's own tags cannot reach them.
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.filter(p -> !read(p).contains("\n# tag:")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void brokenDockerfile_failsBeforeBuilding_andPushesNothing(Path file, SampleEnvironment env) {
        String text = read(file);
        ErrorCode expected = ErrorCode.valueOf(text.lines().filter(l -> l.startsWith("# expect: ")).findFirst()
                .orElseThrow().substring("# expect: ".length()).strip());
        DistGitRepo repo = DistGitRepo.create(env.newDir("bad"), "bad", "f40");
        String commit = repo.commit(Map.of("Dockerfile", text.getBytes(StandardCharsets.UTF_8)), "broken");
        int mark = env.open.requests().size();
        BuildResult result = env.build(repo.source(commit), List.of(SampleEnvironment.registry(env.open, "bad-it")),
                false, env.newDir("bad-mirror"));
        assertEquals(BuildResult.Outcome.FAILED, result.state());
        assertEquals(expected.code(), result.error().code(), result.error().message());
        assertTrue(result.error().step().equals("check_dockerfile") || result.error().step().equals("compute_release"),
                result.error().step());
        assertNoWrites(env, mark);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "file:///srv/x.git#main | SOURCE_NOT_A_COMMIT",
        "file:///srv/x.git#4aa9cf3 | SOURCE_NOT_A_COMMIT",
        "file:///srv/x.git#4AA9CF3884B5C44DF7B4A1B53707963C178AF19A | SOURCE_NOT_A_COMMIT",
        "file:///srv/x.git | SOURCE_NOT_A_COMMIT",
        "file:///srv/x.git# | SOURCE_NOT_A_COMMIT",
        "https://user:secret@src.example/x.git#4aa9cf3884b5c44df7b4a1b53707963c178af19a | SOURCE_INVALID",
        "x.git#4aa9cf3884b5c44df7b4a1b53707963c178af19a | SOURCE_INVALID",
        "http://exa mple/x.git#4aa9cf3884b5c44df7b4a1b53707963c178af19a | SOURCE_INVALID",
        "'' | SOURCE_INVALID",
    })
    void malformedSource_isRefusedBeforeAnyWork(String source, ErrorCode expected) {
        SlipwayException e = org.junit.jupiter.api.Assertions.assertThrows(SlipwayException.class,
                () -> SourceSpec.parse(source));
        assertEquals(expected, e.code(), e.getMessage());
    }

    @Test
    void unknownCommit_failsWithCommitUnknown(SampleEnvironment env) {
        assertFailsAtFetch(env, env.sample.repo().repo().source("0123456789abcdef0123456789abcdef01234567"),
                ErrorCode.SOURCE_COMMIT_UNKNOWN);
    }

    @Test
    void missingRepository_failsWithFetchFailed(SampleEnvironment env) {
        assertFailsAtFetch(env, env.dir.resolve("nowhere.git").toUri() + "#0123456789abcdef0123456789abcdef01234567",
                ErrorCode.SOURCE_FETCH_FAILED);
    }

    @Test
    void repositoryOutsideTheAllowList_isRefused(SampleEnvironment env) {
        assertFailsAtFetch(env, "https://src.example.invalid/container/x.git#0123456789abcdef0123456789abcdef01234567",
                ErrorCode.SOURCE_NOT_ALLOWED);
        assertFailsAtFetch(env, "file:///etc/x.git#0123456789abcdef0123456789abcdef01234567",
                ErrorCode.SOURCE_NOT_ALLOWED);
    }

    @Test
    void commitWithoutDockerfile_failsWithNoDockerfile(SampleEnvironment env) {
        DistGitRepo repo = DistGitRepo.create(env.newDir("nodf"), "nodf", "f40");
        String commit = repo.commit(Map.of("README.md", "no Dockerfile here\n".getBytes(StandardCharsets.UTF_8)), "x");
        assertFailsAtFetch(env, repo.source(commit), ErrorCode.SOURCE_NO_DOCKERFILE);
    }

    private static void assertFailsAtFetch(SampleEnvironment env, String source, ErrorCode expected) {
        int mark = env.open.requests().size();
        BuildResult result = env.build(source, List.of(SampleEnvironment.registry(env.open, "bad-it")), false,
                env.newDir("bad-mirror"));
        assertEquals(BuildResult.Outcome.FAILED, result.state());
        assertEquals(expected.code(), result.error().code(), result.error().message());
        assertEquals("fetch_source", result.error().step());
        assertNoWrites(env, mark);
    }

    private static void assertNoWrites(SampleEnvironment env, int mark) {
        long writes = env.open.requestsSince(mark).stream()
                .filter(r -> !r.method().equals("GET") && !r.method().equals("HEAD")).count();
        assertEquals(0, writes, "the registry saw no write");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
