package dev.slipway.worker.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.common.image.Digest;
import dev.slipway.common.json.Json;
import dev.slipway.common.process.Command;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LastInstructionsTest {
    private static final Instant BUILT = Instant.parse("2026-12-02T10:11:12Z");
    private static final String PATH = "/root/buildinfo/Dockerfile-app-1.0-1";
    private static final byte[] DOCKERFILE = "FROM base\nCOPY x /root/buildinfo/x\nLABEL \"a\"=\"1\"\n"
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;

    private final ObjectMapper json = Json.mapper();
    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private SavedImage saved(DockerSaveTar save) throws IOException {
        return new DockerArchiveReader(json, pool).read(new ByteArrayInputStream(save.bytes()), tmp.resolve("saved"));
    }

    private static DockerSaveTar engineImage(String created, Map<String, String> labels) throws IOException {
        DockerSaveTar save = new DockerSaveTar().withLayers(DockerSaveTar.layer("etc/os-release", "ID=test\n"))
                .withMatchingConfig();
        ObjectNode config = (ObjectNode) Json.mapper().readTree(save.config);
        if (created != null) {
            config.put("created", created);
        }
        ObjectNode own = ((ObjectNode) config.get("config")).putObject("Labels");
        labels.forEach(own::put);
        config.putArray("history").addObject().put("created", created == null ? "x" : created)
                .put("created_by", "/bin/sh -c #(nop) ADD file:abc in / ");
        save.config = Json.mapper().writeValueAsBytes(config);
        return save;
    }

    private static LastInstructions.Contents contents(boolean scratch) {
        return new LastInstructions.Contents(PATH, DOCKERFILE, Map.of("release", "1", "name", "app"),
                "LABEL \"name\"=\"app\" \"release\"=\"1\"", BUILT, scratch);
    }

    @Test
    void config_mergesTheLabels_laterWins_sortedAsTheEngineWritesThem() throws Exception {
        SavedImage engine = saved(engineImage("2026-12-02T10:11:30.123456789Z", Map.of("zz", "own", "release", "0")));
        SavedImage image = new LastInstructions(json).addTo(engine, contents(false));
        JsonNode labels = json.readTree(image.config()).path("config").path("Labels");
        assertEquals("{\"name\":\"app\",\"release\":\"1\",\"zz\":\"own\"}", labels.toString());
        assertEquals("[\"/bin/sh\"]", json.readTree(image.config()).path("config").path("Cmd").toString(),
                "the rest of the runtime config is the engine's");
    }

    @Test
    void config_namesTheLayer_andTheHistoryShowsBothInstructions() throws Exception {
        String created = "2026-12-02T10:11:30.123456789Z";
        SavedImage engine = saved(engineImage(created, Map.of()));
        SavedImage image = new LastInstructions(json).addTo(engine, contents(false));
        JsonNode config = json.readTree(image.config());
        assertEquals(2, image.layerTars().size());
        Descriptor layer = image.layerBlobs().get(1);
        assertEquals(List.of(engine.layerBlobs().get(0).diffId().toString(), layer.diffId().toString()),
                List.of(config.path("rootfs").path("diff_ids").get(0).asText(),
                        config.path("rootfs").path("diff_ids").get(1).asText()));
        JsonNode history = config.path("history");
        assertEquals(3, history.size());
        assertEquals("/bin/sh -c #(nop) COPY file:" + Digest.sha256(DOCKERFILE).hex() + " in " + PATH + " ",
                history.get(1).path("created_by").asText());
        assertEquals(created, history.get(1).path("created").asText(), "no history entry before the engine's");
        assertEquals("/bin/sh -c #(nop)  LABEL \"name\"=\"app\" \"release\"=\"1\"",
                history.get(2).path("created_by").asText());
        assertTrue(history.get(2).path("empty_layer").asBoolean());
        assertEquals(created, config.path("created").asText());
    }

    @Test
    void layer_holdsTheFileOwnedByRoot_asCopyWritesIt_andItsBlobIsItsGzip() throws Exception {
        SavedImage image = new LastInstructions(json).addTo(saved(engineImage(null, Map.of())), contents(false));
        Path tar = image.layerTars().get(1);
        Descriptor blob = image.layerBlobs().get(1);
        // GNU tar's listing: the file's own directory (COPY changes it) and the file; /root keeps the parent's.
        String listing = Command.of("/usr/bin/tar", "--numeric-owner", "--full-time", "-tvf", tar.toString()).output();
        assertEquals(List.of("drwxr-xr-x 0/0 0 2026-12-02 10:11:12 root/buildinfo/",
                "-rw-r--r-- 0/0 " + DOCKERFILE.length + " 2026-12-02 10:11:12 " + PATH.substring(1)),
                listing.lines().map(l -> l.replaceAll(" +", " ")).toList());
        assertEquals(blob.diffId(), Digest.sha256(Files.readAllBytes(tar)));
        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(image.blob(blob)))) {
            assertArrayEquals(Files.readAllBytes(tar), in.readAllBytes());
        }
        assertEquals(blob.digest(), Digest.sha256(Files.readAllBytes(image.blob(blob))));
        assertEquals(Files.size(image.blob(blob)), blob.size());
        assertEquals(DOCKERFILE.length, Command.of("/usr/bin/tar", "-xOf", tar.toString(), PATH.substring(1)).output()
                .length());
    }

    @Test
    void fromScratch_theLayerCreatesEveryDirectory() throws Exception {
        SavedImage image = new LastInstructions(json).addTo(saved(engineImage(null, Map.of())), contents(true));
        assertEquals(List.of("root/", "root/buildinfo/", PATH.substring(1)),
                Command.of("/usr/bin/tar", "-tf", image.layerTars().get(1).toString()).output().lines().toList());
        JsonNode history = json.readTree(image.config()).path("history");
        assertEquals(BUILT.toString(), history.get(1).path("created").asText(),
                "without the engine's time the history takes the build's");
    }

    private JsonNode withCommands(Map<String, Object> engineConfig, boolean cmdBefore,
            LastInstructions.RuntimeCommand... commands) throws Exception {
        DockerSaveTar save = engineImage("2026-12-02T10:11:30Z", Map.of());
        ObjectNode config = (ObjectNode) json.readTree(save.config);
        engineConfig.forEach((k, v) -> ((ObjectNode) config.get("config")).set(k, json.valueToTree(v)));
        save.config = json.writeValueAsBytes(config);
        SavedImage image = new LastInstructions(json).addTo(saved(save), new LastInstructions.Contents(PATH,
                DOCKERFILE, Map.of("a", "1"), "LABEL \"a\"=\"1\"", BUILT, false, List.of(commands), cmdBefore));
        return json.readTree(image.config());
    }

    private static LastInstructions.RuntimeCommand exec(LastInstructions.RuntimeCommand.Kind kind, String... args) {
        return new LastInstructions.RuntimeCommand(kind, List.of(args), null);
    }

    private static LastInstructions.RuntimeCommand shell(LastInstructions.RuntimeCommand.Kind kind, String text) {
        return new LastInstructions.RuntimeCommand(kind, null, text);
    }

    @Test
    void cmd_execFormAsWritten_shellFormAfterTheImagesShell_eachInTheHistory() throws Exception {
        JsonNode config = withCommands(Map.of("Shell", List.of("/bin/bash", "-eo", "pipefail", "-c")), false,
                exec(LastInstructions.RuntimeCommand.Kind.CMD, "/bin/app", "--say \"hi\""),
                shell(LastInstructions.RuntimeCommand.Kind.CMD, "echo $HOME | tr a-z A-Z"));
        assertEquals("[\"/bin/bash\",\"-eo\",\"pipefail\",\"-c\",\"echo $HOME | tr a-z A-Z\"]",
                config.path("config").path("Cmd").toString());
        JsonNode history = config.path("history");
        assertEquals("/bin/bash -eo pipefail -c #(nop)  CMD [\"/bin/app\" \"--say \\\"hi\\\"\"]",
                history.get(1).path("created_by").asText());
        assertTrue(history.get(1).path("empty_layer").asBoolean());
        assertEquals("/bin/bash -eo pipefail -c #(nop)  CMD [\"/bin/bash\" \"-eo\" \"pipefail\" \"-c\""
                + " \"echo $HOME | tr a-z A-Z\"]", history.get(2).path("created_by").asText());
        assertTrue(history.get(3).path("created_by").asText().startsWith("/bin/bash -eo pipefail -c #(nop) COPY "));
        assertEquals(5, history.size());
    }

    @Test
    void entrypoint_withoutACmdInTheStage_dropsTheParentsCmd_asTheBuilderDoes() throws Exception {
        JsonNode config = withCommands(Map.of(), false, shell(LastInstructions.RuntimeCommand.Kind.ENTRYPOINT,
                "/usr/bin/tini --"));
        assertEquals("[\"/bin/sh\",\"-c\",\"/usr/bin/tini --\"]", config.path("config").path("Entrypoint").toString());
        assertTrue(config.path("config").get("Cmd").isNull(), config.toString());
    }

    @Test
    void entrypoint_afterACmd_keepsIt_whetherTheCmdCameBeforeOrAmongTheDeferred() throws Exception {
        JsonNode before = withCommands(Map.of(), true, exec(LastInstructions.RuntimeCommand.Kind.ENTRYPOINT, "e"));
        assertEquals("[\"/bin/sh\"]", before.path("config").path("Cmd").toString());
        JsonNode among = withCommands(Map.of(), false, exec(LastInstructions.RuntimeCommand.Kind.CMD, "c"),
                exec(LastInstructions.RuntimeCommand.Kind.ENTRYPOINT, "e"));
        assertEquals("[\"c\"]", among.path("config").path("Cmd").toString());
        assertEquals("[\"e\"]", among.path("config").path("Entrypoint").toString());
    }

    @Test
    void contents_refuseARelativeOrDirectoryPath() {
        for (String bad : List.of("root/buildinfo/x", "/root/buildinfo/", "/root//x", "/root/../etc/x")) {
            assertThrows(IllegalArgumentException.class, () -> new LastInstructions.Contents(bad, DOCKERFILE, Map.of(),
                    "LABEL a=b", BUILT, false), bad);
        }
    }
}
