package dev.slipway.worker.mirror;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MirrorExporterTest {
    @TempDir
    Path tmp;

    private Path root;
    private Path archive;
    private Path oci;
    private Path log;

    @BeforeEach
    void files() throws IOException {
        root = Files.createDirectories(tmp.resolve("mirror"));
        Path work = Files.createDirectories(tmp.resolve("work"));
        archive = Files.write(work.resolve("docker-image.tar.gz"), new byte[] {31, (byte) 139, 8, 0, 1, 2, 3});
        oci = Files.createDirectories(work.resolve("oci"));
        Files.writeString(oci.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        Files.writeString(oci.resolve("index.json"), "{}");
        Files.createDirectories(oci.resolve("blobs/sha256"));
        Files.writeString(oci.resolve("blobs/sha256/abc"), "blob");
        log = Files.writeString(work.resolve("build.log"), "step 1\nstep 2\n");
    }

    private Map<String, Path> buildFiles() {
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("docker-image-abc.x86_64.tar.gz", archive);
        files.put("oci", oci);
        files.put("build.log", log);
        return files;
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    @Test
    void export_writesNameVersionReleaseArchLayout() throws Exception {
        Path target = new MirrorExporter(root).export("app", "1.0-3.fc40", "x86_64", buildFiles());
        assertEquals(root.resolve("app/1.0-3.fc40/x86_64"), target);
        assertTrue(Files.isDirectory(target));
        assertEquals(List.of("", "CHECKSUM", "build.log", "docker-image-abc.x86_64.tar.gz", "oci", "oci/blobs",
                "oci/blobs/sha256", "oci/blobs/sha256/abc", "oci/index.json", "oci/oci-layout"), listing(target));
    }

    @Test
    void export_copiesFilesAndDirectoriesExactly() throws Exception {
        Path target = new MirrorExporter(root).export("app", "1.0-3", "x86_64", buildFiles());
        assertArrayEquals(Files.readAllBytes(archive),
                Files.readAllBytes(target.resolve("docker-image-abc.x86_64.tar.gz")));
        assertEquals("blob", Files.readString(target.resolve("oci/blobs/sha256/abc")));
        assertEquals("step 1\nstep 2\n", Files.readString(target.resolve("build.log")));
        // The sources stay where they were.
        assertTrue(Files.exists(archive) && Files.exists(oci.resolve("index.json")));
    }

    @Test
    void export_nestedFileName_createsItsDirectory() throws Exception {
        Path target = new MirrorExporter(root).export("app", "1.0-3", "x86_64", Map.of("logs/build.log", log));
        assertEquals("step 1\nstep 2\n", Files.readString(target.resolve("logs/build.log")));
    }

    @Test
    void export_checksumVerifiesWithSha256sum() throws Exception {
        Path target = new MirrorExporter(root).export("app", "1.0-3", "x86_64", buildFiles());
        Sha256sum result = Sha256sum.check(target);
        assertEquals(0, result.exitCode(), result.output());
        for (String file : new String[] {"build.log", "docker-image-abc.x86_64.tar.gz", "oci/blobs/sha256/abc",
            "oci/index.json", "oci/oci-layout"}) {
            assertTrue(result.output().contains(file + ": OK"), result.output());
        }
    }

    @Test
    void export_nameWithSlash_nestsDirectories() throws Exception {
        Path target = new MirrorExporter(root).export("rhel9/httpd", "2.4-1", "aarch64", Map.of("build.log", log));
        assertEquals(root.resolve("rhel9/httpd/2.4-1/aarch64"), target);
    }

    @Test
    void export_sameBuildTwice_refusedWithMirrorExists() throws Exception {
        MirrorExporter exporter = new MirrorExporter(root);
        Path target = exporter.export("app", "1.0-3", "x86_64", buildFiles());
        Files.writeString(log, "a different log\n");
        SlipwayException e = assertThrows(SlipwayException.class,
                () -> exporter.export("app", "1.0-3", "x86_64", buildFiles()));
        assertEquals(ErrorCode.MIRROR_EXISTS, e.code());
        assertTrue(e.getMessage().contains(target.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("app-1.0-3"), e.getMessage());
        assertEquals("step 1\nstep 2\n", Files.readString(target.resolve("build.log")), "never overwritten");
        assertEquals(List.of("x86_64"), listing(root.resolve("app/1.0-3")).stream().filter(s -> !s.isEmpty())
                .filter(s -> !s.contains("/")).toList(), "no temporary directory left");
    }

    @Test
    void export_otherArchOfSameBuild_isAdded() throws Exception {
        MirrorExporter exporter = new MirrorExporter(root);
        exporter.export("app", "1.0-3", "x86_64", buildFiles());
        Path other = exporter.export("app", "1.0-3", "aarch64", buildFiles());
        assertEquals(root.resolve("app/1.0-3/aarch64"), other);
        assertTrue(Files.isDirectory(root.resolve("app/1.0-3/x86_64")));
    }

    @Test
    void export_nameEscapingRoot_refusedAndNothingWritten() throws Exception {
        for (String name : new String[] {"../evil", "app/../../evil", "..", ".", ""}) {
            SlipwayException e = assertThrows(SlipwayException.class,
                    () -> new MirrorExporter(root).export(name, "1.0-3", "x86_64", buildFiles()), name);
            assertEquals(ErrorCode.MIRROR_EXPORT_FAILED, e.code());
            assertTrue(e.getMessage().contains("'" + name + "'"), e.getMessage());
        }
        assertFalse(Files.exists(tmp.resolve("evil")));
        assertEquals(List.of(""), listing(root));
    }

    @Test
    void export_versionReleaseOrArchWithPath_refused() throws Exception {
        for (String[] bad : new String[][] {{"../1.0-3", "x86_64"}, {"1.0-3", "../../../evil"}, {"1.0-3", ".."},
            {"1.0-3", "a/b"}, {"..", "x86_64"}}) {
            SlipwayException e = assertThrows(SlipwayException.class,
                    () -> new MirrorExporter(root).export("app", bad[0], bad[1], buildFiles()), bad[0] + " " + bad[1]);
            assertEquals(ErrorCode.MIRROR_EXPORT_FAILED, e.code());
        }
        assertFalse(Files.exists(tmp.resolve("evil")));
        assertFalse(Files.exists(root.resolve("evil")));
    }

    @Test
    void export_failureHalfway_leavesNoTemporaryDirectoryAndNoBuild() throws Exception {
        Map<String, Path> files = buildFiles();
        files.put("missing.json", tmp.resolve("work/does-not-exist.json"));
        SlipwayException e = assertThrows(SlipwayException.class,
                () -> new MirrorExporter(root).export("app", "1.0-3", "x86_64", files));
        assertEquals(ErrorCode.MIRROR_EXPORT_FAILED, e.code());
        assertTrue(e.getMessage().contains("app-1.0-3"), e.getMessage());
        assertTrue(e.getMessage().contains("does-not-exist.json"), e.getMessage());
        assertFalse(Files.exists(root.resolve("app/1.0-3/x86_64")));
        assertFalse(Files.exists(root.resolve("app")), "no temporary directory left, nor the empty directories"
                + " the export made for it");
        // A retry after fixing the input succeeds.
        files.remove("missing.json");
        assertTrue(Files.isDirectory(new MirrorExporter(root).export("app", "1.0-3", "x86_64", files)));
    }
}
