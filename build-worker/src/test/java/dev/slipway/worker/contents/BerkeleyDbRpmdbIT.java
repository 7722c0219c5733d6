package dev.slipway.worker.contents;

import dev.slipway.common.content.PackageManifest;
import dev.slipway.common.process.Command;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.testing.rpm.BuiltRpm;
import dev.slipway.testing.rpm.RpmFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Berkeley DB rpmdbs (RHEL 8 and older) made here for real: the headers rpm wrote into a sqlite rpmdb are stored
 * with libdb 5.3 (the library RHEL 8's rpm uses) through Perl's DB_File, and Debian's rpm reads the result back
 * with its bdb_ro backend as the outside witness.
 */
class BerkeleyDbRpmdbIT {
    private final RpmFixtures fixtures = new RpmFixtures();

    @TempDir
    Path temp;

    private Path sqliteDbWithPackages() {
        List<BuiltRpm> rpms = new ArrayList<>(fixtures.standard());
        rpms.addAll(fixtures.benchmark(150));
        return HostRpm.install(temp.resolve("root"), rpms);
    }

    private Path writeBerkeleyDb(Path sqliteDb, int pageSize) throws Exception {
        Path dump = temp.resolve("blobs-" + pageSize + ".txt");
        List<String> lines = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + sqliteDb.resolve("rpmdb.sqlite"));
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT hnum, blob FROM Packages")) {
            while (r.next()) {
                lines.add(r.getInt(1) + " " + HexFormat.of().formatHex(r.getBytes(2)));
            }
        }
        Files.write(dump, lines);
        Path script = temp.resolve("write-bdb-packages.pl");
        try (InputStream in = getClass().getResourceAsStream("write-bdb-packages.pl")) {
            Files.copy(in, script);
        }
        Path dir = Files.createDirectories(temp.resolve("bdb-" + pageSize));
        Command.of("perl", script.toString(), dir.resolve("Packages").toString(), String.valueOf(pageSize),
                dump.toString()).output();
        return dir;
    }

    /** Writes headers (instance numbers 1..n) into a Berkeley DB Packages file with libdb. */
    private Path writeBerkeleyDb(List<byte[]> headers, int pageSize, String name) throws Exception {
        Path dump = temp.resolve("blobs-" + name + ".txt");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            lines.add((i + 1) + " " + HexFormat.of().formatHex(headers.get(i)));
        }
        Files.write(dump, lines);
        Path script = temp.resolve("write-bdb-packages.pl");
        if (!Files.exists(script)) {
            try (InputStream in = getClass().getResourceAsStream("write-bdb-packages.pl")) {
                Files.copy(in, script);
            }
        }
        Path dir = Files.createDirectories(temp.resolve("bdb-" + name));
        Command.of("perl", script.toString(), dir.resolve("Packages").toString(), String.valueOf(pageSize),
                dump.toString()).output();
        return dir;
    }

    private static byte[] header(String name, String summary) {
        return new HeaderBlob().string(RpmTag.NAME, name).string(RpmTag.VERSION, "1.0").string(RpmTag.RELEASE, "1")
                .strings(RpmTag.SUMMARY, RpmHeader.TYPE_I18NSTRING, summary).build();
    }

    private static List<String> names(PackageManifest manifest) {
        return manifest.packages().stream().map(p -> p.name()).sorted().toList();
    }

    /** Counts pages of one type by reading the page headers directly (type is byte 25 of each page). */
    private static long pagesOfType(Path file, int pageSize, int type) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        long count = 0;
        for (int at = pageSize; at + pageSize <= bytes.length; at += pageSize) {
            if (bytes[at + 25] == type) {
                count++;
            }
        }
        assertEquals(0x061561, ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(12), "hash magic");
        return count;
    }

    private void assertReadsLikeRpm(Path sqliteDb, int pageSize) throws Exception {
        Path bdb = writeBerkeleyDb(sqliteDb, pageSize);
        List<String> bySqlite = HostRpm.query("--dbpath", sqliteDb.toString());
        List<String> byBdbRo = HostRpm.query("--define", "_db_backend bdb_ro", "--dbpath", bdb.toString());
        assertEquals(bySqlite, byBdbRo, "rpm reads the Berkeley DB copy like the original");

        PackageManifest manifest = new RpmDatabaseReader().read(bdb, "/var/lib/rpm");

        assertEquals("/var/lib/rpm", manifest.database());
        assertEquals(byBdbRo, manifest.packages().stream().map(HostRpm::line).sorted().toList());
        assertEquals(154, manifest.packages().size());
    }

    @Test
    void read_smallPages_reassemblesHeadersFromOverflowChains() throws Exception {
        Path sqliteDb = sqliteDbWithPackages();
        assertReadsLikeRpm(sqliteDb, 512);
        assertTrue(pagesOfType(temp.resolve("bdb-512/Packages"), 512, 7) > 300, "headers span overflow pages");
    }

    @Test
    void read_largePages_readsHeadersStoredInline() throws Exception {
        Path sqliteDb = sqliteDbWithPackages();
        assertReadsLikeRpm(sqliteDb, 65536);
        assertEquals(0, pagesOfType(temp.resolve("bdb-65536/Packages"), 65536, 7), "no overflow pages");
    }

    @Test
    void read_defaultPageSize_likeRhelEight() throws Exception {
        assertReadsLikeRpm(sqliteDbWithPackages(), 4096);
    }

    @Test
    void read_manyHashPages_readsEveryHeader() throws Exception {
        List<byte[]> headers = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            headers.add(header(String.format("pkg-%03d", i), "small"));
            expected.add(String.format("pkg-%03d", i));
        }
        Path dir = writeBerkeleyDb(headers, 512, "hash-pages");
        assertTrue(pagesOfType(dir.resolve("Packages"), 512, 13) > 50, "the headers spread over many hash pages");

        PackageManifest manifest = new RpmDatabaseReader().read(dir, "/var/lib/rpm");

        assertEquals("rpmdb-bdb", manifest.source());
        assertEquals(expected, names(manifest));
    }

    @Test
    void read_headerLargerThanSeveralPages_isReassembledExactly() throws Exception {
        byte[] big = header("big", "s".repeat(9000));
        List<byte[]> headers = List.of(header("a", "small"), big, header("z", "small"));
        Path dir = writeBerkeleyDb(headers, 1024, "overflow");
        assertTrue(pagesOfType(dir.resolve("Packages"), 1024, 7) >= 9, "the big header spans overflow pages");

        List<byte[]> blobs = BerkeleyDbRpmdb.readBlobs(dir.resolve("Packages"));

        assertEquals(3, blobs.size());
        assertTrue(blobs.stream().anyMatch(b -> java.util.Arrays.equals(b, big)), "the big header byte for byte");
        assertEquals(List.of("a", "big", "z"), names(new RpmDatabaseReader().read(dir, "/var/lib/rpm")));
    }

    private Path damagedCopy(Path dir, String name, java.util.function.Consumer<ByteBuffer> change) throws Exception {
        byte[] bytes = Files.readAllBytes(dir.resolve("Packages"));
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        change.accept(buffer);
        Path out = Files.createDirectories(temp.resolve("damaged-" + name));
        Files.write(out.resolve("Packages"), buffer.array());
        return out;
    }

    private static int firstPageOfType(ByteBuffer db, int pageSize, int type) {
        for (int page = 1; (page + 1) * pageSize <= db.capacity(); page++) {
            if (db.get(page * pageSize + 25) == type) {
                return page;
            }
        }
        throw new AssertionError("no page of type " + type);
    }

    private static ErrorCode failure(Path dir) {
        return org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
                () -> assertThrows(SlipwayException.class, () -> new RpmDatabaseReader().read(dir, "/var/lib/rpm"))
                        .code());
    }

    @Test
    void read_damagedDatabase_failsWithAStableCodeAndNeverAList() throws Exception {
        List<byte[]> headers = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            headers.add(header("pkg-" + i, "x".repeat(700)));
        }
        Path dir = writeBerkeleyDb(headers, 512, "to-damage");
        assertEquals(60, new RpmDatabaseReader().read(dir, "/var/lib/rpm").packages().size());
        int size = (int) Files.size(dir.resolve("Packages"));

        Path truncated = Files.createDirectories(temp.resolve("truncated"));
        Files.write(truncated.resolve("Packages"),
                java.util.Arrays.copyOf(Files.readAllBytes(dir.resolve("Packages")), size / 2));
        assertEquals(ErrorCode.CONTENTS_UNREADABLE, failure(truncated));

        Path garbage = damagedCopy(dir, "garbage", db -> {
            byte[] noise = new byte[512];
            new java.util.Random(3).nextBytes(noise);
            db.put(firstPageOfType(db, 512, 13) * 512, noise);
        });
        assertEquals(ErrorCode.CONTENTS_UNREADABLE, failure(garbage));

        Path overflowLoop = damagedCopy(dir, "overflow-loop", db -> {
            int page = firstPageOfType(db, 512, 7);
            db.putInt(page * 512 + 16, page);
        });
        assertEquals(ErrorCode.CONTENTS_UNREADABLE, failure(overflowLoop));

        Path hashLoop = damagedCopy(dir, "hash-loop", db -> {
            int page = firstPageOfType(db, 512, 13);
            db.putInt(page * 512 + 16, page);
        });
        assertEquals(ErrorCode.CONTENTS_UNREADABLE, failure(hashLoop));

        Path hugeCounts = damagedCopy(dir, "huge-il", db -> {
            // The first overflow page of a header starts with the header's il: make it 2^31-1.
            int page = firstPageOfType(db, 512, 7);
            db.order(ByteOrder.BIG_ENDIAN).putInt(page * 512 + 26, 0x7fffffff);
        });
        assertEquals(ErrorCode.RPM_HEADER_INVALID, failure(hugeCounts));
    }
}
