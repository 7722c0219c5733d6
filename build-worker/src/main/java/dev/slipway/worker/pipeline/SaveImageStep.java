package dev.slipway.worker.pipeline;

import dev.slipway.worker.engine.ImageEngine;
import dev.slipway.worker.image.DockerArchiveReader;
import dev.slipway.worker.image.OciImageWriter;
import dev.slipway.worker.image.SavedImage;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Step 6: take the built image out of the engine once ({@code docker save}) and turn it into the OCI layout whose
 * manifest is pushed everywhere and copied to the mirror, plus the gzipped docker archive for {@code docker load}.
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
    public void run(BuildState state) throws Exception {
        Path saved = state.workDir.resolve("saved");
        Path archive = state.workDir.resolve("docker-image.tar.gz");
        SavedImage image;
        try (InputStream in = engine.save(state.engineTag)) {
            image = reader.read(in, saved, archive);
        }
        state.dockerArchive = archive;
        state.image = writer.write(image, state.annotations, state.workDir.resolve("oci"),
                state.tags.primary().isEmpty() ? state.tags.unique() : state.tags.primary().get(0));
        org.apache.commons.io.file.PathUtils.deleteDirectory(saved);
        state.log.line("Image " + state.image.manifestDigest() + " has " + state.image.layers().size() + " layers");
    }
}
