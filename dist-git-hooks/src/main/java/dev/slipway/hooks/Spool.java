package dev.slipway.hooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The hook's durable spool: one file per build request, {@code pending/<key>.json}, written to {@code tmp/},
 * fsync'd, renamed into place and the directory fsync'd, so a request the hook reported as queued survives a crash
 * of the machine. A submitted request's file is removed; a refused one moves to {@code refused/} with a
 * {@code <key>.reason} beside it and waits for an operator ({@code slipway-hook requeue}).
 */
final class Spool {
    /** What {@link #add} found. */
    enum Added { NEW, ALREADY_PENDING, REFUSED_EARLIER }

    private final Path pending;
    private final Path refused;
    private final Path tmp;
    private final ObjectMapper json;

    private Spool(Path dir, ObjectMapper json) {
        this.pending = dir.resolve("pending");
        this.refused = dir.resolve("refused");
        this.tmp = dir.resolve("tmp");
        this.json = json;
    }

    /** The spool in {@code dir}, created when missing. */
    static Spool open(Path dir, ObjectMapper json) {
        Spool s = new Spool(dir, json);
        try {
            for (Path d : List.of(s.pending, s.refused, s.tmp)) {
                Files.createDirectories(d);
            }
        } catch (IOException e) {
            throw failed("create the spool directories in " + dir, e);
        }
        return s;
    }

    /** Spools {@code r} durably unless a request with its key is already pending or was refused. */
    Added add(BuildRequest r) {
        String name = r.key() + ".json";
        if (Files.exists(refused.resolve(name))) {
            return Added.REFUSED_EARLIER;
        }
        if (Files.exists(pending.resolve(name))) {
            return Added.ALREADY_PENDING;
        }
        try {
            write(pending, name, json.writeValueAsBytes(r));
        } catch (IOException e) {
            throw failed("spool the build request of " + r.describe() + " in " + pending, e);
        }
        return Added.NEW;
    }

    /**
     * Removes temporary files older than {@code age}: what a hook killed while writing left behind (its request
     * was never reported as queued).
     */
    void removeStaleTemporaries(Duration age) {
        FileTime limit = FileTime.from(Instant.now().minus(age));
        for (Path t : list(tmp, ".tmp")) {
            FileTime m = modified(t);
            if (m != null && m.compareTo(limit) < 0) {
                try {
                    Files.deleteIfExists(t);
                } catch (IOException e) {
                    throw failed("remove the stale temporary file " + t, e);
                }
            }
        }
    }

    /** The pending request files, oldest first. */
    List<Path> pending() {
        return list(pending, ".json");
    }

    /** The pending file of {@code key}. */
    Path pendingFile(String key) {
        return pending.resolve(key + ".json");
    }

    /**
     * Takes the lock of a pending request for one submission; empty when another flusher holds it or it is gone
     * (submitted or refused meanwhile). The caller closes the entry.
     */
    Optional<SpoolEntry> lock(Path file) {
        FileChannel ch;
        try {
            ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        } catch (IOException e) {
            throw failed("open the spooled request " + file, e);
        }
        try {
            if (ch.tryLock() == null || !Files.exists(file)) {
                ch.close();
                return Optional.empty();
            }
            return Optional.of(new SpoolEntry(this, file, ch, json));
        } catch (OverlappingFileLockException | IOException e) {
            closeQuietly(ch);
            return Optional.empty();
        }
    }

    /** The refused requests, oldest first, each with the reason the hub gave. */
    List<SpoolEntry.Refused> refused() {
        List<SpoolEntry.Refused> out = new ArrayList<>();
        for (Path f : list(refused, ".json")) {
            String key = f.getFileName().toString().replace(".json", "");
            try {
                out.add(new SpoolEntry.Refused(json.readValue(f.toFile(), BuildRequest.class),
                        Files.readString(refused.resolve(key + ".reason")).strip()));
            } catch (IOException e) {
                throw failed("read the refused request " + f, e);
            }
        }
        return out;
    }

    /** Moves a refused request back to pending (an operator fixed the cause); false when there is none. */
    boolean requeue(String key) {
        Path f = refused.resolve(key + ".json");
        if (!Files.exists(f)) {
            return false;
        }
        try {
            Files.move(f, pending.resolve(key + ".json"), StandardCopyOption.ATOMIC_MOVE);
            syncDir(pending);
            Files.deleteIfExists(refused.resolve(key + ".reason"));
            syncDir(refused);
        } catch (IOException e) {
            throw failed("requeue the refused request " + key, e);
        }
        return true;
    }

    /** Removes a submitted request (called with its lock held). */
    void remove(Path file) throws IOException {
        Files.deleteIfExists(file);
        syncDir(pending);
    }

    /** Moves a pending request to refused/ with its reason (called with its lock held). */
    void refuse(Path file, String reason) throws IOException {
        String key = file.getFileName().toString().replace(".json", "");
        write(refused, key + ".reason", (reason + "\n").getBytes(StandardCharsets.UTF_8));
        Files.move(file, refused.resolve(key + ".json"), StandardCopyOption.ATOMIC_MOVE);
        syncDir(refused);
        syncDir(pending);
    }

    /** Writes {@code dir/name} atomically and durably: temporary file, fsync, rename, fsync of the directory. */
    private void write(Path dir, String name, byte[] content) throws IOException {
        // Group read-write: the pushing users and the flusher's service user share the spool (docs/hook.md).
        Path t = Files.createTempFile(tmp, name, ".tmp", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-rw----")));
        try {
            try (FileChannel ch = FileChannel.open(t, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap(content));
                ch.force(true);
            }
            Files.move(t, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDir(dir);
        } finally {
            Files.deleteIfExists(t);
        }
    }

    private static void syncDir(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    private static List<Path> list(Path dir, String suffix) {
        record Dated(Path file, FileTime modified) {
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix))
                    .map(p -> new Dated(p, modified(p))).filter(d -> d.modified() != null)
                    .sorted(Comparator.comparing(Dated::modified)).map(Dated::file).toList();
        } catch (IOException e) {
            throw failed("list " + dir, e);
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException gone) {
            return null; // submitted by another flusher while listing
        }
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing was written through it
        }
    }

    static SlipwayException failed(String what, IOException e) {
        return new SlipwayException(ErrorCode.HOOK_SPOOL_FAILED, "Tried to " + what + " but failed: " + e, e);
    }
}
