package dev.slipway.worker.contents;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Extracts the tar stream Docker returns for a path copied out of a container (the archive endpoint, whose entries
 * are named after the path's last component) into a local directory that mirrors the image's layout.
 *
 * <p>The stream comes from an image, which may be hostile: every entry must stay under the copied path's name, only
 * directories and regular files are written (symbolic and hard links, devices and fifos are skipped, so nothing read
 * later can point outside the target), and the total size is capped.
 */
public final class CopiedPathExtractor {
    private static final long DEFAULT_MAX_BYTES = 2L * 1024 * 1024 * 1024;

    private final long maxBytes;

    public CopiedPathExtractor() {
        this(DEFAULT_MAX_BYTES);
    }

    /** @param maxBytes the most file content one extraction may write */
    public CopiedPathExtractor(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * Extracts {@code tar}, the copy of {@code imagePath}, so that it lands at {@code root + imagePath}.
     *
     * @return the local path that corresponds to {@code imagePath}
     */
    public Path extract(InputStream tar, Path root, String imagePath) {
        Path relative = Path.of("/").relativize(Path.of("/", imagePath).normalize());
        if (relative.getNameCount() == 0 || relative.toString().isEmpty()) {
            throw new SlipwayException(ErrorCode.INVALID_INPUT, "Cannot extract a copy of '" + imagePath
                    + "': it names no file or directory inside the image");
        }
        Path base = root.toAbsolutePath().normalize();
        Path target = base.resolve(relative.toString());
        Path parent = target.getParent();
        long written = 0;
        try {
            Files.createDirectories(parent);
            // Not closed here: the caller owns the underlying stream (an HTTP response from the engine).
            TarArchiveInputStream in = new TarArchiveInputStream(tar);
            for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path out = parent.resolve(entry.getName()).normalize();
                if (!out.equals(target) && !out.startsWith(target)) {
                    throw new SlipwayException(ErrorCode.ARCHIVE_ENTRY_UNSAFE, "Tried to extract the copy of "
                            + imagePath + " but its archive holds '" + entry.getName() + "', which lies outside "
                            + relative.getFileName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else if (isRegularFile(entry)) {
                    Files.createDirectories(out.getParent());
                    written += copy(in, out, maxBytes - written, imagePath);
                }
            }
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.CONTENTS_UNREADABLE,
                    "Tried to extract the copy of " + imagePath + " into " + parent + " but " + e, e);
        }
        return target;
    }

    /** commons-compress calls every non-directory a file, links and devices included. */
    private static boolean isRegularFile(TarArchiveEntry entry) {
        return entry.isFile() && !entry.isSymbolicLink() && !entry.isLink() && !entry.isCharacterDevice()
                && !entry.isBlockDevice() && !entry.isFIFO();
    }

    private static long copy(InputStream in, Path out, long budget, String imagePath) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (OutputStream os = Files.newOutputStream(out)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
                if (total > budget) {
                    throw new SlipwayException(ErrorCode.CONTENTS_UNREADABLE, "Tried to extract the copy of "
                            + imagePath + " but it is larger than the extraction limit");
                }
                os.write(buffer, 0, n);
            }
        }
        return total;
    }
}
