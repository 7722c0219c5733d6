package dev.slipway.worker.pipeline;

import dev.slipway.worker.dockerfile.Dockerfile;
import dev.slipway.worker.dockerfile.ImageLabels;
import dev.slipway.worker.dockerfile.Stage;

/**
 * The check_dockerfile step, after fetch_source (OSBS's check_user_settings): parse the Dockerfile, refuse what the
 * engine API cannot build, and check the identity labels the OSBS way, all before anything is built or pushed.
 */
final class CheckDockerfileStep implements BuildStep {

    @Override
    public String name() {
        return "check_dockerfile";
    }

    @Override
    public void run(PipelineRun state) {
        Dockerfile dockerfile = Dockerfile.parse(state.originalDockerfile);
        ImageLabels identity = ImageLabels.of(dockerfile);
        state.dockerfile = dockerfile;
        state.identity = identity;
        state.component = identity.component();
        state.imageName = identity.name();
        state.version = identity.version();
        state.releaseLabel = identity.release();
        state.parentReferences.addAll(dockerfile.parents());
        state.finalBase = finalBase(dockerfile);
        state.log.line("Dockerfile: " + dockerfile.stages().size() + " stage(s), parents " + dockerfile.parents()
                + ", component " + identity.component() + ", name " + identity.name() + ", version "
                + identity.version() + (identity.release() == null ? "" : ", release " + identity.release()));
    }

    /** Follows the final stage back through stage references to the image it really starts from. */
    private static String finalBase(Dockerfile dockerfile) {
        Stage stage = dockerfile.finalStage();
        while (stage.fromStage()) {
            stage = dockerfile.stages().get(stage.baseStage());
        }
        return stage.externalBase() ? stage.baseImage() : null;
    }
}
