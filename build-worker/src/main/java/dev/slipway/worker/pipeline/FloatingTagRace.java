package dev.slipway.worker.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.content.RpmVersion;
import dev.slipway.common.image.Digest;
import dev.slipway.common.image.ImageReference;
import dev.slipway.common.image.Nvr;
import dev.slipway.worker.config.RegistryConfig;
import dev.slipway.worker.registry.ImageRegistries;
import java.io.IOException;
import java.util.Optional;

/**
 * Two builds of one component that finish together both move its floating tags ({@code version}, {@code latest}).
 * Whichever moves last would win by timing alone; instead the tag ends on the newer NVR whatever the order: when
 * the registry serves another image under a floating tag just moved, its component ({@code com.redhat.component}),
 * {@code version} and {@code release} labels decide. A newer build of the same component keeps the tag (this
 * build leaves it and says so); an older one is moved over again. An image that is not a build of this component
 * is a real mismatch.
 */
final class FloatingTagRace {
    /** What the registry's answer means for this build's floating tag. */
    enum Verdict {
        /** The tag names an older build of this component: move it to ours again. */
        RETAG,
        /** The tag names a newer build of this component: leave it there. */
        NEWER_HOLDS,
        /** The tag names something that is not a build of this component (or cannot be read as one). */
        FOREIGN
    }

    private final ImageRegistries registries;
    private final ObjectMapper json = new ObjectMapper();

    FloatingTagRace(ImageRegistries registries) {
        this.registries = registries;
    }

    /** Reads the identity labels of the image the registry serves under {@code served} and judges them. */
    Verdict judge(RegistryConfig registry, String repository, Digest served, Nvr ours) {
        ImageReference ref = new ImageReference(registry.hostAndPort(), repository, null, served);
        try {
            JsonNode manifest = json.readTree(registries.resolve(ref).bytes());
            JsonNode digest = manifest.path("config").path("digest");
            if (!digest.isTextual()) {
                return Verdict.FOREIGN; // an index or an unknown manifest: not one of our single-arch builds
            }
            JsonNode labels = json.readTree(registries.blob(ref, Digest.parse(digest.asText())))
                    .path("config").path("Labels");
            String component = text(labels, "com.redhat.component");
            return judge(ours, Optional.ofNullable(component != null ? component : text(labels, "BZComponent")),
                    Optional.ofNullable(text(labels, "version")), Optional.ofNullable(text(labels, "release")));
        } catch (IOException e) {
            return Verdict.FOREIGN;
        }
    }

    /** The rule alone: same component, then Koji's order of version-release (rpmvercmp). */
    static Verdict judge(Nvr ours, Optional<String> name, Optional<String> version, Optional<String> release) {
        if (name.isEmpty() || version.isEmpty() || release.isEmpty() || !ours.name().equals(name.get())) {
            return Verdict.FOREIGN;
        }
        int order = RpmVersion.compareEvr(null, version.get(), release.get(), null, ours.version(), ours.release());
        if (order == 0) {
            return Verdict.FOREIGN; // the same NVR under another digest: never two builds of one NVR
        }
        return order > 0 ? Verdict.NEWER_HOLDS : Verdict.RETAG;
    }

    private static String text(JsonNode labels, String key) {
        JsonNode v = labels.path(key);
        return v.isTextual() ? v.asText() : null;
    }
}
