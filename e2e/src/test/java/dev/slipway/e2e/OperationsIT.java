package dev.slipway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.testing.distgit.DistGitRepo;
import dev.slipway.testing.metrics.PrometheusText;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What an operator watches while builds run: each worker daemon's {@code /healthz} and Prometheus {@code /metrics}
 * (read with a strict parser of the text format), and the JSON log lines of the hub and the workers, each line a
 * JSON object and the lines about a task carrying its id, host and NVR.
 */
@ExtendWith(E2eExtension.class)
class OperationsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aScratchBuild_showsInTheWorkersMetrics_andInTheJsonLogsOfHubAndWorker(E2eEnvironment env) throws Exception {
        DistGitRepo repo = env.component("ops", "1.0", "echo operations > /etc/ops.txt");
        long id = env.submit(repo.source(repo.head()), Map.of("scratch", true));
        JsonNode task = env.awaitTask(id, Duration.ofMinutes(3), "CLOSED", "FAILED", "CANCELED");
        assertEquals("CLOSED", task.path("state").asText(), () -> env.log(id));
        String host = task.path("host").asText();

        for (String worker : env.workers.keySet()) {
            HttpResponse<String> health = get(env, worker, "/healthz");
            assertEquals(200, health.statusCode(), health.body());
            JsonNode h = JSON.readTree(health.body());
            assertEquals("ok", h.path("status").asText());
            assertEquals(worker, h.path("host").asText());
            HttpResponse<String> scrape = get(env, worker, "/metrics");
            assertEquals(200, scrape.statusCode());
            assertTrue(scrape.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
            PrometheusText metrics = PrometheusText.parse(scrape.body());
            assertEquals("counter", metrics.type("slipway_worker_builds_total"));
            assertEquals(1.0, metrics.value("slipway_worker_hub_reachable").orElseThrow());
            if (worker.equals(host)) {
                assertTrue(metrics.value("slipway_worker_builds_total", "state", "COMPLETE").orElseThrow() >= 1);
                assertFalse(metrics.samples("slipway_worker_step_duration_seconds_count").isEmpty(), scrape.body());
                assertTrue(metrics.samples("slipway_worker_step_duration_seconds_count").stream()
                        .allMatch(s -> s.labels().containsKey("step") && s.labels().containsKey("outcome")));
                assertTrue(metrics.value("slipway_worker_pushed_bytes_total", "registry",
                        env.registry.hostPort()).orElseThrow() > 0, scrape.body());
            }
        }
        assertEquals(404, get(env, host, "/api").statusCode(), "the status port serves nothing else");
        report(task, PrometheusText.parse(get(env, host, "/metrics").body()));

        List<JsonNode> worker = jsonLines(env.workers.get(host).output());
        JsonNode closed = about(worker, "Task " + id + " closed");
        assertEquals(String.valueOf(id), closed.path("task_id").asText());
        assertEquals(host, closed.path("build_host").asText());
        assertTrue(closed.path("build_nvr").asText().startsWith("ops-1.0-"), closed.toString());
        assertTrue(closed.hasNonNull("@timestamp") && closed.hasNonNull("level") && closed.hasNonNull("logger_name"));
        List<JsonNode> hub = jsonLines(env.hub.output());
        JsonNode hubClosed = about(hub, "Task " + id + " closed");
        assertEquals(String.valueOf(id), hubClosed.path("task_id").asText());
        assertEquals(host, hubClosed.path("build_host").asText());
        assertTrue(hub.stream().anyMatch(l -> l.path("message").asText().startsWith("slipway-hub listening")));
    }

    /**
     * Writes the build's time and its steps' times, as the worker's metrics give them, to
     * target/operations-it.txt: the figures docs/scale.md quotes.
     */
    private static void report(JsonNode task, PrometheusText metrics) throws IOException {
        StringBuilder text = new StringBuilder("scratch build, task started -> completed: ")
                .append(Duration.between(Instant.parse(task.path("started").asText()),
                        Instant.parse(task.path("completed").asText())).toMillis()).append(" ms\n");
        for (PrometheusText.Sample s : metrics.samples("slipway_worker_step_duration_seconds_sum")) {
            text.append(String.format("  %-28s %8.0f ms%n", s.labels().get("step"), s.value() * 1000));
        }
        Files.writeString(Path.of("target", "operations-it.txt"), text);
    }

    private HttpResponse<String> get(E2eEnvironment env, String worker, String path)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + env.statusPorts.get(worker) + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Every line of a process's output, each of which must be one JSON object. */
    private static List<JsonNode> jsonLines(String output) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (!line.isBlank()) {
                JsonNode n = JSON.readTree(line);
                assertTrue(n.isObject() && n.hasNonNull("message"), "not a JSON log line: " + line);
                lines.add(n);
            }
        }
        return lines;
    }

    private static JsonNode about(List<JsonNode> lines, String messageStart) {
        return lines.stream().filter(l -> l.path("message").asText().startsWith(messageStart)).findFirst()
                .orElseThrow(() -> new AssertionError("no log line starts with '" + messageStart + "'"));
    }
}
