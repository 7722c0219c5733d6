package dev.slipway.worker.mirror;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.image.Digest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecksumFileTest {
    /** sha256 of "hello\n". */
    private static final String HELLO = "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03";
    private static final String EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @TempDir
    Path dir;

    @Test
    void write_listsEveryFileSortedWithTwoSpaces() throws Exception {
        Files.writeString(dir.resolve("b.txt"), "hello\n");
        Files.createDirectories(dir.resolve("a/deep"));
        Files.writeString(dir.resolve("a/deep/empty"), "");
        ChecksumFile.write(dir);
        assertEquals(List.of(EMPTY + "  a/deep/empty", HELLO + "  b.txt"),
                Files.readAllLines(dir.resolve(ChecksumFile.NAME)));
    }

    @Test
    void write_knownDigest_isTakenFromTheWriterInsteadOfReadingTheFile() throws Exception {
        Files.writeString(dir.resolve("b.txt"), "hello\n");
        Files.writeString(dir.resolve("big.tar.gz"), "not what the writer hashed");
        ChecksumFile.write(dir, Map.of("big.tar.gz", Digest.parse("sha256:" + EMPTY)));
        assertEquals(List.of(HELLO + "  b.txt", EMPTY + "  big.tar.gz"),
                Files.readAllLines(dir.resolve(ChecksumFile.NAME)));
    }

    @Test
    void write_isAcceptedBySha256sum() throws Exception {
        Files.writeString(dir.resolve("one"), "1");
        Files.createDirectories(dir.resolve("oci/blobs/sha256"));
        Files.write(dir.resolve("oci/blobs/sha256/x"), new byte[] {0, 1, 2, (byte) 255});
        ChecksumFile.write(dir);
        Sha256sum result = Sha256sum.check(dir);
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("one: OK"), result.output());
        assertTrue(result.output().contains("oci/blobs/sha256/x: OK"), result.output());
    }

    @Test
    void write_again_doesNotListItsOwnFile() throws Exception {
        Files.writeString(dir.resolve("f"), "hello\n");
        ChecksumFile.write(dir);
        ChecksumFile.write(dir);
        assertEquals(List.of(HELLO + "  f"), Files.readAllLines(dir.resolve(ChecksumFile.NAME)));
    }

    @Test
    void write_nestedFileNamedChecksum_isListed() throws Exception {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/CHECKSUM"), "hello\n");
        ChecksumFile.write(dir);
        assertEquals(List.of(HELLO + "  sub/CHECKSUM"), Files.readAllLines(dir.resolve(ChecksumFile.NAME)));
    }

    @Test
    void sha256sum_detectsAChangedFile() throws Exception {
        Files.writeString(dir.resolve("f"), "hello\n");
        ChecksumFile.write(dir);
        Files.writeString(dir.resolve("f"), "tampered\n");
        Sha256sum result = Sha256sum.check(dir);
        assertNotEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("f: FAILED"), result.output());
    }

    @Test
    void sha256_ofFile_equalsSha256sum() throws Exception {
        Path f = Files.writeString(dir.resolve("f"), "hello\n");
        assertEquals("sha256:" + HELLO, ChecksumFile.sha256(f).toString());
    }
}
