package dev.slipway.common.hub;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.api.Admin;
import dev.slipway.common.api.BuildContainerRequest;
import dev.slipway.common.api.BuildInfo;
import dev.slipway.common.api.Page;
import dev.slipway.common.api.TaskCreated;
import dev.slipway.common.api.TaskInfo;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The hub's API as blocking callers use it: one typed method per call they make, and a low-level part
 * ({@link #get}, {@link #post}, {@link #send}, {@link #exchange}, {@link #stream}) for rarer calls and tests. Paths
 * of the low-level part start at the hub's root ({@code /api/v1/tasks/7}, {@code /healthz}).
 *
 * <p>Errors: an answer outside 2xx becomes the hub's own {@link SlipwayException} (its JSON error body read as an
 * {@link dev.slipway.common.api.ApiError}); no answer at all is {@link ErrorCode#HUB_UNREACHABLE}; an answer that
 * is not the JSON the call expects is {@link ErrorCode#HUB_PROTOCOL}.
 */
public final class HubClient {
    /** How long to wait for the TCP connection. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** How long to wait for a whole answer (not for a followed stream). */
    public static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);
    private static final String API = "/api/v1";

    private final URI base;
    private final String token;
    private final Duration requestTimeout;
    private final ObjectMapper json;
    private final HttpClient http;

    /**
     * A client of the hub at {@code base}.
     *
     * @param token the bearer token, or null for anonymous (read-only) calls
     */
    public HubClient(URI base, String token, Duration connectTimeout, Duration requestTimeout, ObjectMapper json) {
        this(base, token, requestTimeout, json, HttpClient.newBuilder().connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1).build());
    }

    /** A client with the default timeouts. */
    public HubClient(URI base, String token, ObjectMapper json) {
        this(base, token, CONNECT_TIMEOUT, REQUEST_TIMEOUT, json);
    }

    private HubClient(URI base, String token, Duration requestTimeout, ObjectMapper json, HttpClient http) {
        this.base = Objects.requireNonNull(base, "base");
        this.token = token;
        this.requestTimeout = requestTimeout;
        this.json = json;
        this.http = http;
    }

    /** The same hub and connections with another token ({@code null}: anonymous). */
    public HubClient as(String otherToken) {
        return new HubClient(base, otherToken, requestTimeout, json, http);
    }

    public URI base() {
        return base;
    }

    public ObjectMapper mapper() {
        return json;
    }

    // ---- typed calls ----

    /** Koji's {@code buildContainer(src, target, opts)}: queues a build task. */
    public TaskCreated buildContainer(BuildContainerRequest request) {
        return send("POST", API + "/buildContainer", request, TaskCreated.class);
    }

    public TaskInfo task(long id) {
        return send("GET", API + "/tasks/" + id, null, TaskInfo.class);
    }

    /**
     * Lists tasks.
     *
     * @param query the query parameters, e.g. {@code state=active&owner=alice} (empty for the defaults)
     */
    public Page<TaskInfo> tasks(String query) {
        JavaType page = json.getTypeFactory().constructParametricType(Page.class, TaskInfo.class);
        return read("GET " + API + "/tasks", exchangeOrThrow("GET", API + "/tasks" + (query.isEmpty() ? "" : "?"
                + query), null), page);
    }

    /** Cancels a task (owner or admin); answers the task as it is now. */
    public TaskInfo cancel(long id) {
        return send("POST", API + "/tasks/" + id + "/cancel", Map.of(), TaskInfo.class);
    }

    /** A build by NVR or id. */
    public BuildInfo build(String nvrOrId) {
        return send("GET", API + "/builds/" + encode(nvrOrId), null, BuildInfo.class);
    }

    /** A task's log from line {@code offset}, followed until the task ends; the caller closes the stream. */
    public InputStream followLog(long taskId, long offset) {
        return stream(API + "/tasks/" + taskId + "/log?offset=" + offset + "&follow=true");
    }

    public Admin.Target createTarget(Admin.Target target) {
        return send("POST", API + "/targets", target, Admin.Target.class);
    }

    public Admin.Tag createTag(Admin.Tag tag) {
        return send("POST", API + "/tags", tag, Admin.Tag.class);
    }

    /** Adds a package to a tag's package list, or changes its entry. */
    public Admin.TagPackage setPackage(String tag, String pkg, Admin.TagPackage entry) {
        return send("PUT", API + "/tags/" + encode(tag) + "/packages/" + encode(pkg), entry, Admin.TagPackage.class);
    }

    public Admin.Host createHost(Admin.Host host) {
        return send("POST", API + "/hosts", host, Admin.Host.class);
    }

    public Admin.User createUser(Admin.User user) {
        return send("POST", API + "/users", user, Admin.User.class);
    }

    /** A new token; its secret is in the answer only. */
    public Admin.TokenCreated createToken(Admin.TokenRequest request) {
        return send("POST", API + "/tokens", request, Admin.TokenCreated.class);
    }

    // ---- low-level part ----

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

    /** One call; answers its JSON body (an empty object for an empty answer such as 204). */
    public JsonNode send(String method, String path, Object body) {
        Answer a = exchangeOrThrow(method, path, body);
        return a.body().isEmpty() ? json.createObjectNode() : read(method + " " + path, a, json.constructType(
                JsonNode.class));
    }

    /** One call; answers its JSON body as {@code type}. */
    public <T> T send(String method, String path, Object body, Class<T> type) {
        return read(method + " " + path, exchangeOrThrow(method, path, body), json.constructType(type));
    }

    /**
     * One call whose answer is returned whatever its status, for callers that look at a refusal themselves
     * (tests asserting a status and error body). Only an unreachable hub throws.
     *
     * @param body a String or byte[] is sent as is (so malformed JSON can be sent), anything else as JSON
     */
    public Answer exchange(String method, String path, Object body) {
        return exchange(method, path, body, Map.of());
    }

    /**
     * {@link #exchange(String, String, Object)} with extra request headers (an {@code Idempotency-Key}, a request
     * signature over the exact body bytes given as a byte[]).
     */
    public Answer exchange(String method, String path, Object body, Map<String, String> headers) {
        String what = method + " " + path;
        try {
            byte[] bytes = body == null ? null : body instanceof String s ? s.getBytes(StandardCharsets.UTF_8)
                    : body instanceof byte[] b ? b : json.writeValueAsBytes(body);
            HttpRequest.Builder req = request(path).timeout(requestTimeout).method(method, bytes == null
                    ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bytes));
            if (bytes != null) {
                req.header("Content-Type", "application/json");
            }
            headers.forEach(req::header);
            HttpResponse<String> r = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body(), parse(r), r.headers());
        } catch (IOException e) {
            throw unreachable(what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlipwayException(ErrorCode.CANCELED, "Interrupted while calling " + what + " on the hub");
        }
    }

    /** A streamed text answer (no request timeout: a followed log lasts as long as its task); the caller closes it. */
    public InputStream stream(String path) {
        try {
            HttpResponse<InputStream> r = http.send(request(path).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (r.statusCode() / 100 != 2) {
                String body;
                try (InputStream in = r.body()) {
                    body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                throw HubErrors.refusal("GET " + path, r.statusCode(), body, json);
            }
            return r.body();
        } catch (IOException e) {
            throw unreachable("GET " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlipwayException(ErrorCode.CANCELED, "Interrupted while calling GET " + path + " on the hub");
        }
    }

    private Answer exchangeOrThrow(String method, String path, Object body) {
        Answer a = exchange(method, path, body);
        if (a.status() / 100 != 2) {
            throw HubErrors.refusal(method + " " + path, a.status(), a.body(), json);
        }
        return a;
    }

    private <T> T read(String what, Answer a, JavaType type) {
        try {
            return json.readValue(a.body(), type);
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.HUB_PROTOCOL, "Tried " + what + " but the hub's answer is not a "
                    + type.getRawClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private JsonNode parse(HttpResponse<String> r) {
        if (!r.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
            return null;
        }
        try {
            return json.readTree(r.body());
        } catch (IOException e) {
            return null;
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).header("Accept", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private SlipwayException unreachable(String what, IOException e) {
        return new SlipwayException(ErrorCode.HUB_UNREACHABLE, "Tried " + what + " at " + base
                + " but could not reach the hub: " + e, e);
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
