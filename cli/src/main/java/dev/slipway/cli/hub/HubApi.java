package dev.slipway.cli.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.api.ApiError;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;

/**
 * The hub's user API ({@code /api/v1}) as the {@code slipway} command calls it: JSON in and out with the bearer
 * token, refusals turned into {@link SlipwayException}s carrying the hub's stable code.
 */
public final class HubApi {
    private final URI base;
    private final String token;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1).build();

    public HubApi(URI base, String token, ObjectMapper json) {
        this.base = base;
        this.token = token;
        this.json = json;
    }

    public URI base() {
        return base;
    }

    public JsonNode get(String path) {
        return send("GET", path, null);
    }

    public JsonNode post(String path, Object body) {
        return send("POST", path, body);
    }

    public JsonNode put(String path, Object body) {
        return send("PUT", path, body);
    }

    public JsonNode patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    /** Sends one call; answers the JSON body (an empty object for 204). */
    public JsonNode send(String method, String path, Object body) {
        try {
            HttpRequest.Builder req = request(path).timeout(Duration.ofMinutes(2));
            req.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
            if (body != null) {
                req.header("Content-Type", "application/json");
            }
            HttpResponse<byte[]> r = http.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() / 100 != 2) {
                throw refusal(method + " " + path, r.statusCode(), r.body());
            }
            return r.body().length == 0 ? json.createObjectNode() : json.readTree(r.body());
        } catch (IOException e) {
            throw unreachable(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlipwayException(ErrorCode.CANCELED, "Interrupted while calling the hub");
        }
    }

    /** Opens a streamed text answer (a followed task log); the caller closes the stream. */
    public InputStream stream(String path) {
        try {
            HttpResponse<InputStream> r = http.send(request(path).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (r.statusCode() / 100 != 2) {
                byte[] body;
                try (InputStream in = r.body()) {
                    body = in.readAllBytes();
                }
                throw refusal("GET " + path, r.statusCode(), body);
            }
            return r.body();
        } catch (IOException e) {
            throw unreachable("GET " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlipwayException(ErrorCode.CANCELED, "Interrupted while calling the hub");
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve("/api/v1" + path))
                .header("Accept", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private SlipwayException unreachable(String what, IOException e) {
        return new SlipwayException(ErrorCode.HUB_UNREACHABLE, "Tried " + what + " at " + base
                + " but could not reach the hub: " + e, e);
    }

    private SlipwayException refusal(String what, int status, byte[] body) {
        try {
            ApiError e = json.readValue(body, ApiError.class);
            ErrorCode code = Arrays.stream(ErrorCode.values()).filter(c -> c.code() == e.code()).findFirst()
                    .orElse(ErrorCode.HUB_PROTOCOL);
            return new SlipwayException(code, e.message());
        } catch (IOException | RuntimeException x) {
            return new SlipwayException(ErrorCode.HUB_PROTOCOL, "Tried " + what + " but the hub answered " + status
                    + " without a JSON error body");
        }
    }
}
