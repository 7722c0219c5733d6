package dev.slipway.release.provenance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * A DSSE envelope ({@code {"payloadType", "payload": base64, "signatures": [{"keyid", "sig": base64}]}}), the form
 * in-toto attestations travel in (mirror {@code .intoto.jsonl} files, cosign {@code .att} layers).
 *
 * @see <a href="https://github.com/in-toto/attestation/blob/main/spec/v1/envelope.md">in-toto envelope</a>
 */
public record DsseEnvelope(String payloadType, byte[] payload, List<DsseSignature> signatures) {
    /** The media type of an envelope stored as a blob. */
    public static final String MEDIA_TYPE = "application/vnd.dsse.envelope.v1+json";

    public DsseEnvelope {
        Objects.requireNonNull(payloadType, "payloadType");
        payload = Objects.requireNonNull(payload, "payload").clone();
        signatures = List.copyOf(signatures);
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** The envelope as one line of JSON (no newline inside, so several make a {@code .jsonl} file). */
    public byte[] toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("payloadType", payloadType);
        root.put("payload", Base64.getEncoder().encodeToString(payload));
        ArrayNode sigs = root.putArray("signatures");
        for (DsseSignature s : signatures) {
            sigs.addObject().put("keyid", s.keyid()).put("sig", Base64.getEncoder().encodeToString(s.sig()));
        }
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Reads an envelope; both standard and URL-safe base64 are accepted, as DSSE allows. */
    public static DsseEnvelope parse(ObjectMapper json, byte[] bytes) {
        try {
            JsonNode root = json.readTree(bytes);
            if (root == null || !root.path("payloadType").isTextual() || !root.path("payload").isTextual()
                    || !root.path("signatures").isArray()) {
                throw invalid("it lacks payloadType, payload or signatures");
            }
            List<DsseSignature> signatures = new ArrayList<>();
            for (JsonNode s : root.get("signatures")) {
                signatures.add(new DsseSignature(s.path("keyid").asText(""), decode(s.path("sig").asText(""))));
            }
            return new DsseEnvelope(root.get("payloadType").asText(), decode(root.get("payload").asText()),
                    signatures);
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.PROVENANCE_INVALID,
                    "Tried to read a DSSE envelope but it is not JSON: " + e.getMessage(), e);
        }
    }

    private static byte[] decode(String text) {
        try {
            return text.contains("-") || text.contains("_") ? Base64.getUrlDecoder().decode(text)
                    : Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw invalid("a value is not base64");
        }
    }

    private static SlipwayException invalid(String reason) {
        return new SlipwayException(ErrorCode.PROVENANCE_INVALID, "Tried to read a DSSE envelope but " + reason);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DsseEnvelope e && payloadType.equals(e.payloadType)
                && Arrays.equals(payload, e.payload) && signatures.equals(e.signatures);
    }

    @Override
    public int hashCode() {
        return Objects.hash(payloadType, Arrays.hashCode(payload), signatures);
    }

    @Override
    public String toString() {
        return "DsseEnvelope[" + payloadType + ", " + payload.length + " bytes, " + signatures + "]";
    }
}
