package dev.slipway.hub.bench;

import dev.slipway.common.api.Admin;
import dev.slipway.common.api.BuildContainerRequest;
import dev.slipway.common.api.BuildOpts;
import dev.slipway.hub.Hub;
import dev.slipway.hub.auth.Principal;
import dev.slipway.hub.config.HubConfig;
import dev.slipway.hub.fixture.HubFixture;
import dev.slipway.hub.http.HubServices;
import dev.slipway.hub.koji.XmlRpcWriter;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * koji's getTaskInfo over XML-RPC against the JSON API's GET /api/v1/tasks/{id}, from 16 clients for a fixed
 * time each, on one hub (H2); then a multiCall of 100 getTaskInfo in one request. Prints the figures beside the
 * goals (XML-RPC >= 0.8x the JSON API's calls/s; multiCall of 100 <= 50 ms). Run by scripts/bench-koji.sh.
 */
public final class KojiBenchmark {
    private static final int CLIENTS = 16;
    private final PrintStream out = System.out;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(4)).build();
    private final List<Long> tasks = new ArrayList<>();
    private String base;

    public static void main(String[] args) throws Exception {
        new KojiBenchmark().run(Integer.getInteger("bench.seconds", 10));
        System.exit(0);
    }

    private void run(int seconds) throws Exception {
        Path dir = Files.createTempDirectory("slipway-koji-bench-");
        HubConfig config = new HubConfig(new HubConfig.Listen("127.0.0.1", 0), dir,
                new HubConfig.Database(System.getProperty("bench.h2url"), null, null, 16), List.of(HubFixture.SCM),
                null, null, List.of());
        try (Hub hub = Hub.start(config)) {
            base = "http://127.0.0.1:" + hub.port();
            seed(hub.services(), 100);
            measure("json", 2);
            measure("xmlrpc", 2);
            double json = measure("json", seconds);
            double xml = measure("xmlrpc", seconds);
            double json2 = measure("json", seconds);
            double xml2 = measure("xmlrpc", seconds);
            double j = (json + json2) / 2;
            double x = (xml + xml2) / 2;
            out.printf("machine: %d cores, load average %.1f (other work on the machine slows both sides)%n",
                    Runtime.getRuntime().availableProcessors(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            out.printf("getTaskInfo, JSON API GET /api/v1/tasks/{id}: %,.0f calls/s (%d clients, 2 x %d s)%n", j,
                    CLIENTS, seconds);
            out.printf("getTaskInfo, XML-RPC POST /kojihub:           %,.0f calls/s (%d clients, 2 x %d s)%n", x,
                    CLIENTS, seconds);
            out.printf("  ratio XML-RPC / JSON: %.2fx   goal >= 0.80x   %s%n", x / j, x / j >= 0.8 ? "MET" : "MISSED");
            List<Double> mc = multiCall(20, "getTaskInfo");
            List<Double> bare = multiCall(100, "getAPIVersion");
            mc = multiCall(100, "getTaskInfo");
            Collections.sort(mc);
            double p50 = mc.get(mc.size() / 2);
            double p95 = mc.get((int) (mc.size() * 0.95));
            out.printf("multiCall of 100 getTaskInfo: p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d requests)%n", p50,
                    p95, mc.get(mc.size() - 1), mc.size());
            Collections.sort(bare);
            out.printf("  (reference: multiCall of 100 getAPIVersion, no database: p50 %.1f ms)%n",
                    bare.get(bare.size() / 2));
            out.printf("  p50 / goal: %.2f of 50 ms   goal <= 50 ms   %s%n", p50 / 50, p50 <= 50 ? "MET" : "MISSED");
        }
    }

    private void seed(HubServices s, int count) {
        String root = s.accounts().initAdmin("root").token();
        Principal admin = s.auth().authenticate("Bearer " + root);
        s.accounts().createUser(admin, new Admin.User("alice", List.of("packager"), null));
        Principal alice = s.auth().authenticate("Bearer " + s.accounts().createToken(admin,
                new Admin.TokenRequest("alice", null, null)).token());
        s.catalog().createTag(admin, new Admin.Tag("f40-container-build", List.of("x86_64"), false));
        s.catalog().createTag(admin, new Admin.Tag("f40-candidate", List.of("x86_64"), false));
        s.catalog().createTarget(admin, new Admin.Target(HubFixture.TARGET, "f40-container-build", "f40-candidate"));
        s.catalog().setPackage(admin, "f40-candidate", "foo", new Admin.TagPackage(null, null, "alice", false, null));
        for (int i = 0; i < count; i++) {
            tasks.add(s.tasks().buildContainer(alice, new BuildContainerRequest(HubFixture.src("foo"),
                    HubFixture.TARGET, new BuildOpts(true, null, null, "f40", null, null, null, null), null)));
        }
    }

    private HttpRequest request(String kind) {
        long id = tasks.get(ThreadLocalRandom.current().nextInt(tasks.size()));
        if (kind.equals("json")) {
            return HttpRequest.newBuilder(URI.create(base + "/api/v1/tasks/" + id)).build();
        }
        return HttpRequest.newBuilder(URI.create(base + "/kojihub")).header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString(XmlRpcWriter.call("getTaskInfo", id))).build();
    }

    /** Calls per second from CLIENTS threads for {@code seconds}. */
    private double measure(String kind, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        List<Future<Long>> all = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            all.add(pool.submit(() -> {
                long n = 0;
                while (System.nanoTime() < end) {
                    HttpResponse<String> r = client.send(request(kind), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200 || r.body().contains("<fault>")) {
                        throw new IllegalStateException(kind + " call failed: " + r.body());
                    }
                    n++;
                }
                return n;
            }));
        }
        long calls = 0;
        for (Future<Long> f : all) {
            calls += f.get();
        }
        pool.shutdown();
        return calls / ((System.nanoTime() - start) / 1e9);
    }

    private List<Double> multiCall(int requests, String method) throws Exception {
        List<Map<String, Object>> calls = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            calls.add(Map.of("methodName", method, "params", method.equals("getTaskInfo")
                    ? List.of(tasks.get(i % tasks.size())) : List.of()));
        }
        byte[] body = XmlRpcWriter.call("multiCall", calls).getBytes(StandardCharsets.UTF_8);
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/kojihub"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            ms.add((System.nanoTime() - t0) / 1e6);
            if (r.statusCode() != 200 || r.body().contains("<fault>") || r.body().contains("faultCode")) {
                throw new IllegalStateException("multiCall failed: " + r.body().substring(0, Math.min(500,
                        r.body().length())));
            }
        }
        return ms;
    }
}
