package dev.slipway.worker.contents;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CopiedPathExtractorTest {
    @TempDir
    Path root;

    /** A tar like Docker's archive endpoint writes: entries named after the copied path's last component. */
    private static final class Tar {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final TarArchiveOutputStream out = new TarArchiveOutputStream(bytes);

        Tar dir(String name) throws IOException {
            out.putArchiveEntry(new TarArchiveEntry(name + "/"));
            out.closeArchiveEntry();
            return this;
        }

        Tar file(String name, String content) throws IOException {
            byte[] data = content.getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry entry = new TarArchiveEntry(name, true);
            entry.setSize(data.length);
            out.putArchiveEntry(entry);
            out.write(data);
            out.closeArchiveEntry();
            return this;
        }

        Tar symlink(String name, String target) throws IOException {
            TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
            entry.setLinkName(target);
            out.putArchiveEntry(entry);
            out.closeArchiveEntry();
            return this;
        }

        ByteArrayInputStream stream() throws IOException {
            out.finish();
            return new ByteArrayInputStream(bytes.toByteArray());
        }
    }

    private SlipwayException unsafe(Tar tar, String imagePath) {
        SlipwayException e = assertThrows(SlipwayException.class,
                () -> new CopiedPathExtractor().extract(tar.stream(), root, imagePath));
        assertEquals(ErrorCode.ARCHIVE_ENTRY_UNSAFE, e.code());
        return e;
    }

    @Test
    void extract_directoryCopy_landsAtTheImagePath() throws Exception {
        Tar tar = new Tar().dir("rpm").file("rpm/rpmdb.sqlite", "db").file("rpm/sub/x", "y");
        Path local = new CopiedPathExtractor().extract(tar.stream(), root, "/usr/lib/sysimage/rpm");
        assertEquals(root.resolve("usr/lib/sysimage/rpm").toAbsolutePath(), local);
        assertEquals("db", Files.readString(local.resolve("rpmdb.sqlite")));
        assertEquals("y", Files.readString(local.resolve("sub/x")));
    }

    @Test
    void extract_fileCopy_landsAtTheImagePath() throws Exception {
        Path local = new CopiedPathExtractor().extract(new Tar().file("status", "Package: a\n").stream(), root,
                "/var/lib/dpkg/status");
        assertEquals("Package: a\n", Files.readString(root.resolve("var/lib/dpkg/status")));
        assertEquals(root.resolve("var/lib/dpkg/status").toAbsolutePath(), local);
    }

    @Test
    void extract_parentTraversal_isRefusedAndWritesNothingOutside() throws Exception {
        SlipwayException e = unsafe(new Tar().dir("rpm").file("rpm/../../../../evil", "x"), "/usr/lib/sysimage/rpm");
        assertTrue(e.getMessage().contains("rpm/../../../../evil"), e.getMessage());
        assertFalse(Files.exists(root.resolve("evil")));
        assertFalse(Files.exists(root.getParent().resolve("evil")));
    }

    @Test
    void extract_absoluteOrSiblingEntry_isRefused() throws Exception {
        unsafe(new Tar().file("/etc/passwd", "x"), "/var/lib/rpm");
        unsafe(new Tar().dir("rpm").file("rpmx/file", "x"), "/var/lib/rpm");
        unsafe(new Tar().file("other", "x"), "/var/lib/dpkg/status");
    }

    @Test
    void extract_symlinks_areSkippedNotFollowed() throws Exception {
        Tar tar = new Tar().symlink("rpm", "../../usr/lib/sysimage/rpm");
        new CopiedPathExtractor().extract(tar.stream(), root, "/var/lib/rpm");
        assertFalse(Files.exists(root.resolve("var/lib/rpm"), LinkOption.NOFOLLOW_LINKS));
        Tar escape = new Tar().dir("rpm").symlink("rpm/Packages", "/etc/shadow");
        new CopiedPathExtractor().extract(escape.stream(), root, "/var/lib/rpm");
        assertFalse(Files.exists(root.resolve("var/lib/rpm/Packages"), LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void extract_overTheSizeLimit_fails() throws Exception {
        Tar tar = new Tar().dir("rpm").file("rpm/a", "12345").file("rpm/b", "67890");
        SlipwayException e = assertThrows(SlipwayException.class,
                () -> new CopiedPathExtractor(8).extract(tar.stream(), root, "/var/lib/rpm"));
        assertEquals(ErrorCode.CONTENTS_UNREADABLE, e.code());
    }

    @Test
    void extract_rootPath_isRefused() {
        SlipwayException e = assertThrows(SlipwayException.class,
                () -> new CopiedPathExtractor().extract(new ByteArrayInputStream(new byte[0]), root, "/"));
        assertEquals(ErrorCode.INVALID_INPUT, e.code());
    }
}
