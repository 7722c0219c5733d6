package dev.slipway.worker.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Architectures;
import dev.slipway.common.image.Digest;
import dev.slipway.common.image.ImageReference;
import dev.slipway.worker.image.Descriptor;
import dev.slipway.worker.image.KnownLayers;
import dev.slipway.worker.image.PrefetchedLayers;
import dev.slipway.worker.registry.ImageRegistries;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * The parent image's layers as its registry holds them, keyed by diff_id, so the built image reuses the parent's
 * compressed blobs (no second compression, a mount instead of an upload) the way {@code docker push} does. Their
 * blobs start downloading as soon as they are known, while the engine builds.
 */
final class BaseLayers {
    private final ImageRegistries registries;
    private final ExecutorService pool;
    private final ObjectMapper json = new ObjectMapper();

    /** {@code pool}: where the parent's blobs download while the engine builds. */
    BaseLayers(ImageRegistries registries, ExecutorService pool) {
        this.registries = registries;
        this.pool = pool;
    }

    /** The parent's known layers, their blobs already downloading into {@code directory}. */
    PrefetchedLayers of(ImageReference parent, ImageRegistries.Manifest manifest, String kojiArch, Path directory)
            throws IOException {
        JsonNode root = json.readTree(manifest.bytes());
        if (root.has("manifests")) {
            root = json.readTree(registries.resolve(parent.withDigest(child(root, parent, kojiArch))).bytes());
        }
        Digest configDigest = Digest.parse(root.path("config").path("digest").asText());
        JsonNode config = json.readTree(registries.blob(parent, configDigest));
        JsonNode diffIds = config.path("rootfs").path("diff_ids");
        JsonNode layers = root.path("layers");
        Map<Digest, Descriptor> known = new HashMap<>();
        for (int i = 0; i < Math.min(diffIds.size(), layers.size()); i++) {
            JsonNode layer = layers.get(i);
            String type = layer.path("mediaType").asText();
            if (!type.endsWith("gzip")) {
                continue; // only gzip layers can stand in for the ones this writer would gzip
            }
            Digest diffId = Digest.parse(diffIds.get(i).asText());
            known.put(diffId, new Descriptor(type, Digest.parse(layer.path("digest").asText()),
                    layer.path("size").asLong(), diffId, -1));
        }
        return PrefetchedLayers.start(KnownLayers.of(known, (d, target) -> registries.fetchBlob(parent, d.digest(),
                target)), known.values(), directory, pool);
    }

    private static Digest child(JsonNode index, ImageReference parent, String kojiArch) {
        String arch = Architectures.oci(kojiArch);
        for (JsonNode m : index.path("manifests")) {
            JsonNode platform = m.path("platform");
            if (arch.equals(platform.path("architecture").asText()) && "linux".equals(platform.path("os").asText())) {
                return Digest.parse(m.path("digest").asText());
            }
        }
        throw new SlipwayException(ErrorCode.REGISTRY_NOT_FOUND, "Parent " + parent + " has no image for linux/" + arch);
    }
}
