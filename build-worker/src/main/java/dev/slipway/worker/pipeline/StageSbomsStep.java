package dev.slipway.worker.pipeline;

import dev.slipway.worker.config.RegistryConfig;
import dev.slipway.worker.registry.ImageRegistries;
import java.util.concurrent.ExecutorService;

/**
 * The stage_sboms step, right after generate_sboms and beside push: the SBOMs' blobs go to every registry (side by
 * side) while the image is still being pushed, so {@link AttachSbomsStep} is left with the small manifests only.
 * Blobs alone name no image: if the push fails, no SBOM claims the build (the referrers index is written only by
 * attach_sboms, after push).
 */
final class StageSbomsStep implements BuildStep {
    private final ImageRegistries registries;
    private final ExecutorService pool;

    StageSbomsStep(ImageRegistries registries, ExecutorService pool) {
        this.registries = registries;
        this.pool = pool;
    }

    @Override
    public String name() {
        return "stage_sboms";
    }

    @Override
    public void run(PipelineRun state) throws Exception {
        SideBySide.run(pool, state.request.registries().size(), i -> {
            RegistryConfig registry = state.request.registries().get(i);
            registries.stageSboms(registry, state.repository(registry), state.sboms);
            return registry;
        });
    }
}
