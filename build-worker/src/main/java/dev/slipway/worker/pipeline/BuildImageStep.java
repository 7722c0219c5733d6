package dev.slipway.worker.pipeline;

import dev.slipway.worker.engine.ImageEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The build_image step, after add_labels: build the final Dockerfile through the engine API: no cache for release
 * builds, parents by digest, a unique build tag, every engine line into the build log. The build tag is removed in the
 * exit phase.
 */
final class BuildImageStep implements BuildStep {
    private final ImageEngine engine;

    BuildImageStep(ImageEngine engine) {
        this.engine = engine;
    }

    @Override
    public String name() {
        return "build_image";
    }

    @Override
    public void run(PipelineRun state) throws Exception {
        Path context = state.buildContext;
        Path dockerfile = context.resolve("Dockerfile");
        Files.writeString(dockerfile, state.finalDockerfile);
        Files.writeString(context.resolve(state.buildinfoFileName), state.finalDockerfile);
        state.engineTag = "slipway-build/" + state.imageName + ":" + state.tags.unique();
        state.onExit("remove build image " + state.engineTag, () -> engine.removeImage(state.engineTag));
        boolean noCache = !state.request.scratch();
        state.log.line("Building " + state.engineTag + (noCache ? " without cache" : ""));
        state.imageId = engine.build(new ImageEngine.BuildSpec(context, dockerfile, state.engineTag, noCache, Map.of()),
                line -> state.log.line("engine: " + line));
        state.log.line("Built image " + state.imageId);
    }
}
