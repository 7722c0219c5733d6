package dev.slipway.release.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.InvalidValueException;
import dev.slipway.common.image.Digest;
import dev.slipway.common.image.ImageReference;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON a containers-signature ("atomic container signature") signs: which manifest digest is approved under
 * which identity, plus an optional creator and Unix-seconds timestamp (where Slipway records the publish time).
 *
 * @param identity the signed {@code docker-reference}, fully explicit with its registry host and normally a tag
 * @param creator free text naming the signing tool, or null
 * @param timestamp when it was signed (whole seconds), or null
 * @see <a href="https://github.com/containers/image/blob/main/docs/containers-signature.5.md">containers-signature</a>
 */
public record SimpleSigningPayload(Digest manifestDigest, ImageReference identity, String creator,
        Instant timestamp) {
    /** The value of {@code critical.type}. */
    public static final String TYPE = "atomic container signature";
    private static final String WHAT = "a simple-signing payload";

    public SimpleSigningPayload {
        Objects.requireNonNull(manifestDigest, "manifestDigest");
        Objects.requireNonNull(identity, "identity");
        if (identity.digest() != null) {
            // A digest in the identity would make the signature useless for tag pulls; policy matches tags.
            throw new InvalidValueException(ErrorCode.INVALID_IMAGE_REFERENCE,
                    identity.toString(), "a signed identity names a repository and tag, not a digest");
        }
        timestamp = timestamp == null ? null : Instant.ofEpochSecond(timestamp.getEpochSecond());
    }

    public Optional<String> creatorOpt() {
        return Optional.ofNullable(creator);
    }

    public Optional<Instant> timestampOpt() {
        return Optional.ofNullable(timestamp);
    }

    /** The payload bytes that get signed (UTF-8 JSON, no trailing newline). */
    public byte[] toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        ObjectNode critical = root.putObject("critical");
        critical.put("type", TYPE);
        critical.putObject("image").put("docker-manifest-digest", manifestDigest.toString());
        critical.putObject("identity").put("docker-reference", identity.toString());
        ObjectNode optional = root.putObject("optional");
        if (creator != null) {
            optional.put("creator", creator);
        }
        if (timestamp != null) {
            optional.put("timestamp", timestamp.getEpochSecond());
        }
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Parses authenticated payload bytes as containers/image does: exactly {@code critical} and {@code optional} at
     * the top, no unknown member anywhere under {@code critical}, the right type; unknown optional members are
     * ignored.
     */
    public static SimpleSigningPayload parse(ObjectMapper json, byte[] bytes) {
        JsonNode root = StrictJson.read(json, bytes, WHAT);
        StrictJson.exactMembers(root, Set.of("critical", "optional"), "the top level", WHAT);
        JsonNode critical = StrictJson.exactObject(root, "critical", Set.of("type", "image", "identity"), WHAT);
        String type = StrictJson.text(critical, "type", WHAT);
        if (!TYPE.equals(type)) {
            throw StrictJson.invalid(WHAT, "critical.type is '" + type + "', not '" + TYPE + "'");
        }
        JsonNode image = StrictJson.exactObject(critical, "image", Set.of("docker-manifest-digest"), WHAT);
        JsonNode identity = StrictJson.exactObject(critical, "identity", Set.of("docker-reference"), WHAT);
        JsonNode optional = root.get("optional");
        if (!optional.isObject()) {
            throw StrictJson.invalid(WHAT, "'optional' is not an object");
        }
        JsonNode creator = optional.get("creator");
        JsonNode timestamp = optional.get("timestamp");
        if (timestamp != null && !timestamp.canConvertToExactIntegral()) {
            throw StrictJson.invalid(WHAT, "optional.timestamp is not an integer");
        }
        try {
            return new SimpleSigningPayload(
                    Digest.parse(StrictJson.text(image, "docker-manifest-digest", WHAT)),
                    ImageReference.parse(StrictJson.text(identity, "docker-reference", WHAT)),
                    creator != null && creator.isTextual() ? creator.asText() : null,
                    timestamp != null ? Instant.ofEpochSecond(timestamp.asLong()) : null);
        } catch (InvalidValueException e) {
            throw StrictJson.invalid(WHAT, e.getMessage());
        }
    }
}
