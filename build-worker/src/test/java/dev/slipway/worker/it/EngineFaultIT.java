package dev.slipway.worker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.source.ScmAllowList;
import dev.slipway.common.source.SourceSpec;
import dev.slipway.testing.distgit.DistGitRepo;
import dev.slipway.worker.ContainerBuilder;
import dev.slipway.worker.config.EngineConfig;
import dev.slipway.worker.config.WorkerConfig;
import dev.slipway.worker.pipeline.BuildRequest;
import dev.slipway.worker.pipeline.BuildResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Docker Engine going away in the middle of a build (its connections cut and new ones refused for a while, as
 * when dockerd restarts): the build fails with a stable engine code, pushes nothing, mirrors nothing, and the
 * engine keeps no container or build tag of it.
 */
@ExtendWith(SampleEnvironmentExtension.class)
class EngineFaultIT {

    @Test
    void engineConnectionCutMidBuild_failsCleanly_andLeavesNoContainerBehind(SampleEnvironment env) throws Exception {
        Path dir = env.newDir("engine-fault");
        DistGitRepo repo = DistGitRepo.create(dir, "cut", "f40");
        String marker = "slipway-engine-cut-" + System.nanoTime();
        String commit = repo.commit(Map.of("Dockerfile", ("FROM " + env.sample.parent() + "\n"
                + "LABEL com.redhat.component=cut-container name=slipway/cut version=1.0\n"
                + "RUN echo " + marker + " && sleep 60\n").getBytes(StandardCharsets.UTF_8)), "slow build");
        Path mirror = env.newDir("engine-fault-mirror");
        int mark = env.open.requests().size();
        List<String> lines = new CopyOnWriteArrayList<>();
        try (EngineSocketProxy engine = EngineSocketProxy.start(dir)) {
            EngineConfig defaults = EngineConfig.defaults();
            WorkerConfig config = new WorkerConfig(List.of(env.dir.toUri().toString()), SampleEnvironment.SITE,
                    List.of(), new EngineConfig(engine.host(), defaults.connectTimeout(), defaults.responseTimeout()),
                    env.dir.resolve("work").toString());
            try (ContainerBuilder builder = ContainerBuilder.create(config, new ScmAllowList(config.allowedScms()),
                    null)) {
                CompletableFuture<BuildResult> running = CompletableFuture.supplyAsync(() -> {
                    try {
                        return builder.build(new BuildRequest(SourceSpec.parse(repo.source(commit)), "t",
                                List.of(SampleEnvironment.registry(env.open, "engine-fault-it")), mirror, false, null,
                                "packager"), Files.createTempFile(dir, "cut", ".log"), lines::add);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                while (lines.stream().noneMatch(l -> l.contains(marker) && !l.contains("RUN"))
                        && System.nanoTime() < deadline && !running.isDone()) {
                    Thread.sleep(50);
                }
                assertTrue(lines.stream().anyMatch(l -> l.contains(marker) && !l.contains("RUN")),
                        () -> "the RUN step started: " + lines);
                engine.cut(Duration.ofSeconds(5));
                BuildResult result = running.get(60, TimeUnit.SECONDS);
                assertEquals(BuildResult.Outcome.FAILED, result.state());
                assertEquals(ErrorCode.ENGINE_UNREACHABLE.code(), result.error().code(), result.error()::toString);
                assertEquals("build_image", result.error().step());
            }
        }
        long writes = env.open.requestsSince(mark).stream()
                .filter(r -> !r.method().equals("GET") && !r.method().equals("HEAD")).count();
        assertEquals(0, writes, "nothing was pushed");
        assertEquals(List.of(), listing(mirror), "nothing was mirrored");
        // The engine kills and removes the RUN container once its client is gone (forcerm); nothing of the build
        // may stay: no container (running or stopped) and no build tag.
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String containers;
        do {
            containers = Tools.docker("ps", "-a", "--no-trunc", "--format", "{{.ID}} {{.Command}}");
            if (!containers.contains(marker)) {
                break;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < until);
        assertTrue(!containers.contains(marker), "no container of the build is left: " + containers);
        assertEquals("", Tools.docker("images", "--format", "{{.Repository}}:{{.Tag}}", "slipway-build/slipway/cut")
                .strip(), "no build tag is left");
    }

    private static List<Path> listing(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            return s.filter(p -> !p.equals(dir)).toList();
        }
    }
}
