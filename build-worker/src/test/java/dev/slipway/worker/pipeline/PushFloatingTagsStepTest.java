package dev.slipway.worker.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import dev.slipway.common.image.ImageReference;
import dev.slipway.common.image.Nvr;
import dev.slipway.common.source.SourceSpec;
import dev.slipway.release.sbom.Sbom;
import dev.slipway.worker.config.RegistryConfig;
import dev.slipway.worker.engine.ImageEngine;
import dev.slipway.worker.image.Descriptor;
import dev.slipway.worker.image.OciImage;
import dev.slipway.worker.registry.ImageRegistries;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PushFloatingTagsStepTest {
    private static final byte[] MANIFEST = "{\"schemaVersion\":2}".getBytes(StandardCharsets.UTF_8);
    private static final Digest OURS = Digest.sha256(MANIFEST);
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @TempDir
    Path tmp;

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private PipelineRun state(BuildLog log, int registryCount) {
        List<RegistryConfig> registries = new ArrayList<>();
        for (int i = 0; i < registryCount; i++) {
            registries.add(RegistryConfig.of(URI.create("http://127.0.0.1:" + (5000 + i))));
        }
        BuildRequest request = new BuildRequest(
                SourceSpec.parse("https://src.example/rpms/app#0123456789abcdef0123456789abcdef01234567"),
                "f40-container-candidate", registries, tmp.resolve("mirror"), false, null, "alice");
        PipelineRun state = new PipelineRun(request, Instant.now(), tmp.resolve("work"), log,
                new ImageEngine.EngineInfo("x86_64", "linux", "20.10", "1.41", "builder"));
        state.imageName = "slipway/app";
        state.nvr = new Nvr("app-container", "1.0", "5");
        state.tags = new TagPlan("f40-container-candidate-20261202000000-abcdef", List.of("1.0-5"),
                List.of("1.0", "latest"));
        Descriptor config = new Descriptor("application/vnd.oci.image.config.v1+json", Digest.sha256(new byte[1]), 1,
                null, 0);
        state.image = new OciImage(tmp.resolve("oci"), MANIFEST, "application/vnd.oci.image.manifest.v1+json", OURS,
                config, List.of());
        for (RegistryConfig r : registries) {
            state.pushes.add(new PushedImage(r.hostAndPort(), state.repository(r), OURS, List.of("1.0-5"),
                    List.of(), 0));
        }
        return state;
    }

    @Test
    void run_everyFloatingTagMovesSideBySide_andEachEndsOnOurImage() throws Exception {
        // Each tag's move waits until all four (2 registries x 2 tags) have started: only side-by-side moves pass.
        CountDownLatch allStarted = new CountDownLatch(4);
        Registries registries = new Registries(allStarted);
        try (BuildLog log = new BuildLog(tmp.resolve("build.log"), line -> { }, Clock.systemUTC())) {
            PipelineRun state = state(log, 2);
            new PushFloatingTagsStep(registries, pool, PublishFence.NONE).run(state);
            assertEquals(List.of("1.0-5", "1.0", "latest"), state.pushes.get(0).tags());
            assertEquals(List.of("1.0-5", "1.0", "latest"), state.pushes.get(1).tags());
        }
        assertEquals(4, registries.tagged.size(), registries.tagged.toString());
    }

    @Test
    void run_noTagIsReadBackWhileAnotherIsStillBeingPut() throws Exception {
        // distribution rewrites the manifest's revision link on each put; a HEAD meanwhile can fail with 500.
        Registries registries = new Registries(new CountDownLatch(0));
        try (BuildLog log = new BuildLog(tmp.resolve("build.log"), line -> { }, Clock.systemUTC())) {
            new PushFloatingTagsStep(registries, pool, PublishFence.NONE).run(state(log, 1));
        }
        assertEquals(List.of("put", "put", "head", "head"), registries.calls, registries.calls.toString());
    }

    @Test
    void run_leaseTakenBeforeTheFloatingTags_movesNone() throws Exception {
        Registries registries = new Registries(new CountDownLatch(0));
        PublishFence taken = () -> {
            throw new SlipwayException(ErrorCode.LEASE_EPOCH_STALE, "Task 7 was claimed again (lease epoch 2)");
        };
        try (BuildLog log = new BuildLog(tmp.resolve("build.log"), line -> { }, Clock.systemUTC())) {
            PipelineRun state = state(log, 2);
            SlipwayException refused = assertThrows(SlipwayException.class,
                    () -> new PushFloatingTagsStep(registries, pool, taken).run(state));
            assertEquals(ErrorCode.LEASE_EPOCH_STALE, refused.code());
        }
        assertTrue(registries.tagged.isEmpty(), "no floating tag moved: " + registries.tagged);
    }

    /** Registries that accept every tag and serve our image under it; tag moves meet at {@code started}. */
    private static final class Registries implements ImageRegistries {
        final List<String> tagged = Collections.synchronizedList(new ArrayList<>());
        /** "put" once a tag is put, "head" when one is read back, in the order they happen. */
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());
        private final CountDownLatch started;

        Registries(CountDownLatch started) {
            this.started = started;
        }

        @Override
        public Digest tag(RegistryConfig registry, String repository, OciImage image, String tag) {
            started.countDown();
            try {
                if (!started.await(20, TimeUnit.SECONDS)) {
                    throw new IllegalStateException(tag + " on " + registry.hostAndPort() + " waited in vain");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (tag.equals("latest")) {
                sleep(); // a slower put: a read-back of "1.0" meanwhile would come first in calls
            }
            tagged.add(registry.hostAndPort() + "/" + repository + ":" + tag);
            calls.add("put");
            return image.manifestDigest();
        }

        private static void sleep() {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public Optional<Digest> head(RegistryConfig registry, String repository, String reference) {
            calls.add("head");
            return Optional.of(OURS);
        }

        @Override
        public Manifest resolve(ImageReference reference) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PushOutcome push(RegistryConfig registry, String repository, OciImage image, String tag,
                String mountFrom) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void fetchBlob(ImageReference repository, Digest digest, Path target) {
            throw new UnsupportedOperationException();
        }

        @Override
        public byte[] blob(ImageReference repository, Digest digest) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void stageSboms(RegistryConfig registry, String repository, List<Sbom> sboms) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void attachSboms(RegistryConfig registry, String repository, OciImage image, List<Sbom> sboms,
                Instant created) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<String> tags(RegistryConfig registry, String repository) {
            throw new UnsupportedOperationException();
        }
    }
}
