package dev.slipway.release.signing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A read-only JDK {@code HttpServer} handler serving a lookaside directory at its context path, as the
 * {@code lookaside: http://...} base of a {@code registries.d} entry: GET and HEAD of signature files only; every
 * other path is 404 (no listings, no traversal) and every other method 405.
 */
public final class LookasideHttpHandler implements HttpHandler {
    private final LookasideResolver resolver;

    public LookasideHttpHandler(LookasideResolver resolver) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            boolean head = "HEAD".equals(method);
            if (!head && !"GET".equals(method)) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            Optional<Path> file = relativePath(exchange).flatMap(resolver::resolve);
            if (file.isEmpty()) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = Files.readAllBytes(file.get());
            exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(200, head ? -1 : body.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    /** The path below the context, when the request has no query and lies inside the context. */
    private static Optional<String> relativePath(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        String context = exchange.getHttpContext().getPath();
        String prefix = context.endsWith("/") ? context : context + "/";
        if (path == null || !path.startsWith(prefix) || exchange.getRequestURI().getRawQuery() != null) {
            return Optional.empty();
        }
        return Optional.of(path.substring(prefix.length()));
    }
}
