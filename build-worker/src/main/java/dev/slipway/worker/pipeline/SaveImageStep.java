package dev.slipway.worker.pipeline;

import dev.slipway.worker.engine.ImageEngine;
import dev.slipway.worker.image.ArchiveCompressor;
import dev.slipway.worker.image.DockerArchiveReader;
import dev.slipway.worker.image.OciImageWriter;
import dev.slipway.worker.image.SavedImage;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.io.IOException;
import java.nio.file.Files;

/**
 * The save_image step, after build_image and beside read_packages: take the built image out of the engine once
 * ({@code docker save}) and turn it into the OCI layout whose manifest is pushed everywhere and copied to the mirror.
 * The layer tars are handed to {@link ReadPackagesStep} as soon as they are on disk. The {@code docker load}-able
 * archive is gzipped in the background for release builds; the mirror export waits for it.
 */
final class SaveImageStep implements BuildStep {
    private final ImageEngine engine;
    private final DockerArchiveReader reader;
    private final OciImageWriter writer;
    private final ExecutorService background;

    SaveImageStep(ImageEngine engine, DockerArchiveReader reader, OciImageWriter writer, ExecutorService background) {
        this.engine = engine;
        this.reader = reader;
        this.writer = writer;
        this.background = background;
    }

    @Override
    public String name() {
        return "save_image";
    }

    @Override
    public void run(PipelineRun state) throws Exception {
        Path saved = state.workDir.resolve("saved");
        Path archive = state.workDir.resolve("docker-image.tar");
        SavedImage image;
        try (InputStream in = engine.save(state.engineTag)) {
            image = reader.read(in, saved, archive);
        } catch (Exception | Error e) {
            state.saved.completeExceptionally(e);
            throw e;
        }
        // The package reader (running beside this step) takes the layers from here, while they are compressed.
        state.saved.complete(image);
        if (!state.request.scratch() && state.request.mirrorRoot() != null) {
            Future<Path> gz = background.submit(() -> ArchiveCompressor.gzip(archive,
                    state.workDir.resolve("docker-image.tar.gz")));
            state.dockerArchive = gz;
            state.onExit("stop compressing the docker archive", () -> gz.cancel(true));
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
