package dev.slipway.worker.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import dev.slipway.common.process.Command;
import dev.slipway.common.process.CommandResult;
import dev.slipway.testing.image.BaseImage;
import dev.slipway.testing.image.BaseImageFixture;
import dev.slipway.worker.config.EngineConfig;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image export against the real engine: the same bytes as {@code docker save}, and the engine's refusals. */
class DockerEngineIT {
    @TempDir
    Path dir;

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
