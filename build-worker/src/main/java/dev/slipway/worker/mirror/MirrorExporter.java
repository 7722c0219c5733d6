package dev.slipway.worker.mirror;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.io.file.PathUtils;

/**
 * Exports one build to a mirror directory tree, {@code <root>/<name>/<version>-<release>/<arch>/}, atomically: the
 * files are written into a hidden temporary sibling and renamed into place, so a mirror sync never sees half a
 * build. An existing build directory is never overwritten.
 */
public final class MirrorExporter {
    private final Path root;

    public MirrorExporter(Path root) {
        this.root = root;
    }

    /**
     * Writes {@code files} (name inside the build directory → source file or directory to copy) and a CHECKSUM.
     *
     * @return the final build directory
     */
    public Path export(String name, String versionRelease, String arch, Map<String, Path> files) {
        return export(name, versionRelease, arch, files, Map.of());
    }

    /**
     * As above, and moves {@code moved} (the caller's temporary files) instead of copying them, which is a rename
     * when they live on the mirror's file system.
     */
    public Path export(String name, String versionRelease, String arch, Map<String, Path> files,
            Map<String, Path> moved) {
        return export(name, versionRelease, arch, files, moved, Map.of());
    }

    /**
     * As above; {@code knownSha256} gives the digests of files the caller hashed while writing them (by their name
     * inside the build directory), which the CHECKSUM takes instead of reading the files again.
     */
    public Path export(String name, String versionRelease, String arch, Map<String, Path> files,
            Map<String, Path> moved, Map<String, Digest> knownSha256) {
        Path base = root.normalize();
        Path named = base.resolve(name).normalize();
        if (!named.startsWith(base) || named.equals(base)) {
            throw new SlipwayException(ErrorCode.MIRROR_EXPORT_FAILED, "Image name '" + name
                    + "' does not name a directory inside the mirror root " + root);
        }
        // version-release and arch are one directory level each, so they may not hold a path of their own.
        for (String part : new String[] {versionRelease, arch}) {
            if (part.isEmpty() || part.equals(".") || part.equals("..") || part.contains("/") || part.contains("\\")) {
                throw new SlipwayException(ErrorCode.MIRROR_EXPORT_FAILED, "Tried to export " + name + "-"
                        + versionRelease + " for " + arch + " but '" + part + "' is not a single directory name");
            }
        }
        Path parent = named.resolve(versionRelease);
        Path target = parent.resolve(arch);
        if (Files.exists(target)) {
            throw new SlipwayException(ErrorCode.MIRROR_EXISTS, "Mirror " + target + " already holds a build of "
                    + name + "-" + versionRelease + " for " + arch + "; mirrors are never overwritten");
        }
        Path tmp = parent.resolve("." + arch + ".tmp-" + UUID.randomUUID());
        // Directories this export creates are removed again when it fails, so a failed export leaves nothing.
        List<Path> created = new ArrayList<>();
        for (Path d = parent; d != null && !d.equals(base) && !Files.exists(d); d = d.getParent()) {
            created.add(0, d);
        }
        try {
            Files.createDirectories(tmp);
            for (Map.Entry<String, Path> file : files.entrySet()) {
                Path dest = tmp.resolve(file.getKey());
                Files.createDirectories(dest.getParent());
                if (Files.isDirectory(file.getValue())) {
                    PathUtils.copyDirectory(file.getValue(), dest);
                } else {
                    Files.copy(file.getValue(), dest, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
            for (Map.Entry<String, Path> file : moved.entrySet()) {
                move(file.getValue(), tmp.resolve(file.getKey()));
            }
            ChecksumFile.write(tmp, knownSha256);
            moveAtomically(tmp, target);
            return target;
        } catch (IOException e) {
            deleteQuietly(tmp);
            deleteIfEmpty(created);
            if (DiskFull.causes(e)) {
                throw new SlipwayException(ErrorCode.MIRROR_DISK_FULL, "Tried to export " + name + "-"
                        + versionRelease + " to " + target + " but the mirror file system is full (" + e.getMessage()
                        + "); nothing of the build was left there", e);
            }
            throw new SlipwayException(ErrorCode.MIRROR_EXPORT_FAILED, "Tried to export " + name + "-" + versionRelease
                    + " to " + target + ": " + e, e);
        } catch (RuntimeException e) {
            deleteQuietly(tmp);
            deleteIfEmpty(created);
            throw e;
        }
    }

    private static void move(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try {
            Files.move(from, to);
        } catch (DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
            // A directory on another file system cannot be renamed: copy it instead.
            PathUtils.copyDirectory(from, to);
        }
    }

    private static void moveAtomically(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            throw new SlipwayException(ErrorCode.MIRROR_EXISTS, "Mirror " + target + " appeared while exporting");
        } catch (AtomicMoveNotSupportedException e) {
            throw new SlipwayException(ErrorCode.MIRROR_EXPORT_FAILED, "The mirror file system cannot rename "
                    + tmp + " atomically", e);
        }
        if (Files.exists(tmp)) {
            throw new SlipwayException(ErrorCode.MIRROR_EXPORT_FAILED, "Rename into " + target + " did not happen");
        }
    }

    /** Deepest first; a directory another export has written into meanwhile stays. */
    private static void deleteIfEmpty(List<Path> dirs) {
        for (int i = dirs.size() - 1; i >= 0; i--) {
            try {
                Files.deleteIfExists(dirs.get(i));
            } catch (IOException e) {
                return; // not empty (a concurrent export of the same name) or not ours to remove
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            if (Files.exists(dir)) {
                PathUtils.deleteDirectory(dir);
            }
        } catch (IOException e) {
            // Left behind only as a hidden temporary directory; the export already reports its failure.
        }
    }
}
