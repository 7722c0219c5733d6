package dev.slipway.worker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.testing.distgit.DistGitRepo;
import dev.slipway.worker.pipeline.BuildRequest;
import dev.slipway.worker.pipeline.BuildResult;
import dev.slipway.common.source.SourceSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Cancelling a build (interrupting its thread) stops the engine build, pushes nothing and cleans up. */
@ExtendWith(SampleEnvironmentExtension.class)
class CancelIT {

    @Test
    void cancelDuringEngineBuild_stopsTheBuild_andEndsCanceled(SampleEnvironment env) throws Exception {
        DistGitRepo repo = DistGitRepo.create(env.newDir("slow"), "slow", "f40");
        String marker = "slipway-cancel-" + System.nanoTime();
        String commit = repo.commit(Map.of("Dockerfile", ("FROM " + env.sample.parent() + "\n"
                + "LABEL com.redhat.component=slow-container name=slipway/slow version=1.0\n"
                + "RUN echo " + marker + " && sleep 120\n").getBytes(StandardCharsets.UTF_8)), "slow build");
        List<String> lines = new CopyOnWriteArrayList<>();
        int mark = env.open.requests().size();
        Thread[] worker = new Thread[1];
        CompletableFuture<BuildResult> running = CompletableFuture.supplyAsync(() -> {
            worker[0] = Thread.currentThread();
            try {
                return env.builder.build(new BuildRequest(SourceSpec.parse(repo.source(commit)), "t",
                        List.of(SampleEnvironment.registry(env.open, "cancel-it")), env.newDir("cancel-mirror"),
                        false, null, "packager"), Files.createTempFile(env.dir, "cancel", ".log"), lines::add);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (lines.stream().noneMatch(l -> l.contains(marker) && !l.contains("RUN")) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains(marker)), "the RUN step started");
        long t0 = System.nanoTime();
        worker[0].interrupt();
        BuildResult result = running.get(30, TimeUnit.SECONDS);
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertEquals(BuildResult.Outcome.CANCELED, result.state());
        assertEquals(ErrorCode.CANCELED.code(), result.error().code());
        assertTrue(tookMs < 10_000, "cancel took " + tookMs + " ms");
        long writes = env.open.requestsSince(mark).stream()
                .filter(r -> !r.method().equals("GET") && !r.method().equals("HEAD")).count();
        assertEquals(0, writes, "nothing was pushed");
        // The engine stops the RUN container once its client is gone.
        boolean stillRunning = true;
        for (int i = 0; i < 100 && stillRunning; i++) {
            stillRunning = Tools.docker("ps", "--no-trunc", "--format", "{{.Command}}").contains(marker);
            Thread.sleep(100);
        }
        assertTrue(!stillRunning, "the engine stopped the build's RUN container");
    }
}
