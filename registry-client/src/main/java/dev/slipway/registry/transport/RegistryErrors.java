package dev.slipway.registry.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates a registry's failure answer into a {@link SlipwayException} whose message says what was tried, the
 * status and the distribution error codes ({@code {"errors":[{"code","message","detail"}]}}).
 *
 * @see <a href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#error-codes">error codes</a>
 */
public final class RegistryErrors {
    private static final int MAX_DETAIL = 300;
    private final ObjectMapper json;

    public RegistryErrors(ObjectMapper json) {
        this.json = json;
    }

    /** The exception for an unaccepted status. */
    public SlipwayException forStatus(String action, int status, byte[] body, ErrorCode clientErrorCode) {
        List<String> codes = new ArrayList<>();
        String described = describe(body, codes);
        ErrorCode code = classify(status, codes, clientErrorCode);
        String message = "Tried to " + action + " but the registry answered " + status
                + (described.isEmpty() ? "" : " (" + described + ")");
        return new SlipwayException(code, message);
    }

    static ErrorCode classify(int status, List<String> codes, ErrorCode clientErrorCode) {
        if (codes.contains("DIGEST_INVALID")) {
            return ErrorCode.REGISTRY_DIGEST_MISMATCH;
        }
        if (status == 401) {
            return ErrorCode.REGISTRY_UNAUTHORIZED;
        }
        if (status == 403 || codes.contains("DENIED")) {
            return ErrorCode.REGISTRY_DENIED;
        }
        if (status == 404) {
            return ErrorCode.REGISTRY_NOT_FOUND;
        }
        if (status == 429 || codes.contains("TOOMANYREQUESTS")) {
            return ErrorCode.REGISTRY_RATE_LIMITED;
        }
        if (status >= 500) {
            return ErrorCode.REGISTRY_SERVER_ERROR;
        }
        if (status >= 400) {
            return clientErrorCode;
        }
        // A 1xx/2xx/3xx the endpoint did not expect: the registry does not follow the API.
        return ErrorCode.REGISTRY_PROTOCOL;
    }

    /** "CODE: message (detail); CODE2: ..." from the error body, or empty when it has none. */
    String describe(byte[] body, List<String> codesOut) {
        if (body == null || body.length == 0) {
            return "";
        }
        JsonNode errors;
        try {
            errors = json.readTree(body).path("errors");
        } catch (IOException e) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode error : errors) {
            String code = error.path("code").asText("");
            codesOut.add(code);
            StringBuilder part = new StringBuilder(code);
            String message = error.path("message").asText("");
            if (!message.isEmpty()) {
                part.append(": ").append(message);
            }
            JsonNode detail = error.path("detail");
            if (!detail.isMissingNode() && !detail.isNull()) {
                String text = detail.isTextual() ? detail.asText() : detail.toString();
                part.append(" [").append(text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) + "..." : text)
                        .append(']');
            }
            parts.add(part.toString());
        }
        return String.join("; ", parts);
    }
}
