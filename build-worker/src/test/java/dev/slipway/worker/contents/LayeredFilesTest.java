package dev.slipway.worker.contents;

import dev.slipway.common.content.PackageManifest;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LayeredFilesTest {
    @TempDir
    Path temp;

    private String content(LayeredFiles files, String path) throws Exception {
        Path out = temp.resolve("out-" + System.nanoTime());
        Optional<Long> copied = files.copy(path, out, 1 << 20);
        return copied.isEmpty() ? null : Files.readString(out, StandardCharsets.UTF_8);
    }

    @Test
    void copy_pathInSeveralLayers_takesTheLastLayers() throws Exception {
        LayeredFiles files = LayerTar.index(
                new LayerTar().dir("etc").file("etc/a", "one").file("etc/b", "kept").build(),
                new LayerTar().file("./etc/a", "two").build());
        assertEquals("two", content(files, "/etc/a"));
        assertEquals("kept", content(files, "/etc/b"));
    }

    @Test
    void copy_whiteout_removesTheFileAndADirectoryWithItsContents() throws Exception {
        LayeredFiles files = LayerTar.index(
                new LayerTar().file("var/lib/rpm/Packages", "bdb").file("etc/x", "x").build(),
                new LayerTar().whiteout("var/lib", "rpm").whiteout("etc", "x").build());
        assertFalse(files.isFile("/var/lib/rpm/Packages"));
        assertFalse(files.isDirectory("/var/lib/rpm"));
        assertFalse(files.isFile("/etc/x"));
    }

    @Test
    void copy_whiteoutAndNewFileInOneLayer_keepsTheNewFile() throws Exception {
        // Whiteouts apply to the layers below only, wherever they stand in their own layer's tar.
        LayeredFiles files = LayerTar.index(
                new LayerTar().file("d/f", "old").build(),
                new LayerTar().file("d/f", "new").whiteout("d", "f").build());
        assertEquals("new", content(files, "/d/f"));
    }

    @Test
    void copy_opaqueDirectory_hidesLowerContentsOnly() throws Exception {
        LayeredFiles files = LayerTar.index(
                new LayerTar().file("usr/lib/sysimage/rpm/rpmdb.sqlite", "old").file("usr/lib/sysimage/rpm/x", "x")
                        .build(),
                new LayerTar().file("usr/lib/sysimage/rpm/Packages.db", "ndb").opaque("usr/lib/sysimage/rpm").build());
        assertFalse(files.isFile("/usr/lib/sysimage/rpm/rpmdb.sqlite"));
        assertFalse(files.isFile("/usr/lib/sysimage/rpm/x"));
        assertEquals("ndb", content(files, "/usr/lib/sysimage/rpm/Packages.db"));
    }

    @Test
    void copy_throughSymlinkedDirectory_followsRelativeAndAbsoluteLinks() throws Exception {
        LayeredFiles files = LayerTar.index(
                new LayerTar().file("usr/lib/sysimage/rpm/rpmdb.sqlite", "db")
                        .symlink("var/lib/rpm", "../../usr/lib/sysimage/rpm")
                        .symlink("usr/share/rpm", "/var/lib/rpm").build());
        assertEquals("db", content(files, "/var/lib/rpm/rpmdb.sqlite"));
        assertEquals("db", content(files, "/usr/share/rpm/rpmdb.sqlite"));
        assertTrue(files.isDirectory("/var/lib/rpm"));
    }

    @Test
    void copy_linkLoopOrEscape_staysInsideTheImage() throws Exception {
        LayeredFiles files = LayerTar.index(
                new LayerTar().symlink("a", "b").symlink("b", "a").file("etc/passwd", "image's")
                        .symlink("up", "../../../../etc").build());
        assertFalse(files.isFile("/a/x"));
        // ".." at the root stays at the root, as in the kernel: the link cannot reach the host.
        assertEquals("image's", content(files, "/up/passwd"));
    }

    @Test
    void copy_hardLink_sharesItsTargetsBytes() throws Exception {
        LayeredFiles files = LayerTar.index(new LayerTar().file("a", "bytes").hardlink("b", "a").build());
        assertEquals("bytes", content(files, "/b"));
    }

    @Test
    void index_entryClimbingOutOfTheRoot_isInvalid() {
        byte[] layer = new LayerTar().file("../evil", "x").build();
        SlipwayException e = assertThrows(SlipwayException.class, () -> LayerTar.index(layer));
        assertEquals(ErrorCode.LAYER_ARCHIVE_INVALID, e.code());
    }

    @Test
    void index_truncatedOrGarbageLayer_isInvalid() {
        byte[] layer = new LayerTar().file("a", "x".repeat(2000)).build();
        SlipwayException e = assertThrows(SlipwayException.class,
                () -> LayerTar.index(Arrays.copyOf(layer, 700)).copy("/a", temp.resolve("a"), 1 << 20));
        assertEquals(ErrorCode.LAYER_ARCHIVE_INVALID, e.code());
        byte[] garbage = new byte[1024];
        Arrays.fill(garbage, (byte) 'x');
        assertEquals(ErrorCode.LAYER_ARCHIVE_INVALID,
                assertThrows(SlipwayException.class, () -> LayerTar.index(garbage)).code());
    }

    @Test
    void read_imageWithNeitherDatabase_isNoneAndSaysSo() {
        LayeredFiles files = LayerTar.index(new LayerTar().file("etc/os-release", "ID=scratchy").build());
        PackageManifest manifest = new ImageContentsReader().read(files, temp);
        assertEquals(PackageManifest.none(), manifest);
        assertEquals("none", manifest.source());
    }

    @Test
    void read_rpmdbDeletedInALaterLayer_fallsBackToDpkg() {
        LayeredFiles files = LayerTar.index(
                new LayerTar().file("var/lib/rpm/Packages", "x".repeat(600)).build(),
                new LayerTar().whiteout("var/lib", "rpm")
                        .file("var/lib/dpkg/status", "Package: a\nStatus: install ok installed\nVersion: 1-2\n")
                        .build());
        PackageManifest manifest = new ImageContentsReader().read(files, temp);
        assertEquals("dpkg-status", manifest.source());
        assertEquals("a-1-2", manifest.packages().get(0).nevra());
    }

    @Test
    void read_ndbDatabaseInALayer_readsIt() throws Exception {
        byte[] header = new HeaderBlob().string(RpmTag.NAME, "x").string(RpmTag.VERSION, "1").build();
        LayeredFiles files = LayerTar.index(
                new LayerTar().file("usr/lib/sysimage/rpm/Packages.db", NdbFixture.database(java.util.List.of(header)))
                        .symlink("var/lib/rpm", "../../usr/lib/sysimage/rpm").build());
        PackageManifest manifest = new ImageContentsReader().read(files, temp);
        assertEquals("rpmdb-ndb", manifest.source());
        assertEquals("/usr/lib/sysimage/rpm", manifest.database());
        assertEquals(1, manifest.packages().size());
    }

    @Test
    void copy_longNamesAsPaxOrGnuRecords_areFound() throws Exception {
        String dir = "usr/lib/sysimage/" + "deep/".repeat(40);
        for (int mode : new int[] {org.apache.commons.compress.archivers.tar.TarArchiveOutputStream.LONGFILE_POSIX,
                org.apache.commons.compress.archivers.tar.TarArchiveOutputStream.LONGFILE_GNU}) {
            LayeredFiles files = LayerTar.index(new LayerTar(mode).file(dir + "status", "long")
                    .symlink("var/lib/dpkg", "/" + dir).build());
            assertEquals("long", content(files, "/var/lib/dpkg/status"), "mode " + mode);
        }
    }

    @Test
    void index_headerWithBadChecksum_isInvalid() {
        byte[] layer = new LayerTar().file("a", "x").file("b", "y").build();
        layer[1024 + 3] ^= 1;
        SlipwayException e = assertThrows(SlipwayException.class, () -> LayerTar.index(layer));
        assertEquals(ErrorCode.LAYER_ARCHIVE_INVALID, e.code());
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
    }

    @Test
    void copy_manyEntriesBeforeTheDatabase_readsOnlyWhatItNeeds() throws Exception {
        LayerTar tar = new LayerTar();
        for (int i = 0; i < 2000; i++) {
            tar.file("usr/share/doc/f" + i, "z".repeat(i % 700));
        }
        LayeredFiles files = LayerTar.index(tar.file("var/lib/dpkg/status", "s").build());
        assertEquals("s", content(files, "/var/lib/dpkg/status"));
        assertEquals("z".repeat(699), content(files, "/usr/share/doc/f699"));
    }
}
