package dev.slipway.worker.contents;

import dev.slipway.common.content.PackageManifest;
import dev.slipway.worker.engine.ImageEngine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Reads the package list of an image without running it and without an {@code rpm} binary in it: creates a
 * container (never started), copies the package database paths out one by one until one holds a database, and
 * reads it in Java.
 */
public final class ImagePackages {
    private final ImageEngine engine;
    private final ImageContentsReader reader;
    private final CopiedPathExtractor extractor;

    public ImagePackages(ImageEngine engine, ImageContentsReader reader, CopiedPathExtractor extractor) {
        this.engine = engine;
        this.reader = reader;
        this.extractor = extractor;
    }

    /**
     * Reads the image's manifest, extracting into {@code scratch}.
     *
     * @param cleanup receives the container's removal (a description and the action) for the caller's exit phase
     */
    public PackageManifest read(String image, Path scratch, BiConsumer<String, Runnable> cleanup) throws IOException {
        String container = engine.createContainer(image);
        cleanup.accept("remove container " + container, () -> engine.removeContainer(container));
        Files.createDirectories(scratch);
        for (String path : ImageContentsReader.DATABASE_PATHS) {
            Optional<InputStream> tar = engine.copyFromContainer(container, path);
            if (tar.isEmpty()) {
                continue;
            }
            try (InputStream in = tar.get()) {
                extractor.extract(in, scratch, path);
            }
            PackageManifest manifest = reader.read(scratch);
            if (manifest.hasDatabase()) {
                return manifest;
            }
        }
        return PackageManifest.none();
    }
}
