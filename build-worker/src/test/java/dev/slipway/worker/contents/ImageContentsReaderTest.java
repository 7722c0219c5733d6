package dev.slipway.worker.contents;

import dev.slipway.common.content.PackageManifest;
import dev.slipway.common.content.PackageType;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageContentsReaderTest {
    @TempDir
    Path root;

    private final ImageContentsReader reader = new ImageContentsReader();

    private void write(String imagePath, String content) throws Exception {
        Path file = root.resolve(imagePath.substring(1));
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    @Test
    void read_nothingExtracted_isNone() {
        PackageManifest manifest = reader.read(root);
        assertFalse(manifest.hasDatabase());
        assertEquals(PackageManifest.none(), manifest);
    }

    @Test
    void read_dpkgStatusOnly_isADebManifest() throws Exception {
        write("/var/lib/dpkg/status", "Package: a\nStatus: install ok installed\nVersion: 1.0-2\n");
        PackageManifest manifest = reader.read(root);
        assertEquals(PackageType.DEB, manifest.type());
        assertEquals("/var/lib/dpkg/status", manifest.database());
        assertEquals("a-1.0-2", manifest.packages().get(0).nevra());
    }

    @Test
    void read_emptyRpmDirectoryBesideDpkg_passesOverTheEmptyDirectory() throws Exception {
        Files.createDirectories(root.resolve("var/lib/rpm"));
        write("/var/lib/dpkg/status", "");
        PackageManifest manifest = reader.read(root);
        assertEquals("/var/lib/dpkg/status", manifest.database());
        assertTrue(manifest.packages().isEmpty());
    }

    @Test
    void read_truncatedNdbDatabase_isUnreadable() throws Exception {
        write("/usr/lib/sysimage/rpm/Packages.db", "RpmP");
        SlipwayException e = assertThrows(SlipwayException.class, () -> reader.read(root));
        assertEquals(ErrorCode.CONTENTS_UNREADABLE, e.code());
        assertTrue(e.getMessage().contains("/usr/lib/sysimage/rpm"), e.getMessage());
    }

    @Test
    void read_garbageSqliteFile_isUnreadable() throws Exception {
        write("/var/lib/rpm/rpmdb.sqlite", "this is not a database, just text that is long enough to look like one");
        SlipwayException e = assertThrows(SlipwayException.class, () -> reader.read(root));
        assertEquals(ErrorCode.CONTENTS_UNREADABLE, e.code());
        assertTrue(e.getMessage().contains("Packages table"), e.getMessage());
    }

    @Test
    void read_garbageBerkeleyFile_isUnreadable() throws Exception {
        write("/var/lib/rpm/Packages", "x".repeat(600));
        SlipwayException e = assertThrows(SlipwayException.class, () -> reader.read(root));
        assertEquals(ErrorCode.CONTENTS_UNREADABLE, e.code());
        assertTrue(e.getMessage().contains("not a Berkeley DB hash database"), e.getMessage());
    }

    @Test
    void databasePaths_listWhatACallerMustCopy() {
        assertEquals(4, ImageContentsReader.DATABASE_PATHS.size());
        assertTrue(ImageContentsReader.DATABASE_PATHS.contains("/var/lib/dpkg/status"));
    }
}
