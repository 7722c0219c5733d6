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
 * fence check. Two builds of one component finishing together leave each tag on the newer
 * NVR, whichever moves last ({@link FloatingTagRace}).
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
            // Each floating tag is its own race (FloatingTagRace), so version and latest move side by side.
            List<String> floating = state.tags.floating();
            List<Boolean> held = SideBySide.run(pool, floating.size(),
                    t -> move(registry, pushed.repository(), floating.get(t), state));
            List<String> ours = new ArrayList<>();
            for (int t = 0; t < floating.size(); t++) {
                if (held.get(t)) {
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

    /** Moves one floating tag to this build's image; false when a newer build of the component holds it. */
    private boolean move(RegistryConfig registry, String repository, String tag, PipelineRun state)
            throws InterruptedException {
        Digest ours = state.image.manifestDigest();
        Digest served = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            PushStep.checkNotCanceled();
            // A worker whose lease was taken over (cut off, then back) must not move what latest means.
            fence.check();
            registries.tag(registry, repository, state.image, tag);
            served = registries.head(registry, repository, tag).orElseThrow(() -> new SlipwayException(
                    ErrorCode.REGISTRY_NOT_FOUND, "Pushed " + registry.hostAndPort() + "/" + repository + ":" + tag
                            + " but the registry does not serve it"));
            if (served.equals(ours)) {
                return true;
            }
            FloatingTagRace.Verdict verdict = race.judge(registry, repository, served, state.nvr);
            if (verdict == FloatingTagRace.Verdict.NEWER_HOLDS) {
                state.log.line(registry.hostAndPort() + "/" + repository + ":" + tag + " stays on " + served
                        + ", a newer build of " + state.nvr.name() + " moved it meanwhile");
                return false;
            }
            if (verdict == FloatingTagRace.Verdict.FOREIGN) {
                break;
            }
            state.log.line(registry.hostAndPort() + "/" + repository + ":" + tag + " was moved to an older build ("
                    + served + ") meanwhile: moving it again");
        }
        throw new SlipwayException(ErrorCode.REGISTRY_DIGEST_MISMATCH, "Pushed " + ours + " as "
                + registry.hostAndPort() + "/" + repository + ":" + tag + " but the registry serves " + served);
    }
}
