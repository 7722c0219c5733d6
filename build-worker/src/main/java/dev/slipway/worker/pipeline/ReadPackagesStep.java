package dev.slipway.worker.pipeline;

import dev.slipway.worker.contents.ImagePackages;

/**
 * The read_packages step, after build_image and beside save_image: read the package list out of the built image without
 * running it and without an {@code rpm} binary in it (see {@link ImagePackages}); the container it creates is removed
 * in the exit phase.
 */
final class ReadPackagesStep implements BuildStep {
    private final ImagePackages packages;

    ReadPackagesStep(ImagePackages packages) {
        this.packages = packages;
    }

    @Override
    public String name() {
        return "read_packages";
    }

    @Override
    public void run(PipelineRun state) throws Exception {
        state.packages = packages.read(state.imageId, state.workDir.resolve("rpmdb"),
                (what, action) -> state.onExit(what, action::run));
        state.log.line(state.packages.hasDatabase()
                ? "Read " + state.packages.packages().size() + " " + state.packages.type().id() + " packages from "
                        + state.packages.database()
                : "The image has no package database; its package list is empty");
    }
}
