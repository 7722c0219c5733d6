package dev.slipway.worker.pipeline;

import dev.slipway.worker.contents.ImageContentsReader;
import dev.slipway.worker.contents.LayeredFiles;
import dev.slipway.worker.image.SavedImage;
import java.util.concurrent.ExecutionException;

/**
 * The read_packages step, after build_image and beside save_image: read the package list straight from the layer
 * tars {@link SaveImageStep} takes out of the engine (last layer wins, whiteouts applied; see {@link LayeredFiles}),
 * without creating a container, without the engine's archive endpoint and without an {@code rpm} binary. It waits
 * for the save's layers, then runs while the save step compresses them.
 */
final class ReadPackagesStep implements BuildStep {
    private final ImageContentsReader reader;

    ReadPackagesStep(ImageContentsReader reader) {
        this.reader = reader;
    }

    @Override
    public String name() {
        return "read_packages";
    }

    @Override
    public void run(PipelineRun state) throws Exception {
        try {
            SavedImage image;
            try {
                image = state.saved.get();
            } catch (ExecutionException e) {
                // The save step fails with this cause itself; ConcurrentSteps reports that failure first.
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
            state.packages = reader.read(LayeredFiles.of(image.layerTars()), state.workDir.resolve("rpmdb"));
        } finally {
            state.layersRead.complete(null);
        }
        state.log.line(state.packages.hasDatabase()
                ? "Read " + state.packages.packages().size() + " " + state.packages.type().id() + " packages from "
                        + state.packages.database() + " (" + state.packages.source() + ") in the image's layers"
                : "The image has no package database (neither an rpm database nor dpkg status); its package list"
                        + " is empty");
    }
}
