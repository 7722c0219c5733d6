package dev.slipway.worker.daemon;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.api.Admin;
import dev.slipway.common.api.HostProtocol;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.hub.HubErrors;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hub's host API as a worker daemon calls it ({@code /api/v1/host/...} with its host token), one method per
 * call, each a {@link Future}. A refusal becomes a {@link SlipwayException} with the hub's stable code.
 */
public final class HubClient {
    private static final String HOST = "/api/v1/host";
    private final WebClient web;
    private final URI hub;
    private final String token;
    private final ObjectMapper json;

    public HubClient(Vertx vertx, URI hub, String token, ObjectMapper json) {
        this.hub = hub;
        this.token = token;
        // Absent rather than null: a scratch close sends no metadata at all.
        this.json = json.copy().setSerializationInclusion(JsonInclude.Include.NON_NULL);
        this.web = WebClient.create(vertx, new WebClientOptions().setDefaultHost(hub.getHost())
                .setDefaultPort(hub.getPort() < 0 ? ("https".equals(hub.getScheme()) ? 443 : 80) : hub.getPort())
                .setSsl("https".equals(hub.getScheme())).setConnectTimeout(5_000).setKeepAlive(true)
                .setUserAgent("slipway-worker/0.1.0"), new PoolOptions().setHttp1MaxSize(16));
    }

    public Future<Admin.Host> register(HostProtocol.Update update) {
        return call(HttpMethod.POST, "/register", update, Admin.Host.class, 30_000);
    }

    /** Waits up to {@code waitMs} for a task this host can run; empty when none came. */
    public Future<Optional<HostProtocol.Assignment>> claim(int waitMs) {
        return call(HttpMethod.POST, "/claim", new HostProtocol.ClaimRequest(waitMs), HostProtocol.ClaimResponse.class,
                waitMs + 30_000).map(r -> Optional.ofNullable(r.task()));
    }

    /**
     * ASSIGNED -> OPEN. Every call about one task carries the lease epoch of its claim ({@code epoch}; null for a
     * task this worker no longer runs), so the hub refuses it once another claim has taken the task over.
     */
    public Future<HostProtocol.Assignment> open(long taskId, Long epoch) {
        return call(HttpMethod.POST, "/tasks/" + taskId + "/open", epoch, Map.of(), HostProtocol.Assignment.class,
                30_000);
    }

    public Future<HostProtocol.HeartbeatResponse> heartbeat(HostProtocol.Heartbeat beat) {
        int wait = beat.waitMs() == null ? 0 : beat.waitMs();
        return call(HttpMethod.POST, "/heartbeat", beat, HostProtocol.HeartbeatResponse.class, wait + 30_000);
    }

    public Future<List<HostProtocol.HeldTask>> held() {
        JavaType type = json.getTypeFactory().constructCollectionType(List.class, HostProtocol.HeldTask.class);
        return send(HttpMethod.GET, "/tasks", null, 30_000).map(b -> read(b, type));
    }

    public Future<Void> free(long taskId, Long epoch) {
        return send(HttpMethod.POST, "/tasks/" + taskId + "/free", epoch, Map.of(), 30_000).mapEmpty();
    }

    public Future<Long> appendLog(long taskId, Long epoch, List<String> lines) {
        return call(HttpMethod.POST, "/tasks/" + taskId + "/log", epoch, new HostProtocol.LogLines(lines),
                HostProtocol.LogAppended.class, 60_000).map(HostProtocol.LogAppended::nextOffset);
    }

    public Future<HostProtocol.NextRelease> nextRelease(long taskId, Long epoch, String name, String version) {
        String q = "?name=" + encode(name) + "&version=" + encode(version);
        return call(HttpMethod.GET, "/tasks/" + taskId + "/nextRelease" + q, epoch, null,
                HostProtocol.NextRelease.class, 30_000);
    }

    public Future<HostProtocol.Reservation> reserve(long taskId, Long epoch, HostProtocol.Reserve reserve) {
        return call(HttpMethod.POST, "/tasks/" + taskId + "/reserve", epoch, reserve, HostProtocol.Reservation.class,
                30_000);
    }

    public Future<Void> refund(long taskId, Long epoch, HostProtocol.Refund refund) {
        return send(HttpMethod.POST, "/tasks/" + taskId + "/refund", epoch, refund, 30_000).mapEmpty();
    }

    /** Before a publishing step: fails (LEASE_EPOCH_STALE, TASK_NOT_HELD...) unless this lease still holds. */
    public Future<HostProtocol.Lease> fence(long taskId, long epoch) {
        return call(HttpMethod.POST, "/tasks/" + taskId + "/fence", epoch, Map.of(), HostProtocol.Lease.class,
                30_000);
    }

    public Future<Void> close(long taskId, Long epoch, HostProtocol.Close close) {
        return send(HttpMethod.POST, "/tasks/" + taskId + "/close", epoch, close, 120_000).mapEmpty();
    }

    public Future<Void> fail(long taskId, Long epoch, HostProtocol.Fail fail) {
        return send(HttpMethod.POST, "/tasks/" + taskId + "/fail", epoch, fail, 60_000).mapEmpty();
    }

    private <T> Future<T> call(HttpMethod method, String path, Object body, Class<T> type, long timeoutMs) {
        return call(method, path, null, body, type, timeoutMs);
    }

    private <T> Future<T> call(HttpMethod method, String path, Long epoch, Object body, Class<T> type,
            long timeoutMs) {
        return send(method, path, epoch, body, timeoutMs).map(b -> read(b, json.constructType(type)));
    }

    private Future<Buffer> send(HttpMethod method, String path, Object body, long timeoutMs) {
        return send(method, path, null, body, timeoutMs);
    }

    private Future<Buffer> send(HttpMethod method, String path, Long epoch, Object body, long timeoutMs) {
        String what = method + " " + HOST + path;
        HttpRequest<Buffer> req = web.request(method, HOST + path).putHeader("Authorization", "Bearer " + token)
                .putHeader("Accept", "application/json").idleTimeout(timeoutMs);
        if (epoch != null) {
            req.putHeader(HostProtocol.EPOCH_HEADER, String.valueOf(epoch));
        }
        Future<HttpResponse<Buffer>> sent;
        if (body == null) {
            sent = req.send();
        } else {
            try {
                sent = req.putHeader("Content-Type", "application/json")
                        .sendBuffer(Buffer.buffer(json.writeValueAsBytes(body)));
            } catch (JsonProcessingException e) {
                return Future.failedFuture(new SlipwayException(ErrorCode.INTERNAL,
                        "Tried to write the body of " + what + ": " + e.getOriginalMessage(), e));
            }
        }
        return sent.recover(e -> Future.failedFuture(new SlipwayException(ErrorCode.HUB_UNREACHABLE,
                "Tried " + what + " at " + hub + " but could not reach the hub: " + e.getMessage(), e)))
                .compose(r -> r.statusCode() / 100 == 2 ? Future.succeededFuture(r.body() == null ? Buffer.buffer()
                        : r.body()) : Future.failedFuture(refusal(what, r)));
    }

    private SlipwayException refusal(String what, HttpResponse<Buffer> r) {
        SlipwayException refused = HubErrors.refusal(what, r.statusCode(), r.bodyAsString(), json);
        return new SlipwayException(refused.code(), refused.getMessage() + " (" + what + " answered "
                + r.statusCode() + ")");
    }

    private <T> T read(Buffer body, JavaType type) {
        try {
            return json.readValue(body.getBytes(), type);
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.HUB_PROTOCOL, "The hub's answer is not a " + type.getRawClass()
                    .getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
