package dev.slipway.worker.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import dev.slipway.common.json.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OciImageWriterTest {
    @TempDir
    Path tmp;

    private final ObjectMapper json = Json.mapper();
    private final ExecutorService compressors = Executors.newFixedThreadPool(2);
    private final OciImageWriter writer = new OciImageWriter(json, compressors);

    @AfterEach
    void stop() {
        compressors.shutdownNow();
    }

    private static DockerSaveTar threeLayers() throws IOException {
        return new DockerSaveTar().withLayers(DockerSaveTar.layer("a.txt", "first\n"),
                DockerSaveTar.layer("b.txt", "second\n"), DockerSaveTar.layer("c.txt", "third\n"));
    }

    private SavedImage saved(DockerSaveTar save, String name) throws IOException {
        return new DockerArchiveReader(json, compressors).read(new ByteArrayInputStream(save.bytes()),
                tmp.resolve(name));
    }

    private static Map<String, String> annotations() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("org.opencontainers.image.version", "1.0");
        a.put("org.opencontainers.image.created", "2024-05-01T12:00:00Z");
        a.put("com.example.z", "last");
        a.put("org.opencontainers.image.revision", "0123456789abcdef0123456789abcdef01234567");
        return a;
    }

    private static byte[] gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }

    private static List<Path> blobFiles(Path layout) throws IOException {
        try (Stream<Path> s = Files.list(layout.resolve("blobs/sha256"))) {
            return s.sorted().toList();
        }
    }

    @Test
    void write_everyBlobHashesToItsName_noTemporaryFilesLeft() throws Exception {
        OciImage image = writer.write(saved(threeLayers().withMatchingConfig(), "s"), annotations(),
                tmp.resolve("oci"), "1.0-1");
        List<Path> blobs = blobFiles(image.layout());
        assertEquals(5, blobs.size(), "config, three layers and the manifest: " + blobs);
        for (Path blob : blobs) {
            assertEquals(blob.getFileName().toString(), Digest.sha256(Files.readAllBytes(blob)).hex());
        }
    }

    @Test
    void write_layoutMarkerAndIndexPointAtTheManifest() throws Exception {
        OciImage image = writer.write(saved(threeLayers().withMatchingConfig(), "s"), annotations(),
                tmp.resolve("oci"), "1.0-1");
        JsonNode layout = json.readTree(tmp.resolve("oci/oci-layout").toFile());
        assertEquals("1.0.0", layout.get("imageLayoutVersion").asText());
        JsonNode index = json.readTree(tmp.resolve("oci/index.json").toFile());
        assertEquals(2, index.get("schemaVersion").asInt());
        assertEquals("application/vnd.oci.image.index.v1+json", index.get("mediaType").asText());
        assertEquals(1, index.get("manifests").size());
        JsonNode entry = index.get("manifests").get(0);
        assertEquals(OciImageWriter.MANIFEST, entry.get("mediaType").asText());
        assertEquals(image.manifestDigest().toString(), entry.get("digest").asText());
        assertEquals(image.manifest().length, entry.get("size").asLong());
        assertEquals("1.0-1", entry.get("annotations").get("org.opencontainers.image.ref.name").asText());
    }

    @Test
    void write_manifestDigestIsTheSha256OfTheStoredBytes() throws Exception {
        OciImage image = writer.write(saved(threeLayers().withMatchingConfig(), "s"), Map.of(), tmp.resolve("oci"),
                "t");
        assertEquals(Digest.sha256(image.manifest()), image.manifestDigest());
        assertArrayEquals(image.manifest(), Files.readAllBytes(image.blob(image.manifestDigest())));
        assertEquals(OciImageWriter.MANIFEST, image.mediaType());
    }

    @Test
    void write_manifestListsConfigAndGzipLayersInOrder() throws Exception {
        DockerSaveTar save = threeLayers().withMatchingConfig();
        OciImage image = writer.write(saved(save, "s"), Map.of(), tmp.resolve("oci"), "t");
        JsonNode m = json.readTree(image.manifest());
        assertEquals(2, m.get("schemaVersion").asInt());
        assertEquals(OciImageWriter.MANIFEST, m.get("mediaType").asText());
        assertEquals(OciImageWriter.CONFIG, m.get("config").get("mediaType").asText());
        assertEquals(Digest.sha256(save.config).toString(), m.get("config").get("digest").asText());
        assertEquals(save.config.length, m.get("config").get("size").asLong());
        assertEquals(Digest.sha256(save.config), image.imageId());

        JsonNode layers = m.get("layers");
        assertEquals(3, layers.size());
        for (int i = 0; i < 3; i++) {
            JsonNode layer = layers.get(i);
            assertEquals("application/vnd.oci.image.layer.v1.tar+gzip", layer.get("mediaType").asText());
            Digest digest = Digest.parse(layer.get("digest").asText());
            Path blob = image.blob(digest);
            assertEquals(Files.size(blob), layer.get("size").asLong());
            assertArrayEquals(save.layers.get(i), gunzip(blob), "layer " + i + " keeps its place and content");

            Descriptor d = image.layers().get(i);
            assertEquals(digest, d.digest());
            assertEquals(Digest.sha256(save.layers.get(i)), d.diffId());
            assertEquals(save.layers.get(i).length, d.uncompressedSize());
        }
        assertFalse(m.has("annotations"), "no annotations given, none written");
    }

    @Test
    void write_annotationsAreSortedByKey() throws Exception {
        OciImage image = writer.write(saved(threeLayers().withMatchingConfig(), "s"), annotations(),
                tmp.resolve("oci"), "t");
        JsonNode a = json.readTree(image.manifest()).get("annotations");
        List<String> keys = new ArrayList<>();
        a.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("com.example.z", "org.opencontainers.image.created", "org.opencontainers.image.revision",
                "org.opencontainers.image.version"), keys);
        assertEquals("1.0", a.get("org.opencontainers.image.version").asText());
    }

    @Test
    void write_sameInputTwice_givesTheSameManifestDigest() throws Exception {
        DockerSaveTar save = threeLayers().withMatchingConfig();
        OciImage first = writer.write(saved(save, "s1"), annotations(), tmp.resolve("oci1"), "t");
        OciImage second = writer.write(saved(save, "s2"), annotations(), tmp.resolve("oci2"), "t");
        assertEquals(first.manifestDigest(), second.manifestDigest());
    }

    @Test
    void write_identicalLayersTwice_bothListed() throws Exception {
        byte[] same = DockerSaveTar.layer("same.txt", "same\n");
        DockerSaveTar save = new DockerSaveTar().withLayers(same, DockerSaveTar.layer("x", "x"), same)
                .withMatchingConfig();
        OciImage image = writer.write(saved(save, "s"), Map.of(), tmp.resolve("oci"), "t");
        assertEquals(3, image.layers().size());
        assertEquals(image.layers().get(0).digest(), image.layers().get(2).digest());
        assertEquals(4, blobFiles(image.layout()).size(), "config, two distinct layers, manifest");
    }

    @Test
    void write_identicalLayersCompressedAtOnce_neverLoseTheBlob() throws Exception {
        byte[] same = DockerSaveTar.layer("same.txt", "x".repeat(100_000));
        byte[][] layers = new byte[8][];
        java.util.Arrays.fill(layers, same);
        SavedImage image = saved(new DockerSaveTar().withLayers(layers).withMatchingConfig(), "s");
        ExecutorService wide = Executors.newFixedThreadPool(8);
        try {
            for (int i = 0; i < 20; i++) {
                OciImage written = new OciImageWriter(json, wide).write(image, Map.of(), tmp.resolve("oci" + i), "t");
                assertEquals(8, written.layers().size());
                assertEquals(3, blobFiles(written.layout()).size(), "config, one layer blob, manifest");
            }
        } finally {
            wide.shutdownNow();
        }
    }

    @Test
    void write_diffIdsInAnotherOrder_refused() throws Exception {
        DockerSaveTar save = threeLayers();
        List<String> ids = new ArrayList<>();
        for (byte[] layer : save.layers) {
            ids.add(Digest.sha256(layer).toString());
        }
        List<String> swapped = List.of(ids.get(1), ids.get(0), ids.get(2));
        SavedImage image = saved(save.withConfigDiffIds(swapped), "s");
        SlipwayException e = assertThrows(SlipwayException.class,
                () -> writer.write(image, Map.of(), tmp.resolve("oci"), "t"));
        assertEquals(ErrorCode.REGISTRY_DIGEST_MISMATCH, e.code());
        assertTrue(e.getMessage().contains(ids.get(0)) && e.getMessage().contains(ids.get(1)), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("oci/index.json")), "no layout that claims to be complete");
    }

    @Test
    void write_diffIdMissingForALayer_refused() throws Exception {
        DockerSaveTar save = threeLayers();
        SavedImage image = saved(save.withConfigDiffIds(List.of(Digest.sha256(save.layers.get(0)).toString())), "s");
        SlipwayException e = assertThrows(SlipwayException.class,
                () -> writer.write(image, Map.of(), tmp.resolve("oci"), "t"));
        assertEquals(ErrorCode.REGISTRY_DIGEST_MISMATCH, e.code());
    }

    @Test
    void write_layerBlobMissing_refusedNamingTheLayout() throws Exception {
        SavedImage ok = saved(threeLayers().withMatchingConfig(), "s");
        Files.delete(ok.blob(ok.layerBlobs().get(1)));
        SlipwayException e = assertThrows(SlipwayException.class,
                () -> writer.write(ok, Map.of(), tmp.resolve("oci"), "t"));
        assertEquals(ErrorCode.MIRROR_EXPORT_FAILED, e.code());
        assertTrue(e.getMessage().contains(tmp.resolve("oci").toString()), e.getMessage());
    }

    @Test
    void descriptor_configHasNoDiffId() throws Exception {
        OciImage image = writer.write(saved(threeLayers().withMatchingConfig(), "s"), Map.of(), tmp.resolve("oci"),
                "t");
        assertNull(image.config().diffId());
        assertEquals(OciImageWriter.CONFIG, image.config().mediaType());
    }
}
