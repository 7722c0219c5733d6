package dev.slipway.worker.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrefetchedLayersTest {
    private static final byte[] BLOB = "compressed parent layer".getBytes(StandardCharsets.UTF_8);
    private static final Digest DIFF_ID = Digest.sha256("uncompressed".getBytes(StandardCharsets.UTF_8));
    private static final Descriptor LAYER = new Descriptor(OciImageWriter.LAYER, Digest.sha256(BLOB), BLOB.length,
            DIFF_ID, -1);
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @TempDir
    Path tmp;

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void start_downloadsBeforeTheWriterAsks_andFetchPlacesTheSameBytesWithoutASecondDownload() throws Exception {
        AtomicInteger downloads = new AtomicInteger();
        CountDownLatch downloaded = new CountDownLatch(1);
        KnownLayers registry = KnownLayers.of(Map.of(DIFF_ID, LAYER), (d, target) -> {
            downloads.incrementAndGet();
            write(target);
            downloaded.countDown();
        });
        try (PrefetchedLayers prefetched = PrefetchedLayers.start(registry, List.of(LAYER), tmp.resolve("base"),
                pool)) {
            assertTrue(downloaded.await(20, TimeUnit.SECONDS), "the download starts without anyone asking");
            assertEquals(LAYER, prefetched.lookup(DIFF_ID).orElseThrow());
            Path target = tmp.resolve("layout-blob");
            prefetched.fetch(LAYER, target);
            assertArrayEquals(BLOB, Files.readAllBytes(target));
        }
        assertEquals(1, downloads.get());
    }

    @Test
    void fetch_downloadFailed_throwsTheRegistrysError() throws Exception {
        KnownLayers registry = KnownLayers.of(Map.of(DIFF_ID, LAYER), (d, target) -> {
            throw new SlipwayException(ErrorCode.REGISTRY_DIGEST_MISMATCH, "Tried to fetch " + d.digest()
                    + " but its bytes hash to something else");
        });
        try (PrefetchedLayers prefetched = PrefetchedLayers.start(registry, List.of(LAYER), tmp.resolve("base"),
                pool)) {
            SlipwayException e = assertThrows(SlipwayException.class,
                    () -> prefetched.fetch(LAYER, tmp.resolve("layout-blob")));
            assertEquals(ErrorCode.REGISTRY_DIGEST_MISMATCH, e.code());
        }
    }

    @Test
    void close_stopsADownloadStillRunning() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        KnownLayers registry = KnownLayers.of(Map.of(DIFF_ID, LAYER), (d, target) -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        });
        PrefetchedLayers prefetched = PrefetchedLayers.start(registry, List.of(LAYER), tmp.resolve("base"), pool);
        assertTrue(started.await(20, TimeUnit.SECONDS));
        prefetched.close();
        assertTrue(interrupted.await(20, TimeUnit.SECONDS), "the build ended: its download stops");
        assertThrows(SlipwayException.class, () -> prefetched.fetch(LAYER, tmp.resolve("layout-blob")));
    }

    private static void write(Path target) {
        try {
            Files.write(target, BLOB);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A real gzip member of {@code size} zero bytes, as a registry would hold a layer of that size. */
    private static byte[] gzipOf(int size) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write(new byte[size]);
        }
        return out.toByteArray();
    }

    @Test
    void bySize_matchesTheSizeEachBlobsGzipTrailerRecords_andNoSizeTwoLayersShare() throws Exception {
        Map<Digest, byte[]> blobs = new java.util.HashMap<>();
        Map<Digest, Descriptor> known = new java.util.HashMap<>();
        int[] sizes = {3 << 20, 5 << 20, 5 << 20};
        for (int i = 0; i < sizes.length; i++) {
            byte[] blob = gzipOf(sizes[i]); // the two 5 MiB layers differ only in their diff_id here
            Digest diffId = Digest.sha256(("layer " + i).getBytes(StandardCharsets.UTF_8));
            Digest digest = Digest.sha256(("blob " + i).getBytes(StandardCharsets.UTF_8));
            Descriptor d = new Descriptor(OciImageWriter.LAYER, digest, blob.length, diffId, -1);
            blobs.put(d.digest(), blob);
            known.put(diffId, d);
        }
        KnownLayers registry = KnownLayers.of(known, (d, target) -> {
            try {
                Files.write(target, blobs.get(d.digest()));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try (PrefetchedLayers prefetched = PrefetchedLayers.start(registry, known.values(), tmp.resolve("base"),
                pool)) {
            Descriptor three = prefetched.bySize(3 << 20).orElseThrow();
            assertEquals(Digest.sha256("layer 0".getBytes(StandardCharsets.UTF_8)), three.diffId());
            assertEquals(3 << 20, three.uncompressedSize());
            assertTrue(prefetched.bySize(5 << 20).isEmpty(), "two layers of that size: neither is a match");
            assertTrue(prefetched.bySize((3 << 20) + 512).isEmpty());
            assertEquals(three, prefetched.bySize((3L << 20) + (1L << 32)).orElseThrow(),
                    "gzip records the size modulo 2^32");
        }
    }
}
