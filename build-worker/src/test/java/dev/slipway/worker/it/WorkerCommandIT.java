package dev.slipway.worker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

    private static Run run(SampleEnvironment env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(LAUNCHER.toString());
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(env.dir, "cli", ".out");
        Path err = Files.createTempFile(env.dir, "cli", ".err");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("TMPDIR", env.dir.toString());
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("slipway-worker did not finish");
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
