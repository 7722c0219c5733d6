package dev.slipway.worker.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import dev.slipway.common.json.Json;
import dev.slipway.common.process.Command;
import dev.slipway.common.process.CommandResult;
import dev.slipway.testing.image.BaseImage;
import dev.slipway.testing.image.BaseImageFixture;
import dev.slipway.worker.config.EngineConfig;
import dev.slipway.worker.it.Tools;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine adapter against the real engine: the image export (the same bytes as {@code docker save}), the build
 * over the unix socket (tags, fails with the engine's message, the same image as docker-java builds, stops when
 * interrupted), and the engine's refusals.
 */
class DockerEngineIT {
    @TempDir
    Path dir;

    @Test
    void info_isWhatTheDockerCliReports_andAskedAgainGivesTheSame() {
        try (DockerEngine engine = new DockerEngine(EngineConfig.defaults())) {
            ImageEngine.EngineInfo info = engine.info();
            assertEquals(Tools.docker("info", "--format", "{{.Architecture}} {{.OSType}} {{.Name}}").strip(),
                    info.arch() + " " + info.os() + " " + info.hostName());
            assertEquals(Tools.docker("version", "--format", "{{.Server.Version}} {{.Server.APIVersion}}").strip(),
                    info.engineVersion() + " " + info.apiVersion());
            assertEquals(info, engine.info());
        }
    }

