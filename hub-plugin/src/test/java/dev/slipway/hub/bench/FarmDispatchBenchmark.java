package dev.slipway.hub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.api.Admin;
import dev.slipway.common.json.Json;
import dev.slipway.hub.Hub;
import dev.slipway.hub.config.HubConfig;
import dev.slipway.hub.fixture.HubFixture;
import dev.slipway.hub.fixture.PostgresServer;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Cross-hub dispatch latency: two hubs on one PostgreSQL database; tasks are submitted to hub A one by one while a
 * simulated worker long-polls its claim on hub B; latency = submit sent to hub A -> claim answered by hub B. The
 * hubs' periodic re-check is set to 10 s, so what is measured is the LISTEN/NOTIFY wake-up. Run by
 * scripts/bench-farm.sh [tasks].
 */
public final class FarmDispatchBenchmark {
    private static final double GOAL_P50_MS = 100;
    private static final double GOAL_P99_MS = 500;
    private final ObjectMapper json = Json.mapper();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final PrintStream out;
    private String alice;
    private String host;

    private FarmDispatchBenchmark(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        int tasks = args.length == 0 ? 300 : Integer.parseInt(args[0]);
        try (PostgresServer pg = PostgresServer.start()) {
            new FarmDispatchBenchmark(System.out).run(pg.newDatabase(), tasks);
        }
        System.exit(0);
    }

    private void run(String url, int tasks) throws Exception {
        Path dir = Files.createTempDirectory("slipway-farm-bench-");
        HubConfig config = new HubConfig(new HubConfig.Listen("127.0.0.1", 0), dir,
                new HubConfig.Database(url, "postgres", "", 16), List.of(HubFixture.SCM),
                new HubConfig.Tasks(null, null, null, 60, 30_000, 10_000), null, List.of());
        try (Hub a = Hub.start(config); Hub b = Hub.start(config)) {
            String hubA = "http://127.0.0.1:" + a.port();
            String hubB = "http://127.0.0.1:" + b.port();
            seed(a, hubA);
            dispatch(hubA, hubB, 50); // warm-up
            Stats s = dispatch(hubA, hubB, tasks);
            out.printf("cross-hub dispatch (submit to hub A -> claim answered by hub B, PostgreSQL LISTEN/NOTIFY,"
                    + " %d tasks):%n", s.count);
            out.printf("  p50 %6.1f ms   goal <= %.0f ms   %s%n", s.p50, GOAL_P50_MS, s.p50 <= GOAL_P50_MS ? "met" : "MISSED");
            out.printf("  p99 %6.1f ms   goal <= %.0f ms   %s%n", s.p99, GOAL_P99_MS, s.p99 <= GOAL_P99_MS ? "met" : "MISSED");
            out.printf("  max %6.1f ms%n", s.max);
        }
    }

    private void seed(Hub hub, String base) throws Exception {
        String root = hub.services().accounts().initAdmin("root").token();
        send(base, "POST", "/api/v1/users", root, new Admin.User("alice", List.of("packager"), null));
        alice = send(base, "POST", "/api/v1/tokens", root, new Admin.TokenRequest("alice", null, null)).get("token")
                .asText();
        send(base, "POST", "/api/v1/tags", root, new Admin.Tag("f40-container-build", List.of("x86_64"), false));
        send(base, "POST", "/api/v1/tags", root, new Admin.Tag("f40-candidate", List.of("x86_64"), false));
        send(base, "POST", "/api/v1/targets", root, new Admin.Target(HubFixture.TARGET, "f40-container-build",
                "f40-candidate"));
        send(base, "PUT", "/api/v1/tags/f40-candidate/packages/foo", root, new Admin.TagPackage(null, null, "alice",
                false, null));
        send(base, "POST", "/api/v1/hosts", root, new Admin.Host("worker", List.of("x86_64"), List.of("container"),
                1000.0, null, true, null, null, null));
        host = send(base, "POST", "/api/v1/tokens", root, new Admin.TokenRequest(null, "worker", null)).get("token")
                .asText();
        send(base, "POST", "/api/v1/host/register", host, Map.of("ready", true));
    }

    private Stats dispatch(String hubA, String hubB, int count) throws Exception {
        Map<Long, Long> submittedAt = new ConcurrentHashMap<>();
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService worker = Executors.newSingleThreadExecutor();
        ExecutorService closer = Executors.newFixedThreadPool(2);
        Future<?> w = worker.submit(() -> {
            while (!stop.get()) {
                JsonNode task = json.readTree(post(hubB, "/api/v1/host/claim", host,
                        json.writeValueAsBytes(Map.of("wait_ms", 1000))).body()).get("task");
                long claimed = System.nanoTime();
                if (task == null || task.isNull()) {
                    continue;
                }
                long id = task.get("task_id").asLong();
                Long t0 = submittedAt.get(id);
                while (t0 == null) {
                    Thread.onSpinWait();
                    t0 = submittedAt.get(id);
                }
                latencies.add((claimed - t0) / 1e6);
                closer.submit(() -> {
                    post(hubB, "/api/v1/host/tasks/" + id + "/open", host, new byte[0]);
                    return post(hubB, "/api/v1/host/tasks/" + id + "/close", host, "{}".getBytes());
                });
            }
            return null;
        });
        byte[] body = json.writeValueAsBytes(HubFixture.build("foo", Map.of("scratch", true)));
        Thread.sleep(300);
        for (int i = 0; i < count; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = post(hubA, "/api/v1/buildContainer", alice, body);
            if (r.statusCode() != 201) {
                throw new IllegalStateException("submission refused: " + r.body());
            }
            submittedAt.put(json.readTree(r.body()).get("task_id").asLong(), t0);
            // A gap between submissions, so the worker is waiting again and each wake-up is measured alone.
            Thread.sleep(ThreadLocalRandom.current().nextInt(20, 60));
        }
        while (latencies.size() < count) {
            Thread.sleep(10);
        }
        stop.set(true);
        w.get();
        worker.shutdown();
        closer.shutdown();
        return Stats.of(latencies);
    }

    private HttpResponse<String> post(String base, String path, String token, byte[] body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode send(String base, String method, String path, String token, Object body) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " failed: " + r.body());
        }
        return json.readTree(r.body());
    }

    private record Stats(int count, double p50, double p99, double max) {
        static Stats of(List<Double> latencies) {
            List<Double> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            return new Stats(sorted.size(), sorted.get(sorted.size() / 2),
                    sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * 0.99))), sorted.get(sorted.size() - 1));
        }
    }
}
