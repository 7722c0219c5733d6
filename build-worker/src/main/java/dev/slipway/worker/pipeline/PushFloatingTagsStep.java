package dev.slipway.worker.pipeline;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import dev.slipway.worker.config.RegistryConfig;
import dev.slipway.worker.registry.ImageRegistries;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * The push_floating_tags step, last in a release build's recipe: move the floating tags ({@code version},
 * {@code latest}) to the new image, only after every earlier step succeeded, so a failed or canceled build never
 * changes what {@code latest} means. The tags move side by side (each registry, each tag), each after its own
 * fence check, and are read back once all are put. Two builds of one component finishing together leave each tag on
 * the newer NVR, whichever moves last ({@link FloatingTagRace}).
 */
final class PushFloatingTagsStep implements BuildStep {
    /** How often an older build's image is moved off a floating tag before the race counts as a failure. */
    private static final int ATTEMPTS = 3;
    private final ImageRegistries registries;
    private final ExecutorService pool;
    private final PublishFence fence;
    private final FloatingTagRace race;

    PushFloatingTagsStep(ImageRegistries registries, ExecutorService pool, PublishFence fence) {
        this.race = new FloatingTagRace(registries);
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
        List<PushedImage> moved = SideBySide.run(pool, state.pushes.size(), i -> {
            PushedImage pushed = state.pushes.get(i);
            RegistryConfig registry = state.request.registries().get(i);
            String repository = pushed.repository();
            List<String> floating = state.tags.floating();
            // Every tag is put first, then every tag read back: distribution's storage rewrites the manifest's
            // revision link on each put, and a HEAD while another put of the same manifest is writing it can
            // fail (500), which costs a retry. Each floating tag is its own race (FloatingTagRace).
            SideBySide.run(pool, floating.size(), t -> {
                put(registry, repository, floating.get(t), state);
                return null;
            });
            List<Digest> served = SideBySide.run(pool, floating.size(),
                    t -> served(registry, repository, floating.get(t)));
            List<String> ours = new ArrayList<>();
            for (int t = 0; t < floating.size(); t++) {
                if (settle(registry, repository, floating.get(t), served.get(t), state)) {
                    ours.add(floating.get(t));
                }
            }
            if (!ours.isEmpty()) {
                state.log.line("Floating tags " + ours + " now name " + pushed.digest() + " on "
                        + registry.hostAndPort());
            }
            return pushed.withTags(ours);
        });
        for (int i = 0; i < moved.size(); i++) {
            state.pushes.set(i, moved.get(i));
        }
    }

    /** Points one floating tag at this build's image, if this worker still holds the build's lease. */
    private void put(RegistryConfig registry, String repository, String tag, PipelineRun state)
            throws InterruptedException {
        PushStep.checkNotCanceled();
        // A worker whose lease was taken over (cut off, then back) must not move what latest means.
        fence.check();
        registries.tag(registry, repository, state.image, tag);
    }

    private Digest served(RegistryConfig registry, String repository, String tag) {
        return registries.head(registry, repository, tag).orElseThrow(() -> new SlipwayException(
                ErrorCode.REGISTRY_NOT_FOUND, "Pushed " + registry.hostAndPort() + "/" + repository + ":" + tag
                        + " but the registry does not serve it"));
    }

    /**
     * Whether the tag, just put and now serving {@code served}, stays on this build: true when it names ours;
     * false when a newer build of the component moved it meanwhile; an older build's image is moved off again.
     */
    private boolean settle(RegistryConfig registry, String repository, String tag, Digest served, PipelineRun state)
            throws InterruptedException {
        Digest ours = state.image.manifestDigest();
        for (int attempt = 1; !served.equals(ours); attempt++) {
            FloatingTagRace.Verdict verdict = race.judge(registry, repository, served, state.nvr);
            if (verdict == FloatingTagRace.Verdict.NEWER_HOLDS) {
                state.log.line(registry.hostAndPort() + "/" + repository + ":" + tag + " stays on " + served
                        + ", a newer build of " + state.nvr.name() + " moved it meanwhile");
                return false;
            }
            if (verdict == FloatingTagRace.Verdict.FOREIGN || attempt == ATTEMPTS) {
                throw new SlipwayException(ErrorCode.REGISTRY_DIGEST_MISMATCH, "Pushed " + ours + " as "
                        + registry.hostAndPort() + "/" + repository + ":" + tag + " but the registry serves "
                        + served);
            }
            state.log.line(registry.hostAndPort() + "/" + repository + ":" + tag + " was moved to an older build ("
                    + served + ") meanwhile: moving it again");
            put(registry, repository, tag, state);
            served = served(registry, repository, tag);
        }
        return true;
    }
}
