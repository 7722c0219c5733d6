package dev.slipway.hub.http;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.release.signing.LookasideResolver;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Serves the signature lookaside directory read-only under {@code /sigs/}, laid out as containers-signature's
 * {@code <repo>@sha256=<hex>/signature-N}, so skopeo and podman can use {@code sigstore: http://hub/sigs} in
 * registries.d. Only GET and HEAD; no listings; anything missing or outside the directory is 404.
 */
final class LookasideEndpoint {
    static final String PREFIX = "/sigs/";
    private final LookasideResolver resolver;
    private final WorkerExecutor workers;
    private final Api api;

    LookasideEndpoint(LookasideResolver resolver, WorkerExecutor workers, Api api) {
        this.resolver = resolver;
        this.workers = workers;
        this.api = api;
    }

    void handle(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            ctx.response().putHeader("Allow", "GET, HEAD");
            api.fail(ctx, new SlipwayException(ErrorCode.METHOD_NOT_ALLOWED, method + " is not allowed on "
                    + ctx.request().path() + "; the lookaside is read-only (GET, HEAD)"), "the lookaside");
            return;
        }
        // The router's normalized path has unreserved %-escapes decoded and dot segments removed; any escape still
        // left (%2F and the like) is not part of the layout, so it is refused rather than decoded.
        String path = ctx.normalizedPath();
        String relative = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : "";
        workers.executeBlocking(() -> read(relative), false).onComplete(r -> {
            if (r.failed() || r.result().isEmpty()) {
                api.fail(ctx, new SlipwayException(ErrorCode.NOT_FOUND, "No signature at " + ctx.request().path()),
                        "the lookaside");
                return;
            }
            Buffer body = r.result().get();
            ctx.response().putHeader("Content-Type", "application/octet-stream")
                    .putHeader("Content-Length", String.valueOf(body.length()));
            if (method == HttpMethod.HEAD) {
                ctx.response().end();
            } else {
                ctx.response().end(body);
            }
        });
    }

    private Optional<Buffer> read(String relative) throws IOException {
        if (relative.contains("%") || relative.contains("\\")) {
            return Optional.empty();
        }
        Optional<Path> file = resolver.resolve(relative);
        return file.isEmpty() ? Optional.empty() : Optional.of(Buffer.buffer(Files.readAllBytes(file.get())));
    }
}
