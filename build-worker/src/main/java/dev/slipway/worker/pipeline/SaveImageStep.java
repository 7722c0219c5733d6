package dev.slipway.worker.pipeline;

import dev.slipway.worker.engine.ImageEngine;
import dev.slipway.worker.image.DockerArchiveReader;
import dev.slipway.worker.image.OciImageWriter;
import dev.slipway.worker.image.SavedImage;
import java.io.FilterInputStream;
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
        long t0 = System.nanoTime();
        FirstByte firstByte;
        try (FirstByte in = new FirstByte(engine.save(state.engineTag))) {
            firstByte = in;
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
        long read = System.nanoTime();
        state.image = writer.write(image, state.annotations, state.workDir.resolve("oci"),
                state.tags.primary().isEmpty() ? state.tags.unique() : state.tags.primary().get(0), state.baseLayers);
        // Where save_image's time goes, for the benchmark: the engine's answer, its stream, the OCI layout.
        state.log.line("save_image: first byte after " + firstByte.millisFrom(t0) + " ms, stream read in "
                + (read - t0) / 1_000_000 + " ms, OCI layout in " + (System.nanoTime() - read) / 1_000_000 + " ms");
        // The uncompressed layers go as soon as both the OCI layout and the package list are made from them.
        state.layersRead.whenComplete((done, failure) -> deleteQuietly(image));
        state.log.line("Image " + state.image.manifestDigest() + " has " + state.image.layers().size() + " layers");
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
