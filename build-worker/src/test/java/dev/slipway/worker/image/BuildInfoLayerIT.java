package dev.slipway.worker.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.common.json.Json;
import dev.slipway.common.process.Command;
import dev.slipway.common.process.CommandResult;
import dev.slipway.testing.image.BaseImageFixture;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The buildinfo layer and labels the worker writes give the image the engine would have built from the whole final
 * Dockerfile: the same runtime config and labels, the same number of layers, the file with the same owner, mode and
 * content, and {@code /root} untouched. Checked with the real engine: {@code docker build} of the whole Dockerfile
 * against {@code docker load} of the worker's archive.
 */
class BuildInfoLayerIT {
    private static final String NAME = "Dockerfile-slipway-it-1.0-1";

    @TempDir
    Path dir;

    private final ObjectMapper json = Json.mapper();

    private static String docker(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "/usr/bin/docker";
        System.arraycopy(args, 0, command, 1, args.length);
        CommandResult result = Command.of(command).timeout(Duration.ofMinutes(2)).run();
        assertTrue(result.ok(), result::output);
        return result.stdout();
    }

    private static String sh(String script) {
        CommandResult result = Command.of("/bin/sh", "-c", script).timeout(Duration.ofMinutes(2)).run();
        assertTrue(result.ok(), result::output);
        return result.stdout();
    }

    /** The runtime config without "Image" (the id of an intermediate image, which differs by creation time). */
    private String config(String image) throws Exception {
        ObjectNode config = (ObjectNode) json.readTree(docker("image", "inspect", "--format", "{{json .Config}}",
                image));
        config.remove("Image");
        return config.toString();
    }

    /** {@code /root} and everything under it as {@code tar -tv} lists the exported filesystem, times left out. */
    private static List<String> rootListing(String image) {
        String container = docker("create", image, "/bin/sh").strip();
        try {
            return sh("/usr/bin/docker export " + container + " | tar --numeric-owner -tvf - root/").lines()
                    .map(l -> l.split(" +")).map(f -> f[0] + " " + f[1] + " " + f[2] + " " + f[5]).toList();
        } finally {
            docker("rm", "-f", container);
        }
    }

    @Test
    void theWorkersLastLayer_givesTheImageTheEngineBuildsFromTheWholeDockerfile() throws Exception {
        String base = new BaseImageFixture().standard().reference();
        String head = "FROM " + base + "\nUSER 1001\nCMD [\"/bin/sh\"]\n";
        Map<String, String> labels = Map.of("release", "1", "vendor", "Slipway \"IT\"", "url", "https://x.invalid/$a");
        String labelLine = "LABEL \"release\"=\"1\" \"url\"=\"https://x.invalid/\\$a\""
                + " \"vendor\"=\"Slipway \\\"IT\\\"\"";
        String whole = head + "COPY " + NAME + " /root/buildinfo/" + NAME + "\n" + labelLine + "\n";
        Path ctx = Files.createDirectories(dir.resolve("ctx"));
        Files.writeString(ctx.resolve(NAME), whole);
        Files.writeString(ctx.resolve("Dockerfile.whole"), whole);
        Files.writeString(ctx.resolve("Dockerfile.engine"), head);
        long n = System.nanoTime();
        String byEngine = "slipway-it/buildinfo:whole-" + n;
        String engineHead = "slipway-it/buildinfo:head-" + n;
        String ours = "slipway-it/buildinfo:ours-" + n;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            docker("build", "-q", "--no-cache", "-f", ctx.resolve("Dockerfile.whole").toString(), "-t", byEngine,
                    ctx.toString());
            docker("build", "-q", "--no-cache", "-f", ctx.resolve("Dockerfile.engine").toString(), "-t", engineHead,
                    ctx.toString());
            Path saved = dir.resolve("saved.tar");
            docker("save", "-o", saved.toString(), engineHead);
            SavedImage image;
            try (InputStream in = Files.newInputStream(saved)) {
                image = new DockerArchiveReader(json, pool).read(in, dir.resolve("saved"));
            }
            SavedImage finished = new BuildInfoLayer(json).addTo(image, new BuildInfoLayer.Contents(
                    "/root/buildinfo/" + NAME, whole.getBytes(StandardCharsets.UTF_8), labels, labelLine,
                    Instant.parse("2026-12-02T10:00:00Z"), false));
            OciImage layout = new OciImageWriter(json, pool).write(finished, Map.of(), dir.resolve("oci"), "1.0-1");
            Path archive = dir.resolve("image.tar.gz");
            WrittenFile written = new DockerArchiveWriter(json).write(layout, ours, Instant.now(), archive);
            assertEquals(written.sha256().hex(), sh("sha256sum " + archive).split(" ")[0]);
            assertTrue(docker("load", "-i", archive.toString()).contains("Loaded image: " + ours));

            assertEquals(layout.imageId().toString(), docker("image", "inspect", "--format", "{{.Id}}", ours).strip());
            assertEquals(config(byEngine), config(ours));
            assertEquals(docker("image", "inspect", "--format", "{{len .RootFS.Layers}}", byEngine),
                    docker("image", "inspect", "--format", "{{len .RootFS.Layers}}", ours));
            assertEquals(rootListing(byEngine), rootListing(ours));
            assertTrue(rootListing(ours).contains("-rw-r--r-- 0/0 " + whole.length() + " root/buildinfo/" + NAME),
                    rootListing(ours).toString());
            assertEquals(whole, docker("run", "--rm", "--user", "0", ours, "cat", "/root/buildinfo/" + NAME));
            List<String> history = docker("history", "--no-trunc", "--format", "{{.CreatedBy}}", ours).lines()
                    .toList();
            assertEquals("/bin/sh -c #(nop)  " + labelLine, history.get(0));
            assertTrue(history.get(1).matches("/bin/sh -c #\\(nop\\) COPY file:[0-9a-f]{64} in /root/buildinfo/"
                    + NAME + " "), history.get(1));
        } finally {
            pool.shutdownNow();
            for (String tag : List.of(byEngine, engineHead, ours)) {
                Command.of("/usr/bin/docker", "rmi", "-f", tag).timeout(Duration.ofMinutes(1)).run();
            }
        }
    }
}
