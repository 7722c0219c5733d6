package dev.slipway.worker.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.json.Json;
import dev.slipway.common.source.SourceSpec;
import dev.slipway.worker.config.RegistryConfig;
import dev.slipway.worker.engine.ImageEngine;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportMirrorStepTest {
    @TempDir
    Path tmp;

    @Test
    void run_leaseTakenWhileBuilding_exportsNothingToTheMirror() throws Exception {
        Path mirror = Files.createDirectories(tmp.resolve("mirror"));
        BuildRequest request = new BuildRequest(
                SourceSpec.parse("https://src.example/rpms/app#0123456789abcdef0123456789abcdef01234567"),
                "f40-container-candidate", List.of(RegistryConfig.of(URI.create("http://127.0.0.1:5000"))), mirror,
                false, null, "alice");
        PublishFence taken = () -> {
            throw new SlipwayException(ErrorCode.LEASE_EPOCH_STALE, "Task 7 was claimed again (lease epoch 2)");
        };
        try (BuildLog log = new BuildLog(tmp.resolve("build.log"), line -> { }, Clock.systemUTC())) {
            PipelineRun state = new PipelineRun(request, Instant.now(), tmp.resolve("work"), log,
                    new ImageEngine.EngineInfo("x86_64", "linux", "20.10", "1.41", "builder"));
            SlipwayException refused = assertThrows(SlipwayException.class,
                    () -> new ExportMirrorStep(Json.mapper(), Clock.systemUTC(), taken).run(state));
            assertEquals(ErrorCode.LEASE_EPOCH_STALE, refused.code());
        }
        try (Stream<Path> left = Files.list(mirror)) {
            assertEquals(List.of(), left.toList(), "the mirror holds nothing of the fenced build");
        }
    }
}
