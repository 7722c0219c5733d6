package dev.slipway.release.signing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Maps a request path below a lookaside base to a signature file, for any HTTP server (the hub mounts it; the JDK
 * {@link LookasideHttpHandler} wraps it): only paths of the {@link LookasideLayout} are answered, never directories,
 * and nothing outside the root, also not through symbolic links.
 */
public final class LookasideResolver {
    private final Path root;

    public LookasideResolver(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    /** The file for a decoded relative path such as {@code team/app@sha256=<hex>/signature-1}, when it exists. */
    public Optional<Path> resolve(String relativePath) {
        if (relativePath == null || LookasideLayout.parse(relativePath).isEmpty()) {
            return Optional.empty();
        }
        Path file = root.resolve(relativePath).normalize();
        try {
            if (!file.startsWith(root) || !Files.isRegularFile(file)
                    || !file.toRealPath().startsWith(root.toRealPath())) {
                return Optional.empty();
            }
            return Optional.of(file);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
