package dev.slipway.worker.contents;

import dev.slipway.common.content.PackageManifest;
import dev.slipway.common.process.Command;
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
}
