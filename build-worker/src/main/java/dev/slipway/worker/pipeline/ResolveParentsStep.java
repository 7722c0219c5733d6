package dev.slipway.worker.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.ImageReference;
import dev.slipway.worker.image.PrefetchedLayers;
import dev.slipway.worker.registry.ImageRegistries;
import java.io.IOException;
import java.util.concurrent.ExecutorService;

/**
 * The resolve_parents step, after compute_release: pin every parent image to the manifest digest its registry serves
 * right now, so the build, its record and any rebuild use exactly that parent whatever later happens to its tag.
 * With {@code koji_parent_build} the final stage's parent is the digest the hub resolved instead.
 */
final class ResolveParentsStep implements BuildStep {
    private final ImageRegistries registries;
    private final ObjectMapper json = new ObjectMapper();

    private final BaseLayers baseLayers;

    /** {@code pool}: where the final parent's layer blobs download while the engine builds. */
    ResolveParentsStep(ImageRegistries registries, ExecutorService pool) {
        this.registries = registries;
        this.baseLayers = new BaseLayers(registries, pool);
    }

    @Override
    public String name() {
        return "resolve_parents";
    }

    @Override
    public void run(PipelineRun state) throws Exception {
        ImageReference kojiParent = state.request.kojiParent() == null ? null
                : KojiParentPin.pin(state.request.kojiParent(), state.finalBase, state.engine.arch());
        for (String written : state.parentReferences) {
            boolean fromKoji = kojiParent != null && written.equals(state.finalBase);
            ImageReference ref = fromKoji ? kojiParent : ImageReference.parse(written);
            ImageRegistries.Manifest manifest = registries.resolve(ref);
            if (fromKoji && !manifest.digest().equals(kojiParent.digest())) {
                throw new SlipwayException(ErrorCode.REGISTRY_DIGEST_MISMATCH, "Tried to read koji_parent_build "
                        + kojiParent + " but its registry served " + manifest.digest());
            }
            String pinned = ref.withDigest(manifest.digest()).toString();
            state.parents.add(new ParentImage(written, pinned, manifest.digest(), manifest.mediaType(),
                    configDigest(manifest)));
            state.log.line("Parent " + written + " is " + pinned
                    + (fromKoji ? " (koji_parent_build " + state.request.kojiParent().nvr() + ")" : ""));
            if (written.equals(state.finalBase)) {
                PrefetchedLayers prefetched = baseLayers.of(ref, manifest, state.engine.arch(),
                        state.workDir.resolve("base-layers"));
                state.onExit("stop fetching the parent's layers", prefetched::close);
                state.baseLayers = prefetched;
                state.baseRepository = ref;
            }
        }
    }

    private String configDigest(ImageRegistries.Manifest manifest) throws IOException {
        JsonNode config = json.readTree(manifest.bytes()).path("config").path("digest");
        return config.isTextual() ? config.asText() : null;
    }
}
