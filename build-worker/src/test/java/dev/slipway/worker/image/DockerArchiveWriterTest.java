package dev.slipway.worker.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.image.Digest;
import dev.slipway.common.json.Json;
import dev.slipway.common.process.Command;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerArchiveWriterTest {
    private static final Instant TIME = Instant.parse("2026-12-02T10:11:12Z");

    @TempDir
    Path tmp;

    private final ObjectMapper json = Json.mapper();
    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private OciImage layout(DockerSaveTar save) throws IOException {
        SavedImage saved = new DockerArchiveReader(json, pool).read(new ByteArrayInputStream(save.bytes()),
                tmp.resolve("saved"));
        return new OciImageWriter(json, pool).write(saved, Map.of(), tmp.resolve("oci"), "1.0-1");
    }

    private WrittenFile write(OciImage image) {
        return new DockerArchiveWriter(json).write(image, "slipway/app:1.0-1", TIME, tmp.resolve("image.tar.gz"));
    }

    /** Every entry of the gunzipped archive, in order, by name. */
    private static Map<String, byte[]> entries(Path archive) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new GZIPInputStream(Files.newInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                entries.put(entry.getName(), tar.readAllBytes());
                assertEquals(TIME, entry.getLastModifiedDate().toInstant(), entry.getName());
            }
        }
        return entries;
    }

    @Test
    void archive_holdsTheLayoutsConfigAndLayers_namedAsDockerLoadReadsThem() throws Exception {
        DockerSaveTar save = new DockerSaveTar().withLayers(DockerSaveTar.layer("a.txt", "first\n"),
                DockerSaveTar.layer("etc/os-release", "ID=test\n")).withMatchingConfig();
        OciImage image = layout(save);
        write(image);
        Map<String, byte[]> entries = entries(tmp.resolve("image.tar.gz"));
        String config = Digest.sha256(save.config).hex() + ".json";
        List<String> layers = new ArrayList<>();
        save.layers.forEach(l -> layers.add(Digest.sha256(l).hex() + "/layer.tar"));
        assertEquals(List.of(layers.get(0), layers.get(1), config, "manifest.json"), List.copyOf(entries.keySet()));
        assertArrayEquals(save.layers.get(0), entries.get(layers.get(0)));
        assertArrayEquals(save.layers.get(1), entries.get(layers.get(1)));
        assertArrayEquals(save.config, entries.get(config));
        JsonNode manifest = json.readTree(entries.get("manifest.json"));
        assertEquals(1, manifest.size());
        assertEquals(config, manifest.get(0).path("Config").asText());
        assertEquals("[\"slipway/app:1.0-1\"]", manifest.get(0).path("RepoTags").toString());
        assertEquals(json.valueToTree(layers), manifest.get(0).path("Layers"));
        // GNU tar and gzip read it too.
        Command.of("/usr/bin/gzip", "-t", tmp.resolve("image.tar.gz").toString()).output();
        assertEquals(String.join("\n", layers) + "\n" + config + "\nmanifest.json",
                Command.of("/usr/bin/tar", "-tzf", tmp.resolve("image.tar.gz").toString()).output().strip());
    }

    @Test
    void layers_areTheirBlobsCopied_neverCompressedAgain() throws Exception {
        byte[] random = new byte[3 << 20]; // more than one compression block
        new Random(11).nextBytes(random);
        OciImage image = layout(new DockerSaveTar().withLayers(DockerSaveTar.layer("big.bin", random),
                DockerSaveTar.layer("small.txt", "x\n")).withMatchingConfig());
        write(image);
        byte[] archive = Files.readAllBytes(tmp.resolve("image.tar.gz"));
        for (Descriptor layer : image.layers()) {
            byte[] blob = Files.readAllBytes(image.blob(layer.digest()));
            assertTrue(indexOf(archive, blob) > 0, "blob " + layer.digest() + " is in the archive as it is");
        }
        assertArrayEquals(random, entries(tmp.resolve("image.tar.gz")).values().stream()
                .filter(bytes -> bytes.length > random.length).findFirst()
                .map(DockerArchiveWriterTest::onlyFile).orElseThrow());
    }

    @Test
    void sameLayerTwice_isOneFileNamedTwice() throws Exception {
        byte[] layer = DockerSaveTar.layer("same.txt", "same\n");
        DockerSaveTar save = new DockerSaveTar().withLayers(layer, DockerSaveTar.layer("b.txt", "b\n"), layer)
                .withMatchingConfig();
        write(layout(save));
        Map<String, byte[]> entries = entries(tmp.resolve("image.tar.gz"));
        String name = Digest.sha256(layer).hex() + "/layer.tar";
        assertEquals(4, entries.size(), entries.keySet().toString());
        JsonNode layers = json.readTree(entries.get("manifest.json")).get(0).path("Layers");
        assertEquals(name, layers.get(0).asText());
        assertEquals(name, layers.get(2).asText());
    }

    @Test
    void checksums_areThoseOfTheFileWritten_asSha256sumAndMd5sumSeeThem() throws Exception {
        WrittenFile file = write(layout(new DockerSaveTar().withLayers(DockerSaveTar.layer("a.txt", "a\n"))
                .withMatchingConfig()));
        String path = tmp.resolve("image.tar.gz").toString();
        assertEquals(Files.size(Path.of(path)), file.size());
        assertEquals(file.sha256().hex(), Command.of("/usr/bin/sha256sum", path).output().split(" ")[0]);
        assertEquals(file.md5(), Command.of("/usr/bin/md5sum", path).output().split(" ")[0]);
    }

    private static byte[] onlyFile(byte[] layerTar) {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new ByteArrayInputStream(layerTar))) {
            tar.getNextEntry();
            return tar.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
