package dev.slipway.worker.pipeline;

import dev.slipway.worker.engine.ImageEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The build_image step, after add_labels: build the final Dockerfile through the engine API: no cache for release
 * builds, parents by digest, a unique build tag, every engine line into the build log. The engine runs all of it but
 * the CMD and ENTRYPOINT instructions that end it, the buildinfo {@code COPY} and the {@code LABEL} line, which
 * save_image applies to the image itself (each would cost the engine a commit, the COPY a container too). The build
 * tag is removed in the exit phase.
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
        Files.writeString(dockerfile, state.finalDockerfile.engineText());
        state.engineTag = "slipway-build/" + state.imageName + ":" + state.tags.unique();
        state.onExit("remove build image " + state.engineTag, () -> engine.removeImage(state.engineTag));
        boolean noCache = !state.request.scratch();
        state.log.line("Building " + state.engineTag + (noCache ? " without cache" : ""));
        state.engineImageId = engine.build(new ImageEngine.BuildSpec(context, dockerfile, state.engineTag, noCache,
                Map.of()), line -> state.log.line("engine: " + line));
        List<String> applied = new ArrayList<>();
        state.finalDockerfile.deferred().forEach(i -> applied.add(i.keyword()));
        applied.add("COPY of the buildinfo file");
        applied.add("LABEL");
        state.log.line("Built image " + state.engineImageId + "; the final Dockerfile's last " + applied.size()
                + " instructions (" + String.join(", ", applied) + ") are applied while it is saved");
    }
}
