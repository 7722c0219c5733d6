package dev.slipway.worker.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.common.json.Json;
import dev.slipway.common.process.Command;
import dev.slipway.testing.image.BaseImageFixture;
import dev.slipway.worker.dockerfile.Dockerfile;
import dev.slipway.worker.dockerfile.Instruction;
import dev.slipway.worker.dockerfile.Stage;
import dev.slipway.worker.it.Tools;
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
 * The last instructions the worker applies (trailing CMD and ENTRYPOINT, the buildinfo layer, the labels) give the
 * image the engine would have built from the whole final Dockerfile: the same runtime config and labels, the same
 * number of layers, the file with the same owner, mode and content, {@code /root} untouched, the same history lines. Checked with the real engine: {@code docker build} of the whole Dockerfile
 * against {@code docker load} of the worker's archive.
 */
class LastInstructionsIT {
    private static final String NAME = "Dockerfile-slipway-it-1.0-1";

    @TempDir
    Path dir;

    private final ObjectMapper json = Json.mapper();

    /** The runtime config without "Image" (the id of an intermediate image, which differs by creation time). */
    private String config(String image) throws Exception {
        ObjectNode config = (ObjectNode) json.readTree(Tools.docker("image", "inspect", "--format", "{{json .Config}}",
                image));
        config.remove("Image");
        return config.toString();
    }

    /** {@code /root} and everything under it as {@code tar -tv} lists the exported filesystem, times left out. */
    private static List<String> rootListing(String image) {
        String container = Tools.docker("create", image, "/bin/sh").strip();
        try {
            return Tools.sh("/usr/bin/docker export " + container + " | tar --numeric-owner -tvf - root/").lines()
                    .map(l -> l.split(" +")).map(f -> f[0] + " " + f[1] + " " + f[2] + " " + f[5]).toList();
        } finally {
            Tools.docker("rm", "-f", container);
        }
    }

