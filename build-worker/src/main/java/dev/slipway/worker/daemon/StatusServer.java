package dev.slipway.worker.daemon;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.function.Supplier;

/**
 * The daemon's status port for operators: {@code GET /healthz} (200 while registered and the hub answers, else
 * 503, with a JSON reason) and {@code GET /metrics} (Prometheus text). Nothing else is served.
 */
final class StatusServer {
    /** What /healthz reports. */
    record Health(boolean registered, boolean hubReachable, int running, String host) {
        boolean ok() {
            return registered && hubReachable;
        }

        String json() {
            String status = !registered ? "starting" : hubReachable ? "ok" : "hub unreachable";
            return "{\"status\":\"" + status + "\",\"host\":\"" + host.replace("\\", "\\\\").replace("\"", "\\\"")
                    + "\",\"running\":" + running + "}";
        }
    }

    private StatusServer() {
    }

    static Future<HttpServer> start(Vertx vertx, String host, int port, Supplier<Health> health,
            WorkerMetrics metrics) {
        return vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port))
                .requestHandler(req -> answer(req, health, metrics)).listen();
    }

    private static void answer(HttpServerRequest req, Supplier<Health> health, WorkerMetrics metrics) {
        if (!req.method().name().equals("GET")) {
            req.response().setStatusCode(405).putHeader("Allow", "GET").end();
        } else if (req.path().equals("/healthz")) {
            Health h = health.get();
            req.response().setStatusCode(h.ok() ? 200 : 503).putHeader("Content-Type", "application/json")
                    .end(h.json());
        } else if (req.path().equals("/metrics")) {
            req.response().putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8").end(metrics.scrape());
        } else {
            req.response().setStatusCode(404).end();
        }
    }
}
