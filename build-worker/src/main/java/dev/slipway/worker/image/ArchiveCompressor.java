package dev.slipway.worker.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Compresses the saved {@code docker save} archive for the mirror, as {@code docker save | gzip} would. */
public final class ArchiveCompressor {
    private ArchiveCompressor() {
    }

    /** Writes {@code tar} gzip-compressed (zlib's default level) to {@code gz} and removes the plain tar. */
    public static Path gzip(Path tar, Path gz) throws IOException {
        try (InputStream in = Files.newInputStream(tar);
                OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz), 1 << 16)) {
            in.transferTo(out);
        }
        Files.delete(tar);
        return gz;
    }
}
