package dev.slipway.worker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.process.Command;
import dev.slipway.common.process.CommandResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@code bin/slipway-worker build} command as a user runs it: exit codes, JSON on stdout, log on stderr. */
@ExtendWith(SampleEnvironmentExtension.class)
class WorkerCommandIT {
    private static final Path LAUNCHER = Path.of("../bin/slipway-worker").toAbsolutePath().normalize();

    @Test
    void build_printsTheResultJson_andExitsZero(SampleEnvironment env) throws Exception {
        Path mirror = env.newDir("cli-mirror");
        Run run = run(env, "build", "--source", env.sample.repo().repo().source(env.sample.repo().secondCommit()),
                "--target", "f40-container-candidate", "--registry", "http://" + env.open.hostPort(),
                "--mirror", mirror.toString(), "--owner", "cli-test");
        assertEquals(0, run.exit, run.stderr);
        JsonNode result = new ObjectMapper().readTree(run.stdout);
        assertEquals("COMPLETE", result.path("state").asText());
        assertTrue(result.path("image").path("manifest_digest").asText().startsWith("sha256:"));
        assertTrue(run.stderr.contains("engine: Step 1/"), "the engine's own output streams to stderr");
        assertTrue(Files.isDirectory(Path.of(result.path("mirror").asText())));
    }

    @Test
    void badSource_exitsTwo_withTheStableCode(SampleEnvironment env) throws Exception {
        Run run = run(env, "build", "--source", "file:///srv/x.git#main", "--target", "t",
                "--registry", "http://" + env.open.hostPort());
        assertEquals(2, run.exit);
        assertTrue(run.stderr.contains("SOURCE_NOT_A_COMMIT (2001)"), run.stderr);
        assertEquals("", run.stdout);
    }

    @Test
    void missingOption_exitsTwo_withUsage(SampleEnvironment env) throws Exception {
        Run run = run(env, "build", "--target", "t");
        assertEquals(2, run.exit);
        assertTrue(run.stderr.contains("Missing required option: '--source"), run.stderr);
    }

    @Test
    void failedBuild_exitsOne_andStillPrintsTheResult(SampleEnvironment env) throws Exception {
        Run run = run(env, "build", "--source", env.sample.repo().repo().source(
                "0123456789abcdef0123456789abcdef01234567"), "--target", "t",
                "--registry", "http://" + env.open.hostPort());
        assertEquals(1, run.exit, run.stderr);
        JsonNode result = new ObjectMapper().readTree(run.stdout);
        assertEquals("FAILED", result.path("state").asText());
        assertEquals(2004, result.path("error").path("code").asInt());
    }

    private record Run(int exit, String stdout, String stderr) {
    }

    private static Run run(SampleEnvironment env, String... args) {
        CommandResult r = Command.of(LAUNCHER.toString()).arg(args).env("TMPDIR", env.dir.toString())
                .timeout(Duration.ofMinutes(5)).run();
        return new Run(r.exitCode(), r.stdout(), r.stderr());
    }
}
