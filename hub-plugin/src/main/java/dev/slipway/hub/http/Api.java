package dev.slipway.hub.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.api.ApiCall;
import dev.slipway.common.hub.RequestSignature;
import dev.slipway.hub.auth.Authenticator;
import dev.slipway.hub.auth.Principal;
import dev.slipway.hub.auth.RequestSignatures;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The exported calls under {@code /api/v1}: each has a Koji-style name, an HTTP method and path, an access level
 * and a handler. Authentication and the handler run together on the hub's database worker pool; the answer (or
 * the failure, through {@link ErrorMapping}) is written once, here.
 */
public final class Api {
    /**
     * A blocking handler: returns the body (or a {@link Reply}) or throws. It may also return a
     * {@link CompletionStage} of the body when the answer waits for something that needs no thread (a group
     * commit): the call is answered when the stage completes, and the worker thread is free meanwhile.
     */
    public interface Handler {
        Object handle(Call call);
    }

    /** A handler that writes its own answer (long-polls, streams) after authentication. */
    public interface AsyncHandler {
        Future<?> handle(Call call);
    }

    public static final String PREFIX = "/api/v1";
    private final Router router;
    private final WorkerExecutor workers;
    private final Authenticator auth;
    private final ObjectMapper json;
    private final RequestSignatures signatures;
    private final List<ApiCall> calls = new ArrayList<>();

    public Api(Router router, WorkerExecutor workers, Authenticator auth, ObjectMapper json) {
        this(router, workers, auth, json, RequestSignatures.none());
    }

    /** An API whose callers listed in {@code signatures} must sign every request. */
    public Api(Router router, WorkerExecutor workers, Authenticator auth, ObjectMapper json,
            RequestSignatures signatures) {
        this.router = router;
        this.workers = workers;
        this.auth = auth;
        this.json = json;
        this.signatures = signatures;
    }

    public Api get(String path, String name, Access access, String description, Handler h) {
        return add(HttpMethod.GET, path, name, access, description, h);
    }

    public Api post(String path, String name, Access access, String description, Handler h) {
        return add(HttpMethod.POST, path, name, access, description, h);
    }

    public Api put(String path, String name, Access access, String description, Handler h) {
        return add(HttpMethod.PUT, path, name, access, description, h);
    }

    public Api patch(String path, String name, Access access, String description, Handler h) {
        return add(HttpMethod.PATCH, path, name, access, description, h);
    }

    public Api delete(String path, String name, Access access, String description, Handler h) {
        return add(HttpMethod.DELETE, path, name, access, description, h);
    }

    /** Registers a call whose handler answers asynchronously (long-poll or stream). */
    public Api async(HttpMethod method, String path, String name, Access access, String description,
            AsyncHandler h) {
        register(method, path, name, access, description);
        router.route(method, PREFIX + path).handler(ctx -> workers.executeBlocking(() -> authorize(ctx, access), false)
                .compose(call -> h.handle(call)).onFailure(e -> fail(ctx, e, name)));
        return this;
    }

    /** Every registered call, in table order (what _listapi answers). */
    public List<ApiCall> calls() {
        return List.copyOf(calls);
    }

    private Api add(HttpMethod method, String path, String name, Access access, String description, Handler h) {
        register(method, path, name, access, description);
        router.route(method, PREFIX + path).handler(ctx -> workers.executeBlocking(
                () -> h.handle(authorize(ctx, access)), false)
                .compose(body -> settled(ctx, body))
                .onSuccess(body -> send(ctx, body)).onFailure(e -> fail(ctx, e, name)));
        return this;
    }

    /** The body itself, or what the handler's stage completes with, back on the request's event loop. */
    @SuppressWarnings("unchecked")
    private static Future<Object> settled(RoutingContext ctx, Object body) {
        return body instanceof CompletionStage<?> later
                ? Future.fromCompletionStage((CompletionStage<Object>) later, ctx.vertx().getOrCreateContext())
                : Future.succeededFuture(body);
    }

    private void register(HttpMethod method, String path, String name, Access access, String description) {
        calls.add(new ApiCall(name, method.name(), PREFIX + path.replaceAll(":([a-z_]+)", "{$1}"), access.id(),
                description));
    }

    private Call authorize(RoutingContext ctx, Access access) {
        Principal p = auth.authenticate(ctx.request().getHeader("Authorization"));
        access.check(p);
        Buffer body = ctx.body() == null ? null : ctx.body().buffer();
        signatures.check(p, ctx.request().getHeader(RequestSignature.TIMESTAMP_HEADER),
                ctx.request().getHeader(RequestSignature.SIGNATURE_HEADER),
                body == null ? new byte[0] : body.getBytes());
        return new Call(ctx, p, json);
    }

    private void send(RoutingContext ctx, Object body) {
        Reply reply = body instanceof Reply r ? r : new Reply(200, body);
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        if (reply.body() == null) {
            ctx.response().setStatusCode(reply.status()).end();
            return;
        }
        try {
            ctx.response().setStatusCode(reply.status()).putHeader("Content-Type", "application/json")
                    .end(Buffer.buffer(json.writeValueAsBytes(reply.body())));
        } catch (JsonProcessingException e) {
            fail(ctx, new IllegalStateException("Tried to serialise the answer", e), "serialising the answer");
        }
    }

    /** Writes a failure as the JSON error body with its status. */
    void fail(RoutingContext ctx, Throwable e, String what) {
        ErrorMapping.Answer a = ErrorMapping.of(e, what);
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        if (ctx.response().headWritten()) {
            ctx.response().end();
            return;
        }
        try {
            ctx.response().setStatusCode(a.status()).putHeader("Content-Type", "application/json")
                    .end(Buffer.buffer(json.writeValueAsBytes(a.body())));
        } catch (JsonProcessingException x) {
            ctx.response().setStatusCode(500).end();
        }
    }
}
