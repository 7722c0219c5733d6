package dev.slipway.release.sbom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import dev.slipway.registry.MediaTypes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The OCI index kept under the referrers fallback tag {@code <alg>-<hex>} of a subject: read, append a descriptor
 * unless its digest is listed already, write back. Entries written by other tools are kept as they are.
 *
 * @see <a href="https://github.com/opencontainers/distribution-spec/blob/v1.1.0/spec.md#referrers-tag-schema">
 *     Referrers Tag Schema</a>
 */
final class ReferrersIndex {
    private final ObjectMapper json;
    private final ObjectNode root;

    private ReferrersIndex(ObjectMapper json, ObjectNode root) {
        this.json = json;
        this.root = root;
    }

    /** The tag that holds the referrers of {@code subject}: {@code sha256-<hex>}. */
    static String fallbackTag(Digest subject) {
        return subject.algorithm() + "-" + subject.hex();
    }

    static ReferrersIndex empty(ObjectMapper json) {
        ObjectNode root = json.createObjectNode();
        root.put("schemaVersion", 2);
        root.put("mediaType", MediaTypes.OCI_INDEX);
        root.putArray("manifests");
        return new ReferrersIndex(json, root);
    }

    /** Parses an index read from the fallback tag; anything but an OCI index there is an error, not overwritten. */
    static ReferrersIndex parse(ObjectMapper json, byte[] bytes, String mediaType, String where) {
        JsonNode node;
        try {
            node = json.readTree(bytes);
        } catch (IOException e) {
            throw invalid(where, "it is not JSON: " + e.getMessage());
        }
        if (!MediaTypes.OCI_INDEX.equals(mediaType) || !(node instanceof ObjectNode obj)
                || !node.path("manifests").isArray()) {
            throw invalid(where, "it is a " + mediaType + " without a manifests list, not an OCI index");
        }
        return new ReferrersIndex(json, obj);
    }

    /** Adds the descriptor unless one with the same digest is listed; true when the index changed. */
    boolean add(Referrer referrer) {
        ArrayNode manifests = (ArrayNode) root.get("manifests");
        for (JsonNode existing : manifests) {
            if (referrer.digest().toString().equals(existing.path("digest").asText())) {
                return false;
            }
        }
        ObjectNode d = manifests.addObject();
        ArtifactManifest.descriptor(d, referrer.mediaType(), referrer.digest(), referrer.size());
        if (referrer.artifactType() != null) {
            d.put("artifactType", referrer.artifactType());
        }
        if (!referrer.annotations().isEmpty()) {
            ObjectNode a = d.putObject("annotations");
            new TreeMap<>(referrer.annotations()).forEach(a::put);
        }
        return true;
    }

    /** Every listed descriptor; entries without a valid digest are skipped, as readers must tolerate them. */
    List<Referrer> referrers() {
        List<Referrer> out = new ArrayList<>();
        for (JsonNode d : root.path("manifests")) {
            Digest digest;
            try {
                digest = Digest.parse(d.path("digest").asText());
            } catch (SlipwayException e) {
                continue;
            }
            Map<String, String> annotations = new TreeMap<>();
            d.path("annotations").fields().forEachRemaining(f -> annotations.put(f.getKey(), f.getValue().asText()));
            out.add(new Referrer(digest, d.path("size").asLong(), d.path("mediaType").asText(MediaTypes.OCI_MANIFEST),
                    d.hasNonNull("artifactType") ? d.get("artifactType").asText() : null, annotations));
        }
        return out;
    }

    byte[] bytes() {
        try {
            return json.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new SlipwayException(ErrorCode.INTERNAL, "Tried to serialise a referrers index but " + e, e);
        }
    }

    private static SlipwayException invalid(String where, String why) {
        return new SlipwayException(ErrorCode.REFERRERS_INDEX_INVALID,
                "Tried to read the referrers index " + where + " but " + why);
    }
}