    /**
     * Builds {@code head + tail} + the buildinfo COPY + the LABEL line with the engine, and {@code head} with the
     * engine plus {@code tail} and the rest applied by the worker, and compares what a user of either image sees.
     */
    private void assertSameAsTheEngine(String head, String tail) throws Exception {
        Map<String, String> labels = Map.of("release", "1", "vendor", "Slipway \"IT\"", "url", "https://x.invalid/$a");
        String labelLine = "LABEL \"release\"=\"1\" \"url\"=\"https://x.invalid/\\$a\""
                + " \"vendor\"=\"Slipway \\\"IT\\\"\"";
        String whole = head + tail + "COPY " + NAME + " /root/buildinfo/" + NAME + "\n" + labelLine + "\n";
        Path ctx = Files.createDirectories(dir.resolve("ctx-" + System.nanoTime()));
        Files.writeString(ctx.resolve(NAME), whole);
        Files.writeString(ctx.resolve("Dockerfile.whole"), whole);
        Files.writeString(ctx.resolve("Dockerfile.engine"), head);
        // The trailing CMD and ENTRYPOINT as Slipway's parser reads them.
        Stage last = Dockerfile.parse(head + tail).finalStage();
        List<Instruction> all = last.instructions();
        List<Instruction> trailing = all.subList(all.size() - (int) tail.lines()
                .filter(l -> l.startsWith("CMD") || l.startsWith("ENTRYPOINT")).count(), all.size());
        List<LastInstructions.RuntimeCommand> commands = trailing.stream().map(i -> LastInstructions.RuntimeCommand
                .of(i.keyword(), i.arguments().execForm(), i.arguments().values(), i.arguments().text())).toList();
        boolean cmdBefore = all.subList(0, all.size() - trailing.size()).stream()
                .anyMatch(i -> i.keyword().equals("CMD"));
        long n = System.nanoTime();
        String byEngine = "slipway-it/buildinfo:whole-" + n;
        String engineHead = "slipway-it/buildinfo:head-" + n;
        String ours = "slipway-it/buildinfo:ours-" + n;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Tools.docker("build", "-q", "--no-cache", "-f", ctx.resolve("Dockerfile.whole").toString(), "-t", byEngine,
                    ctx.toString());
            Tools.docker("build", "-q", "--no-cache", "-f", ctx.resolve("Dockerfile.engine").toString(), "-t", engineHead,
                    ctx.toString());
            Path saved = dir.resolve("saved-" + n + ".tar");
            Tools.docker("save", "-o", saved.toString(), engineHead);
            SavedImage image;
            try (InputStream in = Files.newInputStream(saved)) {
                image = new DockerArchiveReader(json, pool).read(in, dir.resolve("saved-" + n));
            }
            SavedImage finished = new LastInstructions(json).addTo(image, new LastInstructions.Contents(
                    "/root/buildinfo/" + NAME, whole.getBytes(StandardCharsets.UTF_8), labels, labelLine,
                    Instant.parse("2026-12-02T10:00:00Z"), false, commands, cmdBefore));
            OciImage layout = new OciImageWriter(json, pool).write(finished, Map.of(), dir.resolve("oci-" + n),
                    "1.0-1");
            Path archive = dir.resolve("image-" + n + ".tar.gz");
            WrittenFile written = new DockerArchiveWriter(json).write(layout, ours, Instant.now(), archive);
            assertEquals(written.sha256().hex(), Tools.sh("sha256sum " + archive).split(" ")[0]);
            assertTrue(Tools.docker("load", "-i", archive.toString()).contains("Loaded image: " + ours));

            assertEquals(layout.imageId().toString(), Tools.docker("image", "inspect", "--format", "{{.Id}}", ours).strip());
            assertEquals(config(byEngine), config(ours));
            assertEquals(Tools.docker("image", "inspect", "--format", "{{len .RootFS.Layers}}", byEngine),
                    Tools.docker("image", "inspect", "--format", "{{len .RootFS.Layers}}", ours));
            assertEquals(rootListing(byEngine), rootListing(ours));
            assertTrue(rootListing(ours).contains("-rw-r--r-- 0/0 " + whole.length() + " root/buildinfo/" + NAME),
                    rootListing(ours).toString());
            assertEquals(whole, Tools.docker("run", "--rm", "--user", "0", "--entrypoint", "cat", ours,
                    "/root/buildinfo/" + NAME));
            List<String> history = Tools.docker("history", "--no-trunc", "--format", "{{.CreatedBy}}", ours).lines()
                    .toList();
            List<String> engineHistory = Tools.docker("history", "--no-trunc", "--format", "{{.CreatedBy}}", byEngine)
                    .lines().toList();
            assertTrue(history.get(0).endsWith("#(nop)  " + labelLine), history.get(0));
            assertTrue(history.get(1).matches(".* #\\(nop\\) COPY file:[0-9a-f]{64} in /root/buildinfo/" + NAME
                    + " "), history.get(1));
            for (int i = 0; i < commands.size(); i++) {
                // CMD and ENTRYPOINT read in the history as the engine writes them.
                assertEquals(engineHistory.get(2 + i), history.get(2 + i));
            }
        } finally {
            pool.shutdownNow();
            for (String tag : List.of(byEngine, engineHead, ours)) {
                Command.of("/usr/bin/docker", "rmi", "-f", tag).timeout(Duration.ofMinutes(1)).run();
            }
        }
    }

    @Test
    void buildinfoAndLabels_giveTheImageTheEngineBuildsFromTheWholeDockerfile() throws Exception {
        String base = new BaseImageFixture().standard().reference();
        assertSameAsTheEngine("FROM " + base + "\nUSER 1001\nCMD [\"/bin/sh\"]\n", "");
    }

    @Test
    void trailingCmdAndEntrypoint_shellFormAfterTheStagesShell_giveTheEnginesConfig() throws Exception {
        String base = new BaseImageFixture().standard().reference();
        assertSameAsTheEngine("FROM " + base + "\nSHELL [\"/bin/sh\", \"-ec\"]\nUSER 1001\n",
                "CMD echo \"hello $HOME\" \\\n   && true\nENTRYPOINT [\"/bin/sh\", \"-c\"]\n");
    }

    @Test
    void trailingEntrypoint_inAStageThatSetNoCmd_dropsTheParentsCmd_asTheEngineDoes() throws Exception {
        String base = new BaseImageFixture().standard().reference();
        String parent = "slipway-it/buildinfo:parent-" + System.nanoTime();
        Path ctx = Files.createDirectories(dir.resolve("parent"));
        Files.writeString(ctx.resolve("Dockerfile"), "FROM " + base + "\nCMD [\"/bin/sh\"]\n");
        Tools.docker("build", "-q", "-t", parent, ctx.toString());
        try {
            assertSameAsTheEngine("FROM " + parent + "\nENV A=1\n", "ENTRYPOINT /bin/true\n");
        } finally {
            Command.of("/usr/bin/docker", "rmi", "-f", parent).timeout(Duration.ofMinutes(1)).run();
        }
    }
}
