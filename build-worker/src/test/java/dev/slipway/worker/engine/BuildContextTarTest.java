package dev.slipway.worker.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build context as the tar the engine receives. */
class BuildContextTarTest {
    @TempDir
    Path dir;

    private record Entry(TarArchiveEntry header, byte[] content) {
    }

    private Map<String, Entry> tar(BuildContextTar context) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        context.writeTo(out);
        Map<String, Entry> entries = new LinkedHashMap<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            TarArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                entries.put(e.getName(), new Entry(e, in.readAllBytes()));
            }
        }
        return entries;
    }

    private Path context() throws Exception {
        Path ctx = Files.createDirectories(dir.resolve("ctx"));
        Files.writeString(ctx.resolve("Dockerfile"), "FROM scratch\nCOPY . /\n");
        return ctx;
    }

    @Test
    void entries_areTheContextInNameOrder_withDirectoriesAndContent() throws Exception {
        Path ctx = context();
        Files.createDirectories(ctx.resolve("src/empty"));
        Files.writeString(ctx.resolve("src/main.c"), "int main;");
        Files.writeString(ctx.resolve("a.txt"), "a");
        Map<String, Entry> entries = tar(new BuildContextTar(ctx, ctx.resolve("Dockerfile")));
        assertEquals(List.of("Dockerfile", "a.txt", "src/", "src/empty/", "src/main.c"), List.copyOf(entries.keySet()));
        assertArrayEquals("int main;".getBytes(StandardCharsets.UTF_8), entries.get("src/main.c").content());
        assertTrue(entries.get("src/").header().isDirectory());
        assertEquals(0, entries.get("a.txt").header().getLongUserId());
        assertEquals(0, entries.get("a.txt").header().getLongGroupId());
    }

    @Test
    void modesAndTimes_areTheFilesOwn() throws Exception {
        Path ctx = context();
        Path script = Files.writeString(ctx.resolve("run.sh"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-x---"));
        Path secret = Files.writeString(ctx.resolve("secret"), "s");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        Files.setAttribute(ctx.resolve("run.sh"), "unix:mode", 04750);
        Files.setLastModifiedTime(secret, FileTime.from(Instant.parse("2020-01-02T03:04:05.678Z")));
        Map<String, Entry> entries = tar(new BuildContextTar(ctx, ctx.resolve("Dockerfile")));
        assertEquals(0104750, entries.get("run.sh").header().getMode());
        assertEquals(0100600, entries.get("secret").header().getMode());
        assertEquals(Instant.parse("2020-01-02T03:04:05Z"), entries.get("secret").header().getModTime().toInstant());
    }

    @Test
    void symbolicLinks_areSentAsLinks_neverFollowed() throws Exception {
        Path ctx = context();
        Path outside = Files.writeString(dir.resolve("outside.txt"), "not part of the context");
        Files.createSymbolicLink(ctx.resolve("out"), outside);
        Files.createDirectories(ctx.resolve("real"));
        Files.createSymbolicLink(ctx.resolve("dirlink"), Path.of("real"));
        Map<String, Entry> entries = tar(new BuildContextTar(ctx, ctx.resolve("Dockerfile")));
        assertTrue(entries.get("out").header().isSymbolicLink());
        assertEquals(outside.toString(), entries.get("out").header().getLinkName());
        assertEquals(0, entries.get("out").content().length);
        assertEquals("real", entries.get("dirlink").header().getLinkName());
        assertTrue(entries.keySet().stream().noneMatch(n -> n.startsWith("dirlink/")), entries.keySet()::toString);
    }

    @Test
    void dockerignore_leavesOutWhatItMatches_butAlwaysSendsTheDockerfileAndItself() throws Exception {
        Path ctx = context();
        Files.writeString(ctx.resolve(".dockerignore"), "# build output\n*\n!src\nsrc/**/*.o\n");
        Files.createDirectories(ctx.resolve("src/lib"));
        Files.writeString(ctx.resolve("src/lib/a.c"), "c");
        Files.writeString(ctx.resolve("src/lib/a.o"), "o");
        Files.writeString(ctx.resolve("notes.txt"), "n");
        Map<String, Entry> entries = tar(new BuildContextTar(ctx, ctx.resolve("Dockerfile")));
        assertEquals(List.of(".dockerignore", "Dockerfile", "src/", "src/lib/", "src/lib/a.c"),
                List.copyOf(entries.keySet()));
    }

    @Test
    void anExcludedDirectory_isWalkedOnlyForItsReincludedFiles() throws Exception {
        Path ctx = context();
        Files.writeString(ctx.resolve(".dockerignore"), "vendor\n!vendor/keep.txt\n");
        Files.createDirectories(ctx.resolve("vendor"));
        Files.writeString(ctx.resolve("vendor/keep.txt"), "k");
        Files.writeString(ctx.resolve("vendor/drop.txt"), "d");
        Map<String, Entry> entries = tar(new BuildContextTar(ctx, ctx.resolve("Dockerfile")));
        assertEquals(List.of(".dockerignore", "Dockerfile", "vendor/keep.txt"), List.copyOf(entries.keySet()));
    }

    @Test
    void aDockerfileInASubdirectory_isNamedRelativeToTheContext() throws Exception {
        Path ctx = context();
        Path nested = Files.writeString(Files.createDirectories(ctx.resolve("docker")).resolve("Dockerfile.prod"), "x");
        assertEquals("docker/Dockerfile.prod", new BuildContextTar(ctx, nested).dockerfileName());
    }

    @Test
    void aDockerfileOutsideTheContext_isSentUnderAHiddenName() throws Exception {
        Path ctx = context();
        Path elsewhere = Files.writeString(dir.resolve("Dockerfile.other"), "FROM scratch\n");
        BuildContextTar context = new BuildContextTar(ctx, elsewhere);
        assertTrue(context.dockerfileName().matches("\\.dockerfile\\.[0-9a-f]{16}"), context.dockerfileName());
        Map<String, Entry> entries = tar(context);
        assertArrayEquals("FROM scratch\n".getBytes(StandardCharsets.UTF_8),
                entries.get(context.dockerfileName()).content());
    }

    @Test
    void aMissingContextOrDockerfile_isAClearErrorBeforeAnythingIsSent() throws Exception {
        Path ctx = context();
        SlipwayException noDir = assertThrows(SlipwayException.class,
                () -> new BuildContextTar(dir.resolve("none"), ctx.resolve("Dockerfile")));
        assertEquals(ErrorCode.BUILD_CONTEXT_INVALID, noDir.code());
        SlipwayException noFile = assertThrows(SlipwayException.class,
                () -> new BuildContextTar(ctx, ctx.resolve("Containerfile")));
        assertEquals(ErrorCode.BUILD_CONTEXT_INVALID, noFile.code());
        assertTrue(noFile.getMessage().contains("Containerfile"), noFile.getMessage());
    }

    @Test
    void anInvalidDockerignore_isAClearError() throws Exception {
        Path ctx = context();
        Files.writeString(ctx.resolve(".dockerignore"), "!\n");
        SlipwayException e = assertThrows(SlipwayException.class,
                () -> new BuildContextTar(ctx, ctx.resolve("Dockerfile")));
        assertEquals(ErrorCode.BUILD_CONTEXT_INVALID, e.code());
    }
}
