package dev.slipway.worker.pipeline;

import dev.slipway.worker.config.RegistryConfig;
import dev.slipway.worker.registry.ImageRegistries;

/**
 * The attach_sboms step, after push (beside export_mirror for a release build): the SBOMs become OCI referrers of the
 * image in every registry it was pushed to, through the {@code sha256-<hex>} tag fallback that registries without the
 * referrers API need.
 */
final class AttachSbomsStep implements BuildStep {
    private final ImageRegistries registries;

    AttachSbomsStep(ImageRegistries registries) {
        this.registries = registries;
    }

    @Override
    public String name() {
        return "attach_sboms";
    }

    @Override
    public void run(PipelineRun state) {
        for (int i = 0; i < state.pushes.size(); i++) {
            RegistryConfig registry = state.request.registries().get(i);
            PushedImage pushed = state.pushes.get(i);
            registries.attachSboms(registry, pushed.repository(), pushed.digest(), state.sboms, state.started);
        }
        state.log.line("SBOMs (SPDX 2.3, CycloneDX 1.5) attached as referrers of " + state.image.manifestDigest()
                + " in " + state.pushes.size() + " registr" + (state.pushes.size() == 1 ? "y" : "ies"));
    }
}
