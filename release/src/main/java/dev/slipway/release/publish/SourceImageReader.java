package dev.slipway.release.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.content.PackageManifest;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import dev.slipway.registry.Manifest;
import dev.slipway.registry.MediaTypes;
import dev.slipway.registry.RegistryClient;
import dev.slipway.release.sbom.Referrer;
import dev.slipway.release.sbom.ReferrersReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the facts of an image to promote from its source registry: the manifest, then its config blob's labels
 * (for an index: each child's), and the RPM manifest from the newest CycloneDX SBOM referrer of each image.
 */
final class SourceImageReader {
    private static final String CYCLONEDX = "application/vnd.cyclonedx+json";
    private final ObjectMapper json;

    SourceImageReader(ObjectMapper json) {
        this.json = json;
    }

    /** One entry per single-platform image: the manifest itself, or each child of an index. */
    List<ImageFacts> read(RegistryClient client, String repository, Digest digest) {
        Manifest manifest = client.getManifest(repository, digest.toString());
        JsonNode node = tree(manifest.bytes(), where(client, repository, digest));
        List<ImageFacts> out = new ArrayList<>();
        if (MediaTypes.isIndex(manifest.mediaType())) {
            for (JsonNode child : node.path("manifests")) {
                Digest childDigest = Digest.parse(child.path("digest").asText());
                Manifest image = client.getManifest(repository, childDigest.toString());
                out.add(image(client, repository, childDigest, tree(image.bytes(),
                        where(client, repository, childDigest))));
            }
        } else {
            out.add(image(client, repository, digest, node));
        }
        return out;
    }

    private ImageFacts image(RegistryClient client, String repository, Digest digest, JsonNode manifest) {
        String where = where(client, repository, digest);
        String config = manifest.path("config").path("digest").asText("");
        if (config.isEmpty()) {
            throw new SlipwayException(ErrorCode.PROMOTION_FACTS_UNREADABLE,
                    "Tried to read the labels of " + where + " but its manifest names no config blob");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        client.fetchBlob(repository, Digest.parse(config), bytes);
        Map<String, String> labels = new LinkedHashMap<>();
        tree(bytes.toByteArray(), where + " (config " + config + ")").path("config").path("Labels").fields()
                .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return new ImageFacts(digest, labels, packages(client, repository, digest, where));
    }

    /** The newest CycloneDX referrer's packages; empty when the image has no such referrer. */
    private Optional<PackageManifest> packages(RegistryClient client, String repository, Digest digest,
            String where) {
        ReferrersReader referrers = new ReferrersReader(client, json);
        List<Referrer> sboms = referrers.list(repository, digest, CYCLONEDX);
        if (sboms.isEmpty()) {
            return Optional.empty();
        }
        Referrer newest = sboms.get(sboms.size() - 1);
        byte[] content = referrers.fetchContent(repository, digest, newest);
        return Optional.of(CycloneDxPackages.read(json, content, where + " referrer " + newest.digest()));
    }

    private JsonNode tree(byte[] bytes, String where) {
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.PROMOTION_FACTS_UNREADABLE,
                    "Tried to read " + where + " but it is not JSON: " + e.getMessage(), e);
        }
    }

    private static String where(RegistryClient client, String repository, Digest digest) {
        return client.host() + "/" + repository + "@" + digest;
    }
}
