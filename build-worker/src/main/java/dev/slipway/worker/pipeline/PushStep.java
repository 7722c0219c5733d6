package dev.slipway.worker.pipeline;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import dev.slipway.worker.config.RegistryConfig;
import dev.slipway.worker.registry.ImageRegistries;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * The push step, after check_publishing_rules (or read_packages for a scratch build), beside generate_sboms and
 * write_provenance: push the image to every configured registry (side by side) under its unique tag, then its primary
 * {@code version-release} tag, each digest confirmed by the registry's answer to the push. Floating tags come last, in
 * {@link PushFloatingTagsStep}.
 */
final class PushStep implements BuildStep {
    private final ImageRegistries registries;
    private final ExecutorService pool;
    private final PublishFence fence;

    /** {@code pool}: where the pushes to the second and further registries run, beside the first. */
    PushStep(ImageRegistries registries, ExecutorService pool, PublishFence fence) {
        this.registries = registries;
        this.pool = pool;
        this.fence = fence;
    }

    @Override
    public String name() {
        return "push";
    }

    @Override
    public void run(PipelineRun state) throws Exception {
        List<RegistryConfig> targets = state.request.registries();
        state.pushes.addAll(SideBySide.run(pool, targets.size(), i -> push(targets.get(i), state)));
    }

    private PushedImage push(RegistryConfig registry, PipelineRun state) throws InterruptedException {
        String repository = state.repository(registry);
        checkNotCanceled();
        // The parent's blobs are mounted from its repository when it lives in the same registry.
        String mountFrom = state.baseRepository != null
                && state.baseRepository.registry().equals(registry.hostAndPort())
                ? state.baseRepository.repository() : null;
        ImageRegistries.PushOutcome outcome = registries.push(registry, repository, state.image,
                state.tags.unique(), mountFrom);
        confirm(registry, repository, state.tags.unique(), outcome.digest(), state);
        state.log.line("Pushed " + registry.hostAndPort() + "/" + repository + ":" + state.tags.unique() + " ("
                + outcome.blobsUploaded() + " blobs, " + outcome.bytesUploaded() + " bytes uploaded, "
                + outcome.blobsSkipped() + " already there)");
        PushedImage pushed = new PushedImage(registry.hostAndPort(), repository, outcome.digest(), List.of(),
                List.of(), outcome.bytesUploaded()).withTags(List.of(state.tags.unique()));
        for (String tag : state.tags.primary()) {
            checkNotCanceled();
            // version-release names the build: only the lease's current holder may point it anywhere.
            fence.check();
            confirm(registry, repository, tag, registries.tag(registry, repository, state.image, tag), state);
            pushed = pushed.withTags(List.of(tag));
        }
        return pushed;
    }

    /**
     * The digest the registry confirmed for the tag (its answer to the manifest push, see
     * {@link ImageRegistries#push}) must be ours; anything else fails the build.
     */
    private static void confirm(RegistryConfig registry, String repository, String tag, Digest confirmed,
            PipelineRun state) {
        Digest expected = state.image.manifestDigest();
        if (!confirmed.equals(expected)) {
            throw new SlipwayException(ErrorCode.REGISTRY_DIGEST_MISMATCH, "Pushed " + expected + " as "
                    + registry.hostAndPort() + "/" + repository + ":" + tag + " but the registry confirmed "
                    + confirmed);
        }
    }

    static void checkNotCanceled() throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("canceled before the next push");
        }
    }
}
