package dev.slipway.worker.contents;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Damaged sqlite and ndb rpmdbs (the Berkeley DB cases are in BerkeleyDbRpmdbIT, built with libdb): each fails
 * with a stable code, quickly, and never yields a list.
 */
class DamagedRpmdbTest {
    @TempDir
    Path temp;

    private static List<byte[]> headers(int count) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(new HeaderBlob().string(RpmTag.NAME, "pkg-" + i).string(RpmTag.VERSION, "1." + i)
                    .string(RpmTag.RELEASE, "1").strings(RpmTag.SUMMARY, RpmHeader.TYPE_I18NSTRING, "x".repeat(300))
                    .build());
        }
        return out;
    }

    private Path sqlite(List<byte[]> blobs) throws Exception {
        Path dir = Files.createDirectories(temp.resolve("sqlite-" + System.nanoTime()));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("rpmdb.sqlite"));
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE Packages (hnum INTEGER PRIMARY KEY AUTOINCREMENT, blob BLOB NOT NULL)");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO Packages (blob) VALUES (?)")) {
                for (byte[] blob : blobs) {
                    insert.setBytes(1, blob);
                    insert.executeUpdate();
                }
            }
        }
        return dir;
    }

    private Path ndb(List<byte[]> blobs) throws Exception {
        Path dir = Files.createDirectories(temp.resolve("ndb-" + System.nanoTime()));
        Files.write(dir.resolve("Packages.db"), NdbFixture.database(blobs));
        return dir;
    }

    private static ErrorCode failure(Path dir) {
        return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(SlipwayException.class,
                () -> new RpmDatabaseReader().read(dir, "/usr/lib/sysimage/rpm")).code());
    }

    private static void rewrite(Path file, java.util.function.UnaryOperator<byte[]> change) throws Exception {
        Files.write(file, change.apply(Files.readAllBytes(file)));
    }

    private static byte[] hugeIndexCount() {
        byte[] blob = new HeaderBlob().string(RpmTag.NAME, "x").string(RpmTag.VERSION, "1").build();
        ByteBuffer.wrap(blob).putInt(0, 0x7fffffff);
        return blob;
    }

    private static byte[] hugeDataLength() {
        byte[] blob = new HeaderBlob().string(RpmTag.NAME, "x").string(RpmTag.VERSION, "1").build();
        ByteBuffer.wrap(blob).putInt(4, -16);
        return blob;
    }

    private static byte[] indexOutOfBounds() {
        byte[] blob = new HeaderBlob().string(RpmTag.NAME, "x").string(RpmTag.VERSION, "1").build();
        ByteBuffer.wrap(blob).putInt(8 + 8, 1 << 20);
        return blob;
    }

    @Test
    void sqlite_truncatedFile_failsAsUnreadable() throws Exception {
        Path dir = sqlite(headers(60));
        rewrite(dir.resolve("rpmdb.sqlite"), b -> Arrays.copyOf(b, b.length / 2));
        assertEquals(ErrorCode.CONTENTS_UNREADABLE, failure(dir));
    }

    @Test
    void sqlite_garbagePages_failAsUnreadable() throws Exception {
        Path dir = sqlite(headers(60));
        rewrite(dir.resolve("rpmdb.sqlite"), b -> {
            byte[] noise = new byte[4096 * 2];
            new Random(7).nextBytes(noise);
            System.arraycopy(noise, 0, b, 4096 * 3, Math.min(noise.length, b.length - 4096 * 3));
            return b;
        });
        assertEquals(ErrorCode.CONTENTS_UNREADABLE, failure(dir));
    }

    @Test
    void sqlite_badHeaders_failAsInvalidHeaders() throws Exception {
        for (byte[] bad : List.of(indexOutOfBounds(), hugeIndexCount(), hugeDataLength())) {
            List<byte[]> blobs = new ArrayList<>(headers(3));
            blobs.add(bad);
            assertEquals(ErrorCode.RPM_HEADER_INVALID, failure(sqlite(blobs)));
        }
    }

    @Test
    void ndb_truncatedFile_failsAsUnreadable() throws Exception {
        Path dir = ndb(headers(20));
        rewrite(dir.resolve("Packages.db"), b -> Arrays.copyOf(b, b.length - 100));
        assertEquals(ErrorCode.CONTENTS_UNREADABLE, failure(dir));
    }

    @Test
    void ndb_garbagePages_failAsUnreadable() throws Exception {
        Path dir = ndb(headers(20));
        rewrite(dir.resolve("Packages.db"), b -> {
            byte[] noise = new byte[2048];
            new Random(7).nextBytes(noise);
            System.arraycopy(noise, 0, b, 5000, noise.length);
            return b;
        });
        assertEquals(ErrorCode.CONTENTS_UNREADABLE, failure(dir));
    }

    @Test
    void ndb_badHeaders_failAsInvalidHeaders() throws Exception {
        for (byte[] bad : List.of(indexOutOfBounds(), hugeIndexCount(), hugeDataLength())) {
            List<byte[]> blobs = new ArrayList<>(headers(3));
            blobs.add(bad);
            assertEquals(ErrorCode.RPM_HEADER_INVALID, failure(ndb(blobs)));
        }
    }
}
