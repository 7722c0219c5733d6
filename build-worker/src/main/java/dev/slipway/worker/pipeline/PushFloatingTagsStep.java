package dev.slipway.worker.pipeline;

import dev.slipway.worker.config.RegistryConfig;
import dev.slipway.worker.registry.ImageRegistries;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * The push_floating_tags step, last in a release build's recipe: move the floating tags ({@code version},
 * {@code latest}) to the new image, only after every earlier step succeeded, so a failed or canceled build never
 * changes what {@code latest} means.
 */
final class PushFloatingTagsStep implements BuildStep {
    private final ImageRegistries registries;
    private final ExecutorService pool;
    private final PublishFence fence;

    PushFloatingTagsStep(ImageRegistries registries, ExecutorService pool, PublishFence fence) {
        this.registries = registries;
        this.pool = pool;
        this.fence = fence;
    }

    @Override
    public String name() {
        return "push_floating_tags";
    }

    @Override
    public void run(PipelineRun state) throws Exception {
        if (state.tags.floating().isEmpty()) {
            state.log.line("No floating tag to move (" + (state.request.isolated() ? "isolated" : "scratch")
                    + " build)");
            return;
        }
        List<PushedImage> moved = PerRegistry.run(pool, state.pushes.size(), i -> {
            PushedImage pushed = state.pushes.get(i);
            RegistryConfig registry = state.request.registries().get(i);
            for (String tag : state.tags.floating()) {
                PushStep.checkNotCanceled();
                // A worker whose lease was taken over (cut off, then back) must not move what latest means.
                fence.check();
                registries.tag(registry, pushed.repository(), state.image, tag);
                PushStep.confirm(registries, registry, pushed.repository(), tag, state);
            }
            state.log.line("Floating tags " + state.tags.floating() + " now name " + pushed.digest() + " on "
                    + registry.hostAndPort());
            return pushed.withTags(state.tags.floating());
        });
        for (int i = 0; i < moved.size(); i++) {
            state.pushes.set(i, moved.get(i));
        }
    }
}
