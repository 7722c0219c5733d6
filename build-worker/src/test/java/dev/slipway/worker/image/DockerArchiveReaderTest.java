package dev.slipway.worker.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.json.Json;
import dev.slipway.common.image.Digest;
import dev.slipway.common.process.Command;
import dev.slipway.common.process.CommandResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerArchiveReaderTest {
    @TempDir
    Path tmp;

    private final ExecutorService compressors = Executors.newFixedThreadPool(2);
    private final DockerArchiveReader reader = new DockerArchiveReader(Json.mapper(), compressors);

    @AfterEach
    void stop() {
        compressors.shutdownNow();
    }

    private static DockerSaveTar twoLayers() throws IOException {
        return new DockerSaveTar().withLayers(DockerSaveTar.layer("hello.txt", "hello\n"),
                DockerSaveTar.layer("etc/os-release", "ID=test\n")).withMatchingConfig();
    }

    private SavedImage read(byte[] archive) {
        return reader.read(new ByteArrayInputStream(archive), tmp.resolve("saved"));
    }

    private static byte[] gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }

    private SlipwayException refused(byte[] archive) {
        SlipwayException e = assertThrows(SlipwayException.class, () -> read(archive));
        assertEquals(ErrorCode.ENGINE_ERROR, e.code(), e.getMessage());
        return e;
    }

    @Test
    void read_keepsExactConfigBytesAndLayersInOrder() throws Exception {
        DockerSaveTar save = twoLayers();
        SavedImage image = read(save.bytes());
        assertArrayEquals(save.config, image.config());
        assertEquals(2, image.layerTars().size());
        assertArrayEquals(save.layers.get(0), Files.readAllBytes(image.layerTars().get(0)));
        assertArrayEquals(save.layers.get(1), Files.readAllBytes(image.layerTars().get(1)));
    }

    @Test
    void read_trailingRecordPadding_isReadToTheEnd() throws Exception {
        // GNU tar pads archives to 10 KiB records; the engine's answer is read to its end all the same.
        byte[] tar = twoLayers().bytes();
        ByteArrayInputStream in = new ByteArrayInputStream(Arrays.copyOf(tar, tar.length + 10240 * 3));
        assertEquals(2, reader.read(in, tmp.resolve("saved")).layerTars().size());
        assertEquals(0, in.available());
    }

    @Test
    void read_moreThanOneImage_refused() throws Exception {
        byte[] twoImages = twoLayers().withEntry("manifest.json",
                "[{\"Config\":\"a.json\",\"Layers\":[]},{\"Config\":\"b.json\",\"Layers\":[]}]"
                        .getBytes(StandardCharsets.UTF_8)).bytes();
        SlipwayException e = refused(twoImages);
        assertTrue(e.getMessage().contains("2 images"), e.getMessage());
    }

    @Test
    void read_manifestNamingMissingLayer_refusedNamingIt() throws Exception {
        DockerSaveTar save = twoLayers();
        String configName = dev.slipway.common.image.Digest.sha256(save.config).hex() + ".json";
        byte[] bad = save.withEntry("manifest.json", ("[{\"Config\":\"" + configName
                + "\",\"Layers\":[\"gone/layer.tar\"]}]").getBytes(StandardCharsets.UTF_8)).bytes();
        SlipwayException e = refused(bad);
        assertTrue(e.getMessage().contains("gone/layer.tar"), e.getMessage());
    }

    @Test
    void read_manifestPointingOutside_refused() throws Exception {
        Files.writeString(tmp.resolve("secret.json"), "{}");
        byte[] bad = twoLayers().withEntry("manifest.json",
                "[{\"Config\":\"../secret.json\",\"Layers\":[]}]".getBytes(StandardCharsets.UTF_8)).bytes();
        SlipwayException e = refused(bad);
        assertTrue(e.getMessage().contains("../secret.json"), e.getMessage());
    }

    @Test
    void read_entryEscapingTheDirectory_refused() throws Exception {
        byte[] bad = twoLayers().withEntry("../escaped.txt", "x".getBytes(StandardCharsets.UTF_8)).bytes();
        SlipwayException e = refused(bad);
        assertTrue(e.getMessage().contains("../escaped.txt"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("escaped.txt")));
    }

    @Test
    void read_notATar_refused() {
        refused("this is not a tar archive".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void read_eachLayerIsCompressedOnceIntoABlobNamedByItsDigest() throws Exception {
        DockerSaveTar save = twoLayers();
        SavedImage image = read(save.bytes());
        for (int i = 0; i < 2; i++) {
            Descriptor blob = image.layerBlobs().get(i);
            Path file = image.blob(blob);
            assertArrayEquals(save.layers.get(i), gunzip(file));
            assertEquals(blob.digest(), Digest.sha256(Files.readAllBytes(file)));
            assertEquals(Digest.sha256(save.layers.get(i)), blob.diffId());
            assertEquals(save.layers.get(i).length, blob.uncompressedSize());
            assertEquals(Files.size(file), blob.size());
        }
    }

    @Test
    void read_largeLayerInManyBlocks_blobChecksWithGzipAndSha256sum() throws Exception {
        // 3.5 MiB: random bytes and repeated text, so blocks both compress and do not; more blocks than threads.
        byte[] random = new byte[2 << 20];
        new Random(7).nextBytes(random);
        String text = "all work and no play makes the worker a dull boy\n".repeat(30_000);
        byte[] content = ByteBuffer.allocate(random.length + text.length()).put(random)
                .put(text.getBytes(StandardCharsets.US_ASCII)).array();
        DockerSaveTar save = new DockerSaveTar().withLayers(DockerSaveTar.layer("big.bin", content),
                DockerSaveTar.layer("small.txt", "x\n")).withMatchingConfig();
        byte[] input = save.bytes();
        SavedImage image = read(input);
        Path blob = image.blob(image.layerBlobs().get(0));
        assertEquals("", run("/usr/bin/gzip", "-t", blob.toString()));
        assertEquals(image.layerBlobs().get(0).digest().hex() + "  " + blob, run("/usr/bin/sha256sum",
                blob.toString()).strip());
        assertArrayEquals(save.layers.get(0), gunzip(blob));
    }

    /** A layer of 1.5 MiB of random bytes in one large file: big enough to be taken for a known layer. */
    private static byte[] bigLayer(long seed) throws IOException {
        byte[] random = new byte[3 << 19];
        new Random(seed).nextBytes(random);
        return DockerSaveTar.layer("big.bin", random);
    }

    /** The registry's view of {@code layer}: its gzip under its own digest, matched by size. */
    private KnownLayers registryHolding(byte[] layer, Digest diffId, AtomicInteger fetches) throws IOException {
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gz)) {
            out.write(layer);
        }
        byte[] blob = gz.toByteArray();
        Descriptor known = new Descriptor(OciImageWriter.LAYER, Digest.sha256(blob), blob.length, diffId, layer.length);
        return new KnownLayers() {
            @Override
            public Optional<Descriptor> lookup(Digest id) {
                return id.equals(diffId) ? Optional.of(known) : Optional.empty();
            }

            @Override
            public void fetch(Descriptor compressed, Path target) {
                fetches.incrementAndGet();
                try {
                    Files.write(target, blob);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }

            @Override
            public Optional<Descriptor> bySize(long size) {
                return size == layer.length ? Optional.of(known) : Optional.empty();
            }
        };
    }

    private static List<String> blobFiles(SavedImage image) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.list(image.blobDirectory())) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void knownLayer_isKeptAndHashedButNeverCompressed_itsDescriptorTheRegistrys() throws Exception {
        byte[] parent = bigLayer(1);
        DockerSaveTar save = new DockerSaveTar().withLayers(parent, DockerSaveTar.layer("app.txt", "app\n"))
                .withMatchingConfig();
        AtomicInteger fetches = new AtomicInteger();
        KnownLayers registry = registryHolding(parent, Digest.sha256(parent), fetches);
        SavedImage image = reader.read(new ByteArrayInputStream(save.bytes()), tmp.resolve("saved"), registry);
        Descriptor known = image.layerBlobs().get(0);
        assertEquals(registry.lookup(Digest.sha256(parent)).orElseThrow().digest(), known.digest());
        assertEquals(Digest.sha256(parent), known.diffId());
        assertEquals(parent.length, known.uncompressedSize());
        assertArrayEquals(parent, Files.readAllBytes(image.layerTars().get(0)));
        assertEquals(List.of(image.layerBlobs().get(1).digest().hex()), blobFiles(image),
                "only the new layer was compressed");
        assertEquals(0, fetches.get(), "the registry's blob is not needed to read the image");
        // The OCI layout then takes the registry's blob for it.
        OciImage layout = new OciImageWriter(Json.mapper(), compressors).write(image, java.util.Map.of(),
                tmp.resolve("oci"), "1", registry);
        assertArrayEquals(parent, gunzip(layout.blob(known.digest())));
    }

    @Test
    void sameSizeOtherContent_isCompressedFromTheCopyAfterAll() throws Exception {
        byte[] parent = bigLayer(1);
        byte[] other = bigLayer(2);
        assertEquals(parent.length, other.length);
        DockerSaveTar save = new DockerSaveTar().withLayers(other).withMatchingConfig();
        SavedImage image = reader.read(new ByteArrayInputStream(save.bytes()), tmp.resolve("saved"),
                registryHolding(parent, Digest.sha256(parent), new AtomicInteger()));
        Descriptor blob = image.layerBlobs().get(0);
        assertEquals(Digest.sha256(other), blob.diffId());
        assertArrayEquals(other, gunzip(image.blob(blob)));
        assertEquals(blob.digest(), Digest.sha256(Files.readAllBytes(image.blob(blob))));
        assertArrayEquals(other, Files.readAllBytes(image.layerTars().get(0)));
    }

    @Test
    void sameSizeOtherContent_whoseCopyLeftDataOut_asksForAReadWithoutKnownLayers() throws Exception {
        byte[] parent = bigLayer(1);
        DockerSaveTar save = new DockerSaveTar().withLayers(bigLayer(2)).withMatchingConfig();
        DockerArchiveReader packagesOnly = new DockerArchiveReader(Json.mapper(), compressors, name -> false);
        SizeMatchedOtherLayerException e = assertThrows(SizeMatchedOtherLayerException.class,
                () -> packagesOnly.read(new ByteArrayInputStream(save.bytes()), tmp.resolve("saved"),
                        registryHolding(parent, Digest.sha256(parent), new AtomicInteger())));
        assertTrue(e.getMessage().contains(Digest.sha256(parent).toString()), e.getMessage());
    }

    private static String run(String... command) {
        CommandResult result = Command.of(command).run();
        assertEquals(0, result.exitCode(), result.output());
        return result.output();
    }
}
