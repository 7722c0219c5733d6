package dev.slipway.worker.image;

import dev.slipway.common.image.Digest;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A file the worker wrote, with the checksums computed from the bytes as they were written (the mirror's CHECKSUM
 * and Koji's md5), so a large file is never read back just to hash it.
 *
 * @param md5 lowercase hex, what Koji's content-generator import checks
 */
public record WrittenFile(Path path, long size, Digest sha256, String md5) {
    public WrittenFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(md5, "md5");
    }
}
