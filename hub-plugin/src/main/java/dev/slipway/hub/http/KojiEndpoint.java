package dev.slipway.hub.http;

import dev.slipway.hub.koji.KojiApi;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;

/**
 * The HTTP side of koji's API: {@code POST /kojihub} (and {@code /kojihub/ssllogin}) answer XML-RPC with HTTP
 * 200 and a {@code Koji-Version} header, faults included; other methods answer 405. The body is read here with
 * its own limit so an oversized request is answered with a fault like any other bad input; a request far over the
 * limit is cut off. Task logs are also served under koji's {@code topurl} layout,
 * {@code /kojifiles/work/tasks/<id % 10000>/<id>/task.log}.
 */
final class KojiEndpoint {
    public static final String PATH = "/kojihub";
    public static final String FILES = "/kojifiles";
    private final KojiApi api;
    private final WorkerExecutor workers;
    private final long maxBytes;

    KojiEndpoint(KojiApi api, WorkerExecutor workers, long maxBytes) {
        this.api = api;
        this.workers = workers;
        this.maxBytes = maxBytes;
    }

    /** Adds the routes to {@code router}. */
    void mount(Router router) {
        for (String path : new String[] {PATH, PATH + "/ssllogin"}) {
            router.post(path).handler(this::call);
            router.route(path).handler(ctx -> ctx.response().setStatusCode(405).putHeader("Allow", "POST")
                    .putHeader("Content-Type", "text/plain").end("XML-RPC: POST a methodCall to " + PATH + "\n"));
        }
        router.get(FILES + "/work/tasks/:bucket/:id/:file").handler(this::file);
    }

    private void call(RoutingContext ctx) {
        HttpServerRequest req = ctx.request();
        KojiApi.Credentials creds = credentials(req);
        Buffer body = Buffer.buffer();
        long[] size = {0};
        req.handler(chunk -> {
            size[0] += chunk.length();
            if (size[0] <= maxBytes) {
                body.appendBuffer(chunk);
            } else if (size[0] > 16 * maxBytes) {
                // Far beyond the limit: stop reading rather than drain an endless body.
                req.connection().close();
            }
        });
        req.exceptionHandler(e -> { });
        req.endHandler(v -> {
            if (size[0] > maxBytes) {
                send(ctx, KojiApi.tooLarge(size[0], maxBytes));
                return;
            }
            byte[] bytes = body.getBytes();
            workers.executeBlocking(() -> api.answer(bytes, creds), false).onComplete(r -> send(ctx,
                    r.succeeded() ? r.result() : KojiApi.fault(r.cause(), "the request")));
        });
        req.resume();
    }

    private static KojiApi.Credentials credentials(HttpServerRequest req) {
        String id = req.getHeader("Koji-Session-Id");
        if (id != null) {
            return new KojiApi.Credentials(id, req.getHeader("Koji-Session-Key"),
                    req.getHeader("Koji-Session-Callnum"), req.getHeader("Authorization"));
        }
        return new KojiApi.Credentials(req.getParam("session-id"), req.getParam("session-key"),
                req.getParam("callnum"), req.getHeader("Authorization"));
    }

    private static void send(RoutingContext ctx, String xml) {
        HttpServerResponse r = ctx.response();
        if (r.ended() || r.closed()) {
            return;
        }
        r.setStatusCode(200).putHeader("Content-Type", "text/xml; charset=utf-8")
                .putHeader("Koji-Version", KojiApi.KOJI_VERSION).end(Buffer.buffer(xml.getBytes(
                        StandardCharsets.UTF_8)));
    }

    private void file(RoutingContext ctx) {
        long id;
        long bucket;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
            bucket = Long.parseLong(ctx.pathParam("bucket"));
        } catch (NumberFormatException e) {
            notFound(ctx);
            return;
        }
        if (id <= 0 || bucket != id % 10000 || !KojiApi.LOG_FILE.equals(ctx.pathParam("file"))) {
            notFound(ctx);
            return;
        }
        workers.executeBlocking(() -> api.taskLog(id), false).onComplete(r -> {
            if (r.failed()) {
                notFound(ctx);
            } else {
                ctx.response().putHeader("Content-Type", "text/plain; charset=utf-8").end(Buffer.buffer(r.result()));
            }
        });
    }

    private static void notFound(RoutingContext ctx) {
        ctx.response().setStatusCode(404).putHeader("Content-Type", "text/plain").end("Not found\n");
    }
}
