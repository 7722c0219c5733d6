package dev.slipway.worker.mirror;

import dev.slipway.common.image.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Writes a {@code CHECKSUM} file in {@code sha256sum -c} format covering every file below a directory. */
public final class ChecksumFile {
    public static final String NAME = "CHECKSUM";

    private ChecksumFile() {
    }

    public static void write(Path root) throws IOException {
        write(root, Map.of());
    }

    /**
     * As above, taking the sha256 of the files in {@code known} (path relative to {@code root}, with {@code /})
     * from the caller, who computed it while writing them, instead of reading them again.
     */
    public static void write(Path root, Map<String, Digest> known) throws IOException {
        StringBuilder out = new StringBuilder();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).filter(p -> !p.equals(root.resolve(NAME))).sorted().toList();
        }
        for (Path file : files) {
            String name = root.relativize(file).toString().replace('\\', '/');
            Digest digest = known.get(name);
            out.append((digest != null ? digest : sha256(file)).hex()).append("  ").append(name).append('\n');
        }
        Files.writeString(root.resolve(NAME), out.toString());
    }

    public static Digest sha256(Path file) throws IOException {
        MessageDigest md = Digest.newSha256();
        try (InputStream in = Files.newInputStream(file);
                OutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), md)) {
            in.transferTo(sink);
        }
        return Digest.ofSha256(md);
    }
}
