package dev.slipway.release.sbom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import dev.slipway.registry.ManifestInfo;
import dev.slipway.registry.MediaTypes;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds an OCI 1.1 artifact manifest: an image manifest with {@code artifactType}, the empty config
 * ({@code application/vnd.oci.empty.v1+json}, the two bytes {@code {}}), one layer holding the artifact and a
 * {@code subject} naming the image it is about.
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/v1.1.0/manifest.md">image-spec manifest</a>
 */
final class ArtifactManifest {
    static final String EMPTY_MEDIA_TYPE = "application/vnd.oci.empty.v1+json";
    static final byte[] EMPTY_CONFIG = "{}".getBytes(StandardCharsets.US_ASCII);
    static final String TITLE = "org.opencontainers.image.title";

    private ArtifactManifest() {
    }

    /** The manifest bytes; equal arguments give equal bytes, so re-attaching the same artifact is a no-op. */
    static byte[] build(ObjectMapper json, String artifactType, byte[] content, String fileName,
            ManifestInfo subject, Map<String, String> annotations) {
        ObjectNode m = json.createObjectNode();
        m.put("schemaVersion", 2);
        m.put("mediaType", MediaTypes.OCI_MANIFEST);
        m.put("artifactType", artifactType);
        descriptor(m.putObject("config"), EMPTY_MEDIA_TYPE, Digest.sha256(EMPTY_CONFIG), EMPTY_CONFIG.length)
                .put("data", "e30=");
        ObjectNode layer = descriptor(m.putArray("layers").addObject(), artifactType, Digest.sha256(content),
                content.length);
        layer.putObject("annotations").put(TITLE, fileName);
        descriptor(m.putObject("subject"), subject.mediaType(), subject.digest(), subject.size());
        if (!annotations.isEmpty()) {
            ObjectNode a = m.putObject("annotations");
            new TreeMap<>(annotations).forEach(a::put);
        }
        try {
            return json.writeValueAsBytes(m);
        } catch (JsonProcessingException e) {
            throw new SlipwayException(ErrorCode.INTERNAL, "Tried to serialise an artifact manifest but " + e, e);
        }
    }

    static ObjectNode descriptor(ObjectNode node, String mediaType, Digest digest, long size) {
        return node.put("mediaType", mediaType).put("digest", digest.toString()).put("size", size);
    }
}
