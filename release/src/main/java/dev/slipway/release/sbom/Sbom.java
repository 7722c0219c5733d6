package dev.slipway.release.sbom;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/** One generated SBOM document: its format and exact bytes (UTF-8 JSON). */
public record Sbom(SbomFormat format, byte[] bytes) {
    public Sbom {
        Objects.requireNonNull(format, "format");
        bytes = Objects.requireNonNull(bytes, "bytes").clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The sha256 of the bytes: the blob digest the SBOM has in a registry. */
    public Digest digest() {
        return Digest.sha256(bytes);
    }

    /** Writes the document as {@code <directory>/<format file name>} and returns that path. */
    public Path writeTo(Path directory) {
        Path target = directory.resolve(format.fileName());
        try {
            Files.createDirectories(directory);
            Files.write(target, bytes);
            return target;
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.SBOM_WRITE_FAILED,
                    "Tried to write the " + format + " SBOM to " + target + " but could not: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Sbom s && format == s.format && Arrays.equals(bytes, s.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * format.hashCode() + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Sbom[" + format + ", " + bytes.length + " bytes, " + digest() + "]";
    }
}
