package dev.slipway.worker.pipeline;

import dev.slipway.worker.engine.ImageEngine;
import dev.slipway.worker.image.DockerArchiveReader;
import dev.slipway.worker.image.OciImageWriter;
import dev.slipway.worker.image.SavedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * The save_image step, after build_image and beside read_packages: take the built image out of the engine once
 * ({@code docker save}) and, while it streams, compress each layer once on every core into the OCI layout whose blobs and manifest are pushed to every registry and copied to
 * the mirror; the uncompressed layer tars are handed to {@link ReadPackagesStep} as soon as they are on disk;
 * release builds also get the gzipped {@code docker load}-able archive, made from the same compressed
 * blocks.
 */
final class SaveImageStep implements BuildStep {
    private final ImageEngine engine;
    private final DockerArchiveReader reader;
    private final OciImageWriter writer;

    SaveImageStep(ImageEngine engine, DockerArchiveReader reader, OciImageWriter writer) {
        this.engine = engine;
        this.reader = reader;
        this.writer = writer;
    }

    @Override
    public String name() {
        return "save_image";
    }

    @Override
    public void run(PipelineRun state) throws Exception {
        Path saved = state.workDir.resolve("saved");
        // Only release builds reach the mirror, which keeps the docker load-able archive.
        boolean archived = !state.request.scratch() && state.request.mirrorRoot() != null;
        Path archive = archived ? state.workDir.resolve("docker-image.tar.gz") : null;
        SavedImage image;
        try (InputStream in = engine.save(state.engineTag)) {
            image = reader.read(in, saved, archive);
        } catch (Exception | Error e) {
            state.saved.completeExceptionally(e);
            throw e;
        }
        // The package reader (running beside this step) takes the uncompressed layers from here.
        state.saved.complete(image);
        if (archived) {
            state.dockerArchive = CompletableFuture.completedFuture(image.dockerArchive());
        }
        state.image = writer.write(image, state.annotations, state.workDir.resolve("oci"),
                state.tags.primary().isEmpty() ? state.tags.unique() : state.tags.primary().get(0), state.baseLayers);
        // The uncompressed layers go as soon as both the OCI layout and the package list are made from them.
        state.layersRead.whenComplete((done, failure) -> deleteQuietly(image));
        state.log.line("Image " + state.image.manifestDigest() + " has " + state.image.layers().size() + " layers");
    }

    private static void deleteQuietly(SavedImage image) {
        for (Path layer : image.layerTars()) {
            try {
                Files.deleteIfExists(layer);
            } catch (IOException e) {
                // The work directory is removed with the build anyway; a leftover layer only costs disk until then.
            }
        }
    }
}
