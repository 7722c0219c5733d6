package dev.slipway.common.hub;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;

/**
 * One raw answer of the hub: status, body text, the body as JSON (null when it is not JSON) and headers.
 */
public record Answer(int status, String body, JsonNode json, HttpHeaders headers) {
    /** The stable error code of an error answer (-1 when the body has none). */
    public int code() {
        return json == null ? -1 : json.path("code").asInt(-1);
    }
}
