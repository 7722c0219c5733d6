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
 * Measures a real hub over HTTP: durable submissions per second with 64 concurrent clients (and their p50/p99
 * latency), dispatch latency from submission to a simulated worker opening the task through the long-poll
 * claim, and task status reads per second. Run by scripts/bench-hub.sh with {@code h2}, {@code postgresql} or
 * {@code both}.
 */
public final class HubBenchmark {
    private static final int CLIENTS = 64;
    private final PrintStream out;
    private final ObjectMapper json = Json.mapper();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(8)).build();
    private String base;
    private String alice;
    private String host;
    private final List<Long> taskIds = Collections.synchronizedList(new ArrayList<>());

    private HubBenchmark(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        String which = args.length == 0 ? "both" : args[0];
        HubBenchmark bench = new HubBenchmark(System.out);
        if (!which.equals("postgresql")) {
            bench.run("h2", new HubConfig.Database(System.getProperty("bench.h2url"), null, null, 16));
        }
        if (!which.equals("h2")) {
            try (PostgresServer pg = PostgresServer.start()) {
                bench.run("postgresql", new HubConfig.Database(pg.newDatabase(), "postgres", "", 16));
            }
        }
        System.exit(0);
    }

    private void run(String name, HubConfig.Database db) throws Exception {
        Path dir = Files.createTempDirectory("slipway-hub-bench-");
        HubConfig config = new HubConfig(new HubConfig.Listen("127.0.0.1", 0), dir, db, List.of(HubFixture.SCM),
                null, null, List.of());
        try (Hub hub = Hub.start(config)) {
            base = "http://127.0.0.1:" + hub.port();
            seed(hub);
            // Dispatch first, on an empty queue, so it measures pickup rather than a backlog.
            dispatch(100);
            Stats d = dispatch(300);
            submissions(name, Integer.getInteger("bench.warmup", 1_000));
            Stats s = submissions(name, Integer.getInteger("bench.submissions", 10_000));
            out.printf("%-10s submissions: %,.0f/s durable with %d clients, p50 %.1f ms, p99 %.1f ms (%d tasks)%n",
                    name, s.perSecond, CLIENTS, s.p50, s.p99, s.count);
            out.printf("%-10s dispatch (submit -> worker opened it via long-poll claim): p50 %.1f ms, p99 %.1f ms"
                    + " (%d tasks)%n", name, d.p50, d.p99, d.count);
            Stats r = reads(5_000);
            out.printf("%-10s task status reads: %,.0f/s with %d clients, p50 %.1f ms, p99 %.1f ms%n", name,
                    r.perSecond, CLIENTS, r.p50, r.p99);
        }
    }

    private void seed(Hub hub) throws Exception {
        String root = hub.services().accounts().initAdmin("root").token();
        send("POST", "/api/v1/users", root, new Admin.User("alice", List.of("packager"), null));
        alice = send("POST", "/api/v1/tokens", root, new Admin.TokenRequest("alice", null, null)).get("token").asText();
        send("POST", "/api/v1/tags", root, new Admin.Tag("f40-container-build", List.of("x86_64"), false));
        send("POST", "/api/v1/tags", root, new Admin.Tag("f40-candidate", List.of("x86_64"), false));
        send("POST", "/api/v1/targets", root, new Admin.Target(HubFixture.TARGET, "f40-container-build",
                "f40-candidate"));
        send("PUT", "/api/v1/tags/f40-candidate/packages/foo", root, new Admin.TagPackage(null, null, "alice", false,
                null));
        send("POST", "/api/v1/hosts", root, new Admin.Host("worker", List.of("x86_64"), List.of("container"), 1000.0,
                null, true, null, null, null));
        host = send("POST", "/api/v1/tokens", root, new Admin.TokenRequest(null, "worker", null)).get("token").asText();
        send("POST", "/api/v1/host/register", host, Map.of("ready", true));
    }

    private Stats submissions(String name, int total) throws Exception {
        byte[] body = json.writeValueAsBytes(HubFixture.build("foo", Map.of("scratch", true)));
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long start = System.nanoTime();
        List<Future<?>> all = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            all.add(pool.submit(() -> {
                for (int i = 0; i < total / CLIENTS; i++) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = post("/api/v1/buildContainer", alice, body);
                    if (r.statusCode() != 201) {
                        throw new IllegalStateException("submission refused: " + r.body());
                    }
                    latencies.add((System.nanoTime() - t0) / 1e6);
                    taskIds.add(json.readTree(r.body()).get("task_id").asLong());
                }
                return null;
            }));
        }
        for (Future<?> f : all) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return Stats.of(latencies, seconds);
    }

    /** A worker long-polls; tasks are submitted one by one; latency = submit start -> open answered. */
    private Stats dispatch(int count) throws Exception {
        Map<Long, Long> submittedAt = new ConcurrentHashMap<>();
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService worker = Executors.newSingleThreadExecutor();
        // Like a real worker, it runs claimed tasks in the background and goes straight back to claiming.
        ExecutorService builds = Executors.newFixedThreadPool(4);
        Future<?> w = worker.submit(() -> {
            while (!stop.get()) {
                JsonNode task = json.readTree(post("/api/v1/host/claim", host,
                        json.writeValueAsBytes(Map.of("wait_ms", 1000))).body()).get("task");
                if (task == null || task.isNull()) {
                    continue;
                }
                long id = task.get("task_id").asLong();
                post("/api/v1/host/tasks/" + id + "/open", host, new byte[0]);
                long opened = System.nanoTime();
                Long t0 = submittedAt.get(id);
                while (t0 == null) {
                    Thread.onSpinWait();
                    t0 = submittedAt.get(id);
                }
                latencies.add((opened - t0) / 1e6);
                builds.submit(() -> post("/api/v1/host/tasks/" + id + "/close", host, "{\"result\":{}}".getBytes()));
            }
            return null;
        });
        byte[] body = json.writeValueAsBytes(HubFixture.build("foo", Map.of("scratch", true)));
        Thread.sleep(300);
        for (int i = 0; i < count; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = post("/api/v1/buildContainer", alice, body);
            submittedAt.put(json.readTree(r.body()).get("task_id").asLong(), t0);
            Thread.sleep(ThreadLocalRandom.current().nextInt(10, 40));
        }
        while (latencies.size() < count) {
            Thread.sleep(10);
        }
        stop.set(true);
        w.get();
        worker.shutdown();
        builds.shutdown();
        builds.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
        return Stats.of(latencies, 0);
    }

    private Stats reads(int perClient) throws Exception {
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long start = System.nanoTime();
        List<Future<?>> all = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            all.add(pool.submit(() -> {
                for (int i = 0; i < perClient / 10; i++) {
                    long id = taskIds.get(ThreadLocalRandom.current().nextInt(taskIds.size()));
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tasks/" + id))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException("read failed: " + r.body());
                    }
                    latencies.add((System.nanoTime() - t0) / 1e6);
                }
                return null;
            }));
        }
        for (Future<?> f : all) {
            f.get();
        }
        pool.shutdown();
        return Stats.of(latencies, (System.nanoTime() - start) / 1e9);
    }

    private HttpResponse<String> post(String path, String token, byte[] body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode send(String method, String path, String token, Object body) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " failed: " + r.body());
        }
        return json.readTree(r.body());
    }

    private record Stats(int count, double perSecond, double p50, double p99) {
        static Stats of(List<Double> latencies, double seconds) {
            List<Double> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            return new Stats(sorted.size(), seconds == 0 ? 0 : sorted.size() / seconds,
                    sorted.get((int) (sorted.size() * 0.50)), sorted.get(Math.min(sorted.size() - 1,
                            (int) (sorted.size() * 0.99))));
        }
    }
}
