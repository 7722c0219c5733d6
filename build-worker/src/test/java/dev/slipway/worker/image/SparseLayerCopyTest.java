package dev.slipway.worker.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.json.Json;
import dev.slipway.common.process.Command;
import dev.slipway.worker.contents.ImageContentsReader;
import dev.slipway.worker.contents.LayeredFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparseLayerCopyTest {
    private static final String DB = "usr/lib/sysimage/rpm/rpmdb.sqlite";
    private static final String LONG_DIR = "opt/" + "a-rather-long-directory-name/".repeat(5);

    @TempDir
    Path tmp;

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** A layer: a big file nobody reads, the database (big too), small files, a long name, a link. */
    private static byte[] layer(int longFileMode) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(longFileMode);
            file(tar, "big.bin", random(300 * 1024, 1));
            file(tar, "etc/os-release", "ID=fedora\n".getBytes(StandardCharsets.UTF_8));
            file(tar, DB, random(200 * 1024, 2));
            file(tar, LONG_DIR + "huge.bin", random(500 * 1024, 3));
            file(tar, LONG_DIR + "rpmdb.sqlite-wal", random(100 * 1024, 4));
            TarArchiveEntry link = new TarArchiveEntry("var/lib/rpm", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName("../../usr/lib/sysimage/rpm");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }

    private static void file(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    private Path copy(byte[] layer, int chunk) throws IOException {
        Path target = tmp.resolve("layer.tar");
        try (SparseLayerCopy copy = new SparseLayerCopy(target, ImageContentsReader::mayReadFileNamed)) {
            for (int at = 0; at < layer.length; at += chunk) {
                copy.write(layer, at, Math.min(chunk, layer.length - at));
            }
        }
        return target;
    }

    /** Every entry's data as the copy holds it, by name. */
    private static byte[] data(Path copy, String name) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(copy))) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null;) {
                if (e.getName().equals(name)) {
                    return tar.readAllBytes();
                }
            }
        }
        throw new AssertionError(name + " is not in the copy");
    }

    @Test
    void copy_keepsHeadersAndWantedFiles_leavesLargeOtherFilesAsZeroHoles() throws Exception {
        for (int mode : new int[] {TarArchiveOutputStream.LONGFILE_POSIX, TarArchiveOutputStream.LONGFILE_GNU}) {
            byte[] layer = layer(mode);
            for (int chunk : new int[] {1, 511, 4096, 1 << 20}) {
                Path copy = copy(layer, chunk);
                assertEquals(layer.length, Files.size(copy), "mode " + mode + " chunk " + chunk);
                assertArrayEquals(data(layerFile(layer), DB), data(copy, DB));
                assertArrayEquals(random(100 * 1024, 4), data(copy, LONG_DIR + "rpmdb.sqlite-wal"));
                assertArrayEquals("ID=fedora\n".getBytes(StandardCharsets.UTF_8), data(copy, "etc/os-release"));
                assertArrayEquals(new byte[300 * 1024], data(copy, "big.bin"));
                assertArrayEquals(new byte[500 * 1024], data(copy, LONG_DIR + "huge.bin"));
            }
        }
    }

    @Test
    void copy_ofALayerOfOneBigFile_takesItsHeadersOnDisk() throws Exception {
        byte[] layer = DockerSaveTar.layer("big.bin", random(8 << 20, 5));
        Path copy = copy(layer, 1 << 16);
        assertEquals(layer.length, Files.size(copy));
        long blocks = Long.parseLong(Command.of("stat", "-c", "%b", copy.toString()).output().strip());
        assertTrue(blocks * 512 < 1 << 20, "the copy takes " + blocks * 512 + " bytes on disk");
    }

    @Test
    void copy_isReadByThePackageReaderLikeTheLayer() throws Exception {
        byte[] layer = layer(TarArchiveOutputStream.LONGFILE_POSIX);
        Path copy = copy(layer, 8192);
        LayeredFiles files = LayeredFiles.of(List.of(copy));
        assertTrue(files.isFile("/var/lib/rpm/rpmdb.sqlite"));
        Path out = tmp.resolve("db");
        files.copy("/var/lib/rpm/rpmdb.sqlite", out, Long.MAX_VALUE);
        assertArrayEquals(random(200 * 1024, 2), Files.readAllBytes(out));
    }

    @Test
    void copy_notATar_isWrittenWhole() throws Exception {
        byte[] garbage = random(300 * 1024, 6);
        garbage[124] = 'x'; // no octal size where a header's would be
        assertArrayEquals(garbage, Files.readAllBytes(copy(garbage, 4096)));
    }

    @Test
    void copy_wantedHardLinkToLeftOutData_isIncomplete_andTheReaderKeepsTheWholeLayer() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            file(tar, "srv/data.bin", random(200 * 1024, 7));
            TarArchiveEntry link = new TarArchiveEntry(DB, TarArchiveEntry.LF_LINK);
            link.setLinkName("srv/data.bin");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
        }
        byte[] layer = bytes.toByteArray();
        SparseLayerCopy copy = new SparseLayerCopy(tmp.resolve("linked.tar"), ImageContentsReader::mayReadFileNamed);
        copy.write(layer, 0, layer.length);
        copy.close();
        assertFalse(copy.complete());

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            DockerSaveTar save = new DockerSaveTar().withLayers(layer).withMatchingConfig();
            SavedImage image = new DockerArchiveReader(Json.mapper(), pool, ImageContentsReader::mayReadFileNamed)
                    .read(new ByteArrayInputStream(save.bytes()), tmp.resolve("saved"));
            assertArrayEquals(layer, Files.readAllBytes(image.layerTars().get(0)));
        } finally {
            pool.shutdownNow();
        }
    }

    private Path layerFile(byte[] layer) throws IOException {
        Path p = tmp.resolve("original.tar");
        Files.write(p, layer);
        return p;
    }

    @Test
    void copy_everythingWanted_isTheLayerByteForByte() throws Exception {
        byte[] layer = layer(TarArchiveOutputStream.LONGFILE_POSIX);
        Path target = tmp.resolve("all.tar");
        try (SparseLayerCopy copy = new SparseLayerCopy(target, name -> true)) {
            copy.write(layer, 0, layer.length);
        }
        assertTrue(Arrays.equals(layer, Files.readAllBytes(target)));
    }
}
