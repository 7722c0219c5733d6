package dev.slipway.hub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.api.Admin;
import dev.slipway.common.json.Json;
import dev.slipway.hub.Hub;
import dev.slipway.hub.bench.LoadGenerator.Request;
import dev.slipway.hub.bench.LoadGenerator.Stats;
import dev.slipway.hub.config.HubConfig;
import dev.slipway.hub.fixture.HubFixture;
import dev.slipway.hub.fixture.PostgresServer;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Measures a real hub over HTTP and prints each figure beside its goal: task status reads per second with 64
 * clients, durable submissions per second with 64 clients (and their p99) and the p99 with 8 clients, and the
 * dispatch latency from submission to a simulated worker opening the task through the long-poll claim. The load
 * comes from {@link LoadGenerator}; a bare Vert.x server measured with the same harness first says what the
 * machine allows at that moment. PostgreSQL runs with fsync on, so a 201 there is as durable as in production.
 * Run by scripts/bench-hub.sh with {@code h2}, {@code postgresql} or {@code both}.
 */
public final class HubBenchmark {
    static final int CLIENTS = 64;
    static final int CORES = Runtime.getRuntime().availableProcessors();
    static final double READS_GOAL = 20_000;
    static final double SUBMISSIONS_GOAL = 1_500;
    static final double P99_64_GOAL_MS = 100;
    static final double P99_8_GOAL_MS = 20;
    private final PrintStream out;
    private final Sizes sizes;
    private final ObjectMapper json = Json.mapper();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(4)).build();
    private final List<Long> taskIds = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> finishedIds = Collections.synchronizedList(new ArrayList<>());
    private String base;
    private String alice;
    private String host;

    /** How much to measure: submissions with 64 and with 8 clients, seconds of reads, dispatched tasks. */
    record Sizes(int submissions, int submissions8, Duration reads, int dispatch) {
        static Sizes full() {
            return new Sizes(Integer.getInteger("bench.submissions", 10_000), 2_000,
                    Duration.ofSeconds(Integer.getInteger("bench.seconds", 10)), 300);
        }
    }

    /** One database's figures ({@code finishedReads}: status reads of CLOSED tasks, which hubs keep in memory). */
    record Result(String database, Stats reads, Stats finishedReads, Stats submissions, Stats submissions8,
            Stats dispatch) {
        boolean goalsMet() {
            return reads.perSecond() >= READS_GOAL && submissions.perSecond() >= SUBMISSIONS_GOAL
                    && submissions.p99() <= P99_64_GOAL_MS && submissions8.p99() <= P99_8_GOAL_MS;
        }
    }

    HubBenchmark(PrintStream out, Sizes sizes) {
        this.out = out;
        this.sizes = sizes;
    }

    public static void main(String[] args) throws Exception {
        String which = args.length == 0 ? "both" : args[0];
        HubBenchmark bench = new HubBenchmark(System.out, Sizes.full());
        bench.reference();
        if (!which.equals("postgresql")) {
            bench.run("h2", new HubConfig.Database(System.getProperty("bench.h2url"), null, null, 16));
        }
        if (!which.equals("h2")) {
            try (PostgresServer pg = PostgresServer.startDurable()) {
                bench.run("postgresql", new HubConfig.Database(pg.newDatabase(), "postgres", "", 16));
            }
        }
        System.exit(0);
    }

    /** The harness against a bare Vert.x server: the most any hub call can reach on this machine right now. */
    Stats reference() throws Exception {
        Stats c = LoadGenerator.ceiling(CLIENTS, sizes.reads(), Runtime.getRuntime().availableProcessors());
        out.printf("%-10s bare Vert.x answer from the event loop (same harness): %,.0f/s with %d clients,"
                + " p50 %.2f ms, p99 %.2f ms; %.0f us CPU per request (%,.0f/s on %d idle cores); %s%n", "reference",
                c.perSecond(), CLIENTS, c.p50(), c.p99(), c.cpuMicros(), c.perSecondOnIdle(CORES), CORES, load());
        return c;
    }

    Result run(String name, HubConfig.Database db) throws Exception {
        Path dir = Files.createTempDirectory("slipway-hub-bench-");
        HubConfig config = new HubConfig(new HubConfig.Listen("127.0.0.1", 0), dir, db, List.of(HubFixture.SCM),
                null, null, List.of());
        taskIds.clear();
        finishedIds.clear();
        try (Hub hub = Hub.start(config); LoadGenerator load = new LoadGenerator("127.0.0.1", hub.port())) {
            base = "http://127.0.0.1:" + hub.port();
            seed(hub);
            // Dispatch first, on an empty queue, so it measures pickup rather than a backlog.
            dispatch(Math.min(100, sizes.dispatch()));
            Stats d = dispatch(sizes.dispatch());
            submissions(load, CLIENTS, Math.max(CLIENTS, sizes.submissions() / 10));
            Stats s = submissions(load, CLIENTS, sizes.submissions());
            Stats s8 = submissions(load, 8, sizes.submissions8());
            out.printf("%-10s submissions: %,.0f/s durable with %d clients, p50 %.1f ms, p99 %.1f ms (%d tasks)"
                    + "   goal >= %,.0f/s and p99 <= %.0f ms: %s; %s%n", name, s.perSecond(), CLIENTS, s.p50(),
                    s.p99(), s.count(), SUBMISSIONS_GOAL, P99_64_GOAL_MS,
                    met(s.perSecond() >= SUBMISSIONS_GOAL && s.p99() <= P99_64_GOAL_MS), load());
            out.printf("%-10s submissions: %,.0f/s durable with 8 clients, p50 %.1f ms, p99 %.1f ms (%d tasks)"
                    + "   goal p99 <= %.0f ms: %s; %s%n", name, s8.perSecond(), s8.p50(), s8.p99(), s8.count(),
                    P99_8_GOAL_MS, met(s8.p99() <= P99_8_GOAL_MS), load());
            out.printf("%-10s dispatch (submit -> worker opened it via long-poll claim): p50 %.1f ms, p99 %.1f ms"
                    + " (%d tasks); %s%n", name, d.p50(), d.p99(), d.count(), load());
            // Both read paths warmed the same way (JIT, the hub's memory of each task) before either is measured.
            reads(load, taskIds, Duration.ofSeconds(3));
            reads(load, finishedIds, Duration.ofSeconds(1));
            Stats r = reads(load, taskIds, sizes.reads());
            out.printf("%-10s task status reads: %,.0f/s with %d clients, p50 %.2f ms, p99 %.2f ms"
                    + "   goal >= %,.0f/s: %s; %s%n", name, r.perSecond(), CLIENTS, r.p50(), r.p99(), READS_GOAL,
                    met(r.perSecond() >= READS_GOAL), load());
            out.printf("%-10s task status reads: %.0f us CPU per read (hub and load generator), so at most %,.0f/s"
                    + " on %d idle cores%n", name, r.cpuMicros(), r.perSecondOnIdle(CORES), CORES);
            Stats f = reads(load, finishedIds, sizes.reads());
            out.printf("%-10s status reads of finished (CLOSED) tasks: %,.0f/s with %d clients, p50 %.2f ms,"
                    + " p99 %.2f ms, %.0f us CPU per read; %s%n", name, f.perSecond(), CLIENTS, f.p50(), f.p99(),
                    f.cpuMicros(), load());
            return new Result(name, r, f, s, s8, d);
        }
    }

    private static String met(boolean met) {
        return met ? "met" : "NOT met";
    }

    /** The machine's one-minute load average, printed beside every figure (the machine is shared). */
    private static String load() {
        return String.format("load average %.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
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

    private Stats submissions(LoadGenerator load, int clients, int total) throws Exception {
        byte[] body = json.writeValueAsBytes(HubFixture.build("foo", Map.of("scratch", true)));
        return load.run(clients, total, null, i -> Request.post("/api/v1/buildContainer", alice, body), 201, b -> {
            try {
                taskIds.add(json.readTree(b.getBytes()).get("task_id").asLong());
            } catch (IOException e) {
                throw new IllegalStateException("buildContainer answered no task id: " + b, e);
            }
        });
    }

    private Stats reads(LoadGenerator load, List<Long> from, Duration time) throws Exception {
        Long[] ids = from.toArray(Long[]::new);
        return load.run(CLIENTS, 0, time, i -> Request.get("/api/v1/tasks/"
                + ids[ThreadLocalRandom.current().nextInt(ids.length)]), 200, b -> { });
    }

    /** A worker long-polls; tasks are submitted one by one; latency = submit start -> open answered. */
    private Stats dispatch(int count) throws Exception {
        Map<Long, Long> submittedAt = new ConcurrentHashMap<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
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
                latencies.add(opened - t0);
                builds.submit(() -> {
                    post("/api/v1/host/tasks/" + id + "/close", host, "{\"result\":{}}".getBytes());
                    finishedIds.add(id);
                    return null;
                });
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
        builds.awaitTermination(1, TimeUnit.MINUTES);
        return Stats.of(latencies.stream().mapToLong(Long::longValue).toArray(), 0);
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
}
