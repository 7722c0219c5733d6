package dev.slipway.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The content descriptors a manifest points to: the child manifests of an index, or the config and layers of an
 * image manifest. Layers with {@code urls} (Windows foreign layers) live outside the registry and are not copied.
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/descriptor.md">OCI descriptors</a>
 */
record Descriptors(List<Descriptor> manifests, List<Descriptor> blobs) {

    /** One descriptor: what it points to and how big it is. */
    record Descriptor(Digest digest, long size, String mediaType) {
    }

    Descriptors {
        manifests = List.copyOf(manifests);
        blobs = List.copyOf(blobs);
    }

    /** Reads the descriptors of {@code manifest}, which must be an image manifest or an index. */
    static Descriptors of(Manifest manifest, String where, ObjectMapper json) {
        JsonNode root;
        try {
            root = json.readTree(manifest.bytes());
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.REGISTRY_PROTOCOL,
                    "Tried to read the manifest " + where + " but it is not JSON: " + e.getMessage(), e);
        }
        if (!MediaTypes.MANIFESTS.contains(manifest.mediaType())) {
            throw new SlipwayException(ErrorCode.REGISTRY_PROTOCOL, "Tried to copy " + where
                    + " but its media type " + manifest.mediaType() + " is not one of " + MediaTypes.MANIFESTS);
        }
        if (MediaTypes.isIndex(manifest.mediaType())) {
            return new Descriptors(list(root.path("manifests"), where), List.of());
        }
        List<Descriptor> blobs = new ArrayList<>();
        blobs.add(descriptor(root.path("config"), where));
        for (JsonNode layer : root.path("layers")) {
            if (!layer.has("urls")) {
                blobs.add(descriptor(layer, where));
            }
        }
        return new Descriptors(List.of(), blobs);
    }

    private static List<Descriptor> list(JsonNode array, String where) {
        List<Descriptor> out = new ArrayList<>();
        for (JsonNode node : array) {
            out.add(descriptor(node, where));
        }
        return out;
    }

    private static Descriptor descriptor(JsonNode node, String where) {
        if (!node.path("digest").isTextual() || !node.path("size").canConvertToLong()) {
            throw new SlipwayException(ErrorCode.REGISTRY_PROTOCOL,
                    "Tried to read the manifest " + where + " but a descriptor lacks a digest or size: " + node);
        }
        return new Descriptor(Digest.parse(node.path("digest").asText()), node.path("size").asLong(),
                node.path("mediaType").asText(""));
    }
}
