package dev.slipway.release.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.common.error.InvalidValueException;
import dev.slipway.common.image.Digest;
import dev.slipway.common.image.ImageReference;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The cosign "simple signing" payload: the manifest digest and the repository (without tag) it was signed for,
 * plus optional string annotations (cosign {@code -a key=value}).
 *
 * @param repository {@code registry/repository}, written as {@code critical.identity.docker-reference}
 * @see <a href="https://github.com/sigstore/cosign/blob/main/specs/SIGNATURE_SPEC.md">cosign signature spec</a>
 */
public record CosignPayload(Digest manifestDigest, String repository, Map<String, String> annotations) {
    /** The value of {@code critical.type}. */
    public static final String TYPE = "cosign container image signature";
    private static final String WHAT = "a cosign payload";

    public CosignPayload {
        Objects.requireNonNull(manifestDigest, "manifestDigest");
        Objects.requireNonNull(repository, "repository");
        annotations = Map.copyOf(annotations);
    }

    /** The payload for {@code image}'s repository (its tag and digest are not part of the identity). */
    public static CosignPayload of(ImageReference image, Digest manifestDigest, Map<String, String> annotations) {
        return new CosignPayload(manifestDigest, image.name(), annotations);
    }

    /** The exact bytes that are signed and stored as the layer blob ({@code optional} is null without annotations). */
    public byte[] toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode critical = root.putObject("critical");
        critical.putObject("identity").put("docker-reference", repository);
        critical.putObject("image").put("docker-manifest-digest", manifestDigest.toString());
        critical.put("type", TYPE);
        if (annotations.isEmpty()) {
            root.putNull("optional");
        } else {
            ObjectNode optional = root.putObject("optional");
            new TreeMap<>(annotations).forEach(optional::put);
        }
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Parses payload bytes (after their signature was checked); non-string annotations are skipped. */
    public static CosignPayload parse(ObjectMapper json, byte[] bytes) {
        JsonNode root = StrictJson.read(json, bytes, WHAT);
        JsonNode critical = StrictJson.exactObject(root, "critical", Set.of("identity", "image", "type"), WHAT);
        String type = StrictJson.text(critical, "type", WHAT);
        if (!TYPE.equals(type)) {
            throw StrictJson.invalid(WHAT, "critical.type is '" + type + "', not '" + TYPE + "'");
        }
        JsonNode image = StrictJson.exactObject(critical, "image", Set.of("docker-manifest-digest"), WHAT);
        JsonNode identity = StrictJson.exactObject(critical, "identity", Set.of("docker-reference"), WHAT);
        Map<String, String> annotations = new TreeMap<>();
        JsonNode optional = root.path("optional");
        for (Iterator<Map.Entry<String, JsonNode>> it = optional.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isTextual()) {
                annotations.put(e.getKey(), e.getValue().asText());
            }
        }
        try {
            return new CosignPayload(Digest.parse(StrictJson.text(image, "docker-manifest-digest", WHAT)),
                    StrictJson.text(identity, "docker-reference", WHAT), annotations);
        } catch (InvalidValueException e) {
            throw StrictJson.invalid(WHAT, e.getMessage());
        }
    }
}
