package dev.slipway.worker.contents;

import dev.slipway.common.content.InstalledPackage;
import dev.slipway.common.content.PackageManifest;
import dev.slipway.common.content.PackageType;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.process.Command;
import dev.slipway.testing.rpm.BuiltRpm;
import dev.slipway.testing.rpm.FixtureFiles;
import dev.slipway.testing.rpm.RpmFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RpmDatabaseReaderIT {
    private final RpmFixtures fixtures = new RpmFixtures();
    private final RpmDatabaseReader reader = new RpmDatabaseReader();

    @TempDir
    Path temp;

    private static List<String> lines(PackageManifest manifest) {
        return manifest.packages().stream().map(HostRpm::line).sorted().toList();
    }

    @Test
    void read_sqliteDbWrittenByRpm_matchesWhatRpmPrints() throws Exception {
        List<BuiltRpm> rpms = new ArrayList<>(fixtures.standard());
        rpms.addAll(fixtures.benchmark(150));
        Path root = temp.resolve("root");
        Path db = HostRpm.install(root, rpms);
        // An imported key becomes a gpg-pubkey pseudo-package that rpm lists and Slipway must drop.
        Path key = Files.writeString(temp.resolve("key.asc"), fixtures.signingKey().armoredPublicKey());
        Command.of("rpm", "--root", root.toString(), "--dbpath", HostRpm.DB_PATH, "--import", key.toString()).output();

        PackageManifest manifest = reader.read(db, "/usr/lib/sysimage/rpm");

        List<String> byRpm = HostRpm.query("--root", root.toString(), "--dbpath", HostRpm.DB_PATH);
        assertEquals(1, byRpm.stream().filter(l -> l.startsWith("gpg-pubkey|")).count());
        assertEquals(byRpm.stream().filter(l -> !l.startsWith("gpg-pubkey|")).toList(), lines(manifest));
        assertEquals(PackageType.RPM, manifest.type());
        assertEquals("/usr/lib/sysimage/rpm", manifest.database());
        assertEquals(154, manifest.packages().size());
    }

    @Test
    void read_standardSet_hasTheSpecifiedEpochsSignaturesAndModule() {
        Path db = HostRpm.install(temp.resolve("root"), fixtures.standard());
        List<InstalledPackage> packages = reader.read(db, "/usr/lib/sysimage/rpm").packages();
        String keyId = fixtures.signingKey().keyId();
        assertEquals(List.of("slipway-alpha-1.0-1.noarch", "slipway-bravo-2:3.1-4.fx.noarch",
                "slipway-charlie-0:0.9.2-1.fx.noarch", "slipway-delta-2.5-7.noarch"),
                packages.stream().map(InstalledPackage::nevra).toList());
        assertEquals(java.util.Arrays.asList(null, keyId, keyId, null),
                packages.stream().map(InstalledPackage::signatureKeyId).toList());
        assertEquals("delta:2.5:8030020200313080146:466ea64f", packages.get(3).modularityLabel());
        assertEquals("Delta Corp", packages.get(3).vendor());
        assertEquals("BSD-3-Clause", packages.get(3).license());
    }

    /**
     * A layer can capture rpmdb.sqlite while rpm's last transactions sit only in rpmdb.sqlite-wal. An open read
     * transaction stops rpm's closing checkpoint, which leaves exactly that state on disk, written by rpm itself.
     */
    @Test
    void read_rowsOnlyInTheWal_areIncludedAndTheInputIsUntouched() throws Exception {
        List<BuiltRpm> rpms = fixtures.standard();
        Path root = temp.resolve("root");
        Path db = HostRpm.install(root, rpms.subList(0, 1));
        Path input = Files.createDirectories(temp.resolve("copied/rpm"));
        try (Connection holder = DriverManager.getConnection("jdbc:sqlite:" + db.resolve("rpmdb.sqlite"))) {
            holder.setAutoCommit(false);
            try (Statement s = holder.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM Packages")) {
                assertTrue(r.next());
            }
            HostRpm.install(root, rpms.subList(1, rpms.size()));
            Files.copy(db.resolve("rpmdb.sqlite"), input.resolve("rpmdb.sqlite"));
            Files.copy(db.resolve("rpmdb.sqlite-wal"), input.resolve("rpmdb.sqlite-wal"));
            holder.rollback();
        }
        assertTrue(Files.size(input.resolve("rpmdb.sqlite-wal")) > 0, "rpm left its transactions in the WAL");
        String dbHash = FixtureFiles.sha256(input.resolve("rpmdb.sqlite"));
        String walHash = FixtureFiles.sha256(input.resolve("rpmdb.sqlite-wal"));

        PackageManifest manifest = reader.read(input, "/usr/lib/sysimage/rpm");

        assertEquals(rpms.stream().map(BuiltRpm::nevra).sorted().toList(),
                manifest.packages().stream().map(InstalledPackage::nevra).sorted().toList());
        assertEquals(dbHash, FixtureFiles.sha256(input.resolve("rpmdb.sqlite")));
        assertEquals(walHash, FixtureFiles.sha256(input.resolve("rpmdb.sqlite-wal")));
        try (Stream<Path> files = Files.list(input)) {
            assertEquals(List.of("rpmdb.sqlite", "rpmdb.sqlite-wal"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        // Without its WAL the same database file holds only the first package: the WAL really mattered.
        Path withoutWal = Files.createDirectories(temp.resolve("nowal"));
        Files.copy(input.resolve("rpmdb.sqlite"), withoutWal.resolve("rpmdb.sqlite"));
        assertEquals(1, reader.read(withoutWal, "/x").packages().size());
        // And rpm, given the same pair, sees what Slipway saw.
        Path forRpm = Files.createDirectories(temp.resolve("forrpm"));
        Files.copy(input.resolve("rpmdb.sqlite"), forRpm.resolve("rpmdb.sqlite"));
        Files.copy(input.resolve("rpmdb.sqlite-wal"), forRpm.resolve("rpmdb.sqlite-wal"));
        assertEquals(HostRpm.query("--dbpath", forRpm.toString()), lines(manifest));
    }

    @Test
    void read_directoryWithoutDatabase_isUnreadable() {
        assertFalse(reader.holdsDatabase(temp));
        SlipwayException e = assertThrows(SlipwayException.class, () -> reader.read(temp, "/var/lib/rpm"));
        assertEquals(ErrorCode.CONTENTS_UNREADABLE, e.code());
        assertTrue(e.getMessage().contains("/var/lib/rpm"), e.getMessage());
    }
}