    @Test
    void save_overTheUnixSocket_isByteForByteWhatDockerSaveWrites() throws Exception {
        BaseImage image = new BaseImageFixture().standard();
        Path byHand = dir.resolve("by-hand.tar");
        CommandResult saved = Command.of("/usr/bin/docker", "save", "-o", byHand.toString(), image.reference())
                .timeout(Duration.ofMinutes(2)).run();
        assertTrue(saved.ok(), saved::output);
        MessageDigest sha256 = Digest.newSha256();
        try (DockerEngine engine = new DockerEngine(EngineConfig.defaults());
                InputStream in = new DigestInputStream(engine.save(image.reference()), sha256)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        MessageDigest expected = Digest.newSha256();
        expected.update(Files.readAllBytes(byHand));
        assertEquals(Digest.ofSha256(expected), Digest.ofSha256(sha256));
    }

    private Path context(String dockerfile) throws Exception {
        Path ctx = Files.createDirectories(dir.resolve("ctx-" + System.nanoTime()));
        Files.writeString(ctx.resolve("Dockerfile"), dockerfile);
        Files.writeString(ctx.resolve("a.txt"), "alpha\n");
        Path script = Files.writeString(ctx.resolve("run.sh"), "#!/bin/sh\necho run\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(ctx.resolve("a.txt"), PosixFilePermissions.fromString("rw-r--r--"));
        Files.writeString(ctx.resolve(".dockerignore"), "ignored*\n");
        Files.writeString(ctx.resolve("ignored.bin"), "never sent");
        // Whole seconds: docker-java's tar gives a sub-second file time another second than the CLI and this path do.
        for (String name : List.of("Dockerfile", "a.txt", "run.sh")) {
            Files.setLastModifiedTime(ctx.resolve(name), FileTime.from(Instant.parse("2026-01-02T03:04:05Z")));
        }
        return ctx;
    }

    private static String tag(String what) {
        return "slipway-it/engine-" + what + ":" + System.nanoTime();
    }

    private static String inspect(String format, String reference) {
        CommandResult result = Command.of("/usr/bin/docker", "image", "inspect", "--format", format, reference)
                .timeout(Duration.ofMinutes(1)).run();
        assertTrue(result.ok(), result::output);
        return result.stdout().strip();
    }

    private static String layersAndConfig(String reference) throws Exception {
        ObjectNode config = (ObjectNode) Json.mapper().readTree(inspect("{{json .Config}}", reference));
        config.remove("Image");
        return config + " " + inspect("{{json .RootFS.Layers}}", reference);
    }

    @Test
    void build_overTheUnixSocket_tagsTheImage_andReturnsItsId() throws Exception {
        String base = new BaseImageFixture().standard().reference();
        Path ctx = context("FROM " + base + "\nCOPY a.txt run.sh /opt/\nRUN test -x /opt/run.sh && ! test -e /opt/ignored.bin"
                + "\nLABEL it=build\n");
        String tag = tag("build");
        List<String> log = new ArrayList<>();
        try (DockerEngine engine = new DockerEngine(EngineConfig.defaults())) {
            try {
                String id = engine.build(new ImageEngine.BuildSpec(ctx, ctx.resolve("Dockerfile"), tag, true, Map.of()),
                        log::add);
                assertEquals(inspect("{{.Id}}", tag), id);
                assertEquals("build", inspect("{{index .Config.Labels \"it\"}}", tag));
                assertTrue(log.stream().anyMatch(l -> l.startsWith("Successfully tagged " + tag)), log::toString);
            } finally {
                engine.removeImage(tag);
            }
        }
    }

    @Test
    void build_withAFailingRun_isEngineBuildFailedWithTheEnginesMessage() throws Exception {
        String base = new BaseImageFixture().standard().reference();
        Path ctx = context("FROM " + base + "\nRUN echo about to fail && exit 3\n");
        String tag = tag("fail");
        List<String> log = new ArrayList<>();
        try (DockerEngine engine = new DockerEngine(EngineConfig.defaults())) {
            SlipwayException e = assertThrows(SlipwayException.class, () -> engine.build(
                    new ImageEngine.BuildSpec(ctx, ctx.resolve("Dockerfile"), tag, true, Map.of()), log::add));
            assertEquals(ErrorCode.ENGINE_BUILD_FAILED, e.code());
            assertTrue(e.getMessage().contains("returned a non-zero code: 3"), e.getMessage());
            assertTrue(log.contains("about to fail"), log::toString);
            assertTrue(engine.imageId(tag).isEmpty());
        }
    }

    @Test
    void build_ofAnUnparsableDockerfile_isEngineBuildFailed() throws Exception {
        Path ctx = context("FROM\n");
        try (DockerEngine engine = new DockerEngine(EngineConfig.defaults())) {
            SlipwayException e = assertThrows(SlipwayException.class, () -> engine.build(
                    new ImageEngine.BuildSpec(ctx, ctx.resolve("Dockerfile"), tag("bad"), true, Map.of()), l -> { }));
            assertEquals(ErrorCode.ENGINE_BUILD_FAILED, e.code());
            assertTrue(e.getMessage().toLowerCase(Locale.ROOT).contains("from"), e.getMessage());
        }
    }

    @Test
    void build_overTheUnixSocket_isTheSameImageAsDockerJavaBuilds() throws Exception {
        String base = new BaseImageFixture().standard().reference();
        Path ctx = context("FROM " + base + "\nCOPY a.txt run.sh /\nENV SLIPWAY_IT=1\nLABEL it=same\n"
                + "ARG FLAVOUR\nLABEL flavour=$FLAVOUR\nCMD [\"/run.sh\"]\n");
        String viaSocket = tag("socket");
        String viaDockerJava = tag("docker-java");
        String viaCli = tag("cli");
        Map<String, String> args = Map.of("FLAVOUR", "plain");
        try (DockerEngine engine = new DockerEngine(EngineConfig.defaults())) {
            try {
                engine.build(new ImageEngine.BuildSpec(ctx, ctx.resolve("Dockerfile"), viaSocket, true, args), l -> { });
                engine.buildThroughDockerJava(new ImageEngine.BuildSpec(ctx, ctx.resolve("Dockerfile"), viaDockerJava,
                        true, args), l -> { });
                CommandResult byCli = Command.of("/usr/bin/docker", "build", "-q", "--no-cache", "--build-arg",
                        "FLAVOUR=plain", "-t", viaCli, ctx.toString()).timeout(Duration.ofMinutes(2)).run();
                assertTrue(byCli.ok(), byCli::output);
                // The runtime config without "Image" (the id of the intermediate image before CMD, which has a
                // creation time of its own), and the layers' diff ids.
                assertEquals(layersAndConfig(viaDockerJava), layersAndConfig(viaSocket));
                assertEquals(layersAndConfig(viaCli), layersAndConfig(viaSocket));
                assertTrue(inspect("{{json .Config.Labels}}", viaSocket).contains("\"flavour\":\"plain\""));
            } finally {
                engine.removeImage(viaSocket);
                engine.removeImage(viaDockerJava);
                engine.removeImage(viaCli);
            }
        }
    }

    @Test
    void build_interrupted_stopsTheEnginesBuild() throws Exception {
        String base = new BaseImageFixture().standard().reference();
        String marker = "slipway-it-interrupt-" + System.nanoTime();
        Path ctx = context("FROM " + base + "\nRUN echo " + marker + " && sleep 120\n");
        String tag = tag("interrupt");
        List<String> log = new CopyOnWriteArrayList<>();
        CountDownLatch running = new CountDownLatch(1);
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        try (DockerEngine engine = new DockerEngine(EngineConfig.defaults())) {
            Thread builder = new Thread(() -> {
                try {
                    engine.build(new ImageEngine.BuildSpec(ctx, ctx.resolve("Dockerfile"), tag, true, Map.of()), l -> {
                        log.add(l);
                        if (l.equals(marker)) {
                            running.countDown();
                        }
                    });
                } catch (Throwable t) {
                    outcome.set(t);
                }
            }, "it-builder");
            builder.start();
            assertTrue(running.await(2, TimeUnit.MINUTES), log::toString);
            builder.interrupt();
            builder.join(Duration.ofSeconds(10).toMillis());
            assertTrue(!builder.isAlive() && outcome.get() instanceof InterruptedException, () -> "" + outcome.get());
            // The engine sees the connection close and stops the build: its RUN container goes away.
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            String containers;
            do {
                Thread.sleep(200);
                containers = Command.of("/usr/bin/docker", "ps", "-a", "--no-trunc", "--format", "{{.Command}}")
                        .timeout(Duration.ofMinutes(1)).run().stdout();
            } while (containers.contains(marker) && System.nanoTime() < deadline);
            assertTrue(!containers.contains(marker), containers);
            assertTrue(engine.imageId(tag).isEmpty());
        }
    }

    @Test
    void save_ofAnImageTheEngineLacks_isAnEngineErrorWithItsMessage() {
        try (DockerEngine engine = new DockerEngine(EngineConfig.defaults())) {
            SlipwayException e = assertThrows(SlipwayException.class,
                    () -> engine.save("slipway-missing/none:" + System.nanoTime()).close());
            assertEquals(ErrorCode.ENGINE_ERROR, e.code());
            assertTrue(e.getMessage().contains("slipway-missing/none") && e.getMessage().contains("404"),
                    e.getMessage());
        }
    }

    @Test
    void save_whenNoEngineListens_isUnreachable() {
        EngineConfig defaults = EngineConfig.defaults();
        try (DockerEngine engine = new DockerEngine(new EngineConfig("unix://" + dir.resolve("none.sock"),
                defaults.connectTimeout(), defaults.responseTimeout()))) {
            SlipwayException e = assertThrows(SlipwayException.class, () -> engine.save("any:1").close());
            assertEquals(ErrorCode.ENGINE_UNREACHABLE, e.code());
        }
    }
}
