package dev.slipway.release.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import dev.slipway.registry.Manifest;
import dev.slipway.registry.RegistryClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * Lists an image's referrers from the {@code sha256-<hex>} fallback tag (distribution 2.8 answers 404 to the
 * referrers API) and fetches an artifact's content, checking that it really refers to the image.
 */
public final class ReferrersReader {
    private final RegistryClient registry;
    private final ObjectMapper json;

    public ReferrersReader(RegistryClient registry, ObjectMapper json) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.json = Objects.requireNonNull(json, "json");
    }

    /** Every referrer listed for {@code repository@subject}; empty when the fallback tag does not exist. */
    public List<Referrer> list(String repository, Digest subject) {
        String tag = ReferrersIndex.fallbackTag(subject);
        if (registry.headManifest(repository, tag).isEmpty()) {
            return List.of();
        }
        Manifest index = registry.getManifest(repository, tag);
        return ReferrersIndex.parse(json, index.bytes(), index.mediaType(),
                registry.host() + "/" + repository + ":" + tag).referrers();
    }

    /** The referrers of one artifact type, e.g. {@code application/spdx+json}. */
    public List<Referrer> list(String repository, Digest subject, String artifactType) {
        return list(repository, subject).stream().filter(r -> artifactType.equals(r.artifactType())).toList();
    }

    /**
     * The content (first layer) of a referrer, after checking that its manifest names {@code subject}; the blob's
     * digest is verified by the registry client.
     */
    public byte[] fetchContent(String repository, Digest subject, Referrer referrer) {
        Manifest manifest = registry.getManifest(repository, referrer.digest().toString());
        String where = registry.host() + "/" + repository + "@" + referrer.digest();
        JsonNode node;
        try {
            node = json.readTree(manifest.bytes());
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.REFERRER_INVALID,
                    "Tried to read the artifact manifest " + where + " but it is not JSON", e);
        }
        if (!subject.toString().equals(node.path("subject").path("digest").asText())) {
            throw new SlipwayException(ErrorCode.REFERRER_INVALID, "Tried to read the artifact " + where
                    + " for " + subject + " but its subject is '" + node.path("subject").path("digest").asText() + "'");
        }
        JsonNode layer = node.path("layers").path(0);
        if (layer.isMissingNode()) {
            throw new SlipwayException(ErrorCode.REFERRER_INVALID,
                    "Tried to read the artifact " + where + " but its manifest has no layer");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        registry.fetchBlob(repository, Digest.parse(layer.path("digest").asText()), out);
        return out.toByteArray();
    }
}
