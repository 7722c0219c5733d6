package dev.slipway.worker.pipeline;

import dev.slipway.worker.dockerfile.FinalDockerfile;
import dev.slipway.worker.engine.ImageEngine;
import dev.slipway.worker.image.DockerArchiveReader;
import dev.slipway.worker.image.DockerArchiveWriter;
import dev.slipway.worker.image.KnownLayers;
import dev.slipway.worker.image.LastInstructions;
import dev.slipway.worker.image.OciImage;
import dev.slipway.worker.image.OciImageWriter;
import dev.slipway.worker.image.SavedImage;
import dev.slipway.worker.image.SizeMatchedOtherLayerException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The save_image step, after build_image and beside read_packages: take the built image out of the engine once
 * ({@code docker save}) and, while it streams, compress each layer once on every core; the uncompressed layer tars
 * are handed to {@link ReadPackagesStep} as soon as they are on disk. Then the final Dockerfile's last
 * instructions, which the engine did not run, are applied ({@link LastInstructions}) and the OCI layout is written,
 * whose blobs and manifest are pushed to every registry and copied to the mirror. Release builds also get the
 * gzipped {@code docker load}-able archive, made from the same blobs in the background while the pushes run.
 */
final class SaveImageStep implements BuildStep {
    private final ImageEngine engine;
    private final DockerArchiveReader reader;
    private final LastInstructions lastInstructions;
    private final OciImageWriter writer;
    private final DockerArchiveWriter archiveWriter;
    private final ExecutorService background;

    SaveImageStep(ImageEngine engine, DockerArchiveReader reader, LastInstructions lastInstructions,
            OciImageWriter writer, DockerArchiveWriter archiveWriter, ExecutorService background) {
        this.engine = engine;
        this.reader = reader;
        this.lastInstructions = lastInstructions;
        this.writer = writer;
        this.archiveWriter = archiveWriter;
        this.background = background;
    }

    @Override
    public String name() {
        return "save_image";
    }

    @Override
    public void run(PipelineRun state) throws Exception {
        SavedImage image;
        long t0 = System.nanoTime();
        FirstByte firstByte;
        try {
            // The parent's layers, which the OCI layout takes from its registry, are not compressed again.
            try (FirstByte in = new FirstByte(engine.save(state.engineTag))) {
                firstByte = in;
                image = reader.read(in, state.workDir.resolve("saved"), state.baseLayers);
            } catch (SizeMatchedOtherLayerException e) {
                state.log.line(e.getMessage() + "; saving the image again, compressing every layer");
                try (FirstByte in = new FirstByte(engine.save(state.engineTag))) {
                    firstByte = in;
                    image = reader.read(in, state.workDir.resolve("saved-again"), KnownLayers.none());
                }
            }
        } catch (Exception | Error e) {
            state.saved.completeExceptionally(e);
            throw e;
        }
        // The package reader (running beside this step) takes the uncompressed layers from here.
        state.saved.complete(image);
        long read = System.nanoTime();
        FinalDockerfile last = state.finalDockerfile;
        List<LastInstructions.RuntimeCommand> commands = last.deferred().stream().map(i -> LastInstructions
                .RuntimeCommand.of(i.keyword(), i.arguments().execForm(), i.arguments().values(),
                        i.arguments().text())).toList();
        SavedImage finished = lastInstructions.addTo(image, new LastInstructions.Contents(last.buildInfoPath(),
                last.text().getBytes(StandardCharsets.UTF_8), last.labels(), last.labelInstruction(),
                state.started.truncatedTo(ChronoUnit.SECONDS), state.dockerfile.finalStage().scratch(), commands,
                last.cmdBeforeDeferred()));
        state.image = writer.write(finished, state.annotations, state.workDir.resolve("oci"),
                state.tags.primary().isEmpty() ? state.tags.unique() : state.tags.primary().get(0), state.baseLayers);
        // Where save_image's time goes, for the benchmark: the engine's answer, its stream, the OCI layout.
        state.log.line("save_image: first byte after " + firstByte.millisFrom(t0) + " ms, stream read in "
                + (read - t0) / 1_000_000 + " ms, OCI layout in " + (System.nanoTime() - read) / 1_000_000 + " ms");
        SavedImage layers = image;
        long parents = layers.layerBlobs().stream().filter(l -> !Files.exists(layers.blob(l))).count();
        state.log.line("save_image: " + parents + " of " + image.layerBlobs().size() + " layers read without"
                + " compressing them: the parent's, whose registry blobs the layout takes");
        // The uncompressed layers go as soon as both the OCI layout and the package list are made from them.
        state.layersRead.whenComplete((done, failure) -> deleteQuietly(layers));
        state.log.line("Image " + state.image.manifestDigest() + " has " + state.image.layers().size()
                + " layers, the last one holding " + state.finalDockerfile.buildInfoPath());
        // Only release builds reach the mirror, which keeps the docker load-able archive.
        if (!state.request.scratch() && state.request.mirrorRoot() != null) {
            OciImage layout = state.image;
            String repoTag = state.imageName + ":" + state.nvr.versionRelease();
            Path archive = state.workDir.resolve("docker-image.tar.gz");
            Future<?> writing = state.dockerArchive = background.submit(() -> archiveWriter.write(layout, repoTag,
                    state.started.truncatedTo(ChronoUnit.SECONDS), archive));
            state.onExit("stop writing the docker archive", () -> writing.cancel(true));
        }
    }

    /** Notes when the engine's first byte arrived. */
    private static final class FirstByte extends FilterInputStream {
        private long at;

        FirstByte(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            noteFirst(b >= 0 ? 1 : 0);
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = super.read(buffer, off, len);
            noteFirst(n);
            return n;
        }

        private void noteFirst(int n) {
            if (at == 0 && n > 0) {
                at = System.nanoTime();
            }
        }

        long millisFrom(long start) {
            return at == 0 ? -1 : (at - start) / 1_000_000;
        }
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
