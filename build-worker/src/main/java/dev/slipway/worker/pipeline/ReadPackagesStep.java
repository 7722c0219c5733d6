package dev.slipway.worker.pipeline;

import dev.slipway.common.content.PackageManifest;
import dev.slipway.worker.contents.CopiedPathExtractor;
import dev.slipway.worker.contents.ImageContentsReader;
import dev.slipway.worker.engine.ImageEngine;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Step 6b: read the package list out of the built image without running it and without an {@code rpm} binary in
 * it: create a container (never started), copy the package database paths out, read them in Java.
 */
final class ReadPackagesStep implements BuildStep {
    private final ImageEngine engine;
    private final ImageContentsReader reader;
    private final CopiedPathExtractor extractor;

    ReadPackagesStep(ImageEngine engine, ImageContentsReader reader, CopiedPathExtractor extractor) {
        this.engine = engine;
        this.reader = reader;
        this.extractor = extractor;
    }

    @Override
    public String name() {
        return "read_packages";
    }

    @Override
    public void run(BuildState state) throws Exception {
        state.packages = read(engine, reader, extractor, state.imageId, state.workDir.resolve("rpmdb"), state::onExit);
        state.log.line(state.packages.hasDatabase()
                ? "Read " + state.packages.packages().size() + " " + state.packages.type().id() + " packages from "
                        + state.packages.database()
                : "The image has no package database; its package list is empty");
    }

    /** Reads the manifest of any image; shared with the benchmark. Registers container removal with onExit. */
    static PackageManifest read(ImageEngine engine, ImageContentsReader reader, CopiedPathExtractor extractor,
            String image, Path root, ExitRegistry onExit) throws Exception {
        String container = engine.createContainer(image);
        onExit.register("remove container " + container, () -> engine.removeContainer(container));
        Files.createDirectories(root);
        for (String path : ImageContentsReader.DATABASE_PATHS) {
            Optional<InputStream> tar = engine.copyFromContainer(container, path);
            if (tar.isEmpty()) {
                continue;
            }
            try (InputStream in = tar.get()) {
                extractor.extract(in, root, path);
            }
            PackageManifest manifest = reader.read(root);
            if (manifest.hasDatabase()) {
                return manifest;
            }
        }
        return PackageManifest.none();
    }

    /** Where clean-up actions go (the build state's exit phase, or a benchmark's own). */
    @FunctionalInterface
    interface ExitRegistry {
        void register(String what, BuildState.Cleanup action);
    }
}
