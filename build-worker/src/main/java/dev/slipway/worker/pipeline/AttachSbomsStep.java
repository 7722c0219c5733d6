package dev.slipway.worker.pipeline;

import dev.slipway.worker.config.RegistryConfig;
import dev.slipway.worker.registry.ImageRegistries;
import java.util.concurrent.ExecutorService;

/**
 * The attach_sboms step, after push (beside export_mirror for a release build): the SBOMs, whose blobs
 * {@link StageSbomsStep} already uploaded, become OCI referrers of the image in every registry it was pushed to
 * (side by side), through the {@code sha256-<hex>} tag fallback that registries without the referrers API need.
 * Only after push: a referrer names its image, so a build whose push failed is claimed by none.
 */
final class AttachSbomsStep implements BuildStep {
    private final ImageRegistries registries;
    private final ExecutorService pool;

    AttachSbomsStep(ImageRegistries registries, ExecutorService pool) {
        this.registries = registries;
        this.pool = pool;
    }

    @Override
    public String name() {
        return "attach_sboms";
    }

    @Override
    public void run(PipelineRun state) throws Exception {
        SideBySide.run(pool, state.pushes.size(), i -> {
            RegistryConfig registry = state.request.registries().get(i);
            PushedImage pushed = state.pushes.get(i);
            registries.attachSboms(registry, pushed.repository(), state.image, state.sboms, state.started);
            return pushed;
        });
        state.log.line("SBOMs (SPDX 2.3, CycloneDX 1.5) attached as referrers of " + state.image.manifestDigest()
                + " in " + state.pushes.size() + " registr" + (state.pushes.size() == 1 ? "y" : "ies"));
    }
}
