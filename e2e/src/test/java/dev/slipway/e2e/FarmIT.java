package dev.slipway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.hub.Answer;
import dev.slipway.common.hub.HubClient;
import dev.slipway.testing.distgit.DistGitRepo;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The farm's shape with real processes: two hubs on one PostgreSQL behind HAProxy, three workers as separate
 * network hosts (namespaces), and the faults a farm meets: a hub killed under submission load, a worker cut off
 * mid-build (fenced off when it comes back), both hubs restarted one at a time under load, and the database
 * restarted. Each ends with nothing lost and nothing published twice. The farm is shared with FarmSoakIT
 * ({@link FarmExtension}); each case leaves it steady.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(FarmExtension.class)
class FarmIT {
    private static final Duration BUILD = Duration.ofMinutes(3);
    private static FarmEnvironment env;
    private static DistGitRepo load;
    private static String drainToken;

    @BeforeAll
    static void startFarm(FarmEnvironment farm) {
        env = farm;
        env.awaitSteady();
        load = env.component("loadpkg", "1.0", "true");
        env.admin("add-host", "drain", env.arch, "--capacity", "1000", "--token-out",
                env.dir.resolve("drain.token").toString());
        drainToken = env.token("drain");
        Answer r = env.http.as(drainToken).exchange("POST", "/api/v1/host/register", Map.of("ready", true));
        assertEquals(200, r.status(), r.body());
    }

    /** Every case leaves the farm as it found it, so the next case (and FarmSoakIT) starts from a known state. */
    @AfterEach
    void farmIsSteadyAgain() {
        env.awaitSteady();
    }

    @Test
    @Order(1)
    void buildThroughTheBalancer_completesOnAWorkerHost_andTagsNameTheRecordedImage() {
        DistGitRepo repo = env.component("farmone", "1.0", "echo built farmone > /etc/farmone.txt");
        long id = env.submit(repo.source(repo.head()), Map.of());
        JsonNode t = env.awaitTask(id, BUILD, "CLOSED", "FAILED", "CANCELED");
        assertEquals("CLOSED", t.path("state").asText(), () -> env.log(id));
        assertTrue(env.hosts.containsKey(t.path("host").asText()), "a namespaced worker built it: " + t);
        JsonNode build = env.http.get("/api/v1/builds/" + t.path("build_id").asText());
        String digest = build.path("images").get(0).path("digest").asText();
        String repoName = env.registry.hostPort() + "/slipway/farmone";
        assertEquals(digest, Tools.registryDigest(repoName + ":latest"));
        assertTrue(env.log(id).contains("built farmone"), "the engine's output reached the log through the LB");
    }

    @Test
    @Order(2)
    void logFollowedThroughHubA_showsLinesAppendedThroughHubB() throws Exception {
        env.workersEnabled(false);
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            long id = env.submit(load.source(load.head()), Map.of("scratch", true));
            // Follow first (hub A answers 200 at once), then take the task as a stand-in host on hub B.
            HttpResponse<InputStream> follow = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + env.hubPorts.get("a") + "/api/v1/tasks/" + id + "/log?follow=true"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, follow.statusCode());
            HubClient b = env.direct("b").as(drainToken);
            JsonNode task = b.exchange("POST", "/api/v1/host/claim", Map.of("wait_ms", 5_000)).json().path("task");
            assertEquals(id, task.path("task_id").asLong(), task.toString());
            assertOk(b.exchange("POST", "/api/v1/host/tasks/" + id + "/open", Map.of()));
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(follow.body(),
                    StandardCharsets.UTF_8))) {
                for (int i = 0; i < 3; i++) {
                    long t0 = System.nanoTime();
                    assertOk(b.exchange("POST", "/api/v1/host/tasks/" + id + "/log",
                            Map.of("lines", List.of("line " + i))));
                    assertEquals("line " + i, reader.submit(lines::readLine).get(30, TimeUnit.SECONDS));
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    assertTrue(ms < 3_000, "hub A streamed hub B's line after " + ms + " ms");
                }
                assertOk(b.exchange("POST", "/api/v1/host/tasks/" + id + "/close", Map.of()));
                assertEquals(null, reader.submit(lines::readLine).get(30, TimeUnit.SECONDS),
                        "the stream ends with the task");
            }
        } finally {
            reader.shutdownNow();
            env.workersEnabled(true);
        }
    }

    private static void assertOk(Answer a) {
        assertTrue(a.status() / 100 == 2, a.status() + " " + a.body());
    }

    @Test
    @Order(3)
    void hubKilledUnderSubmissionLoad_losesNoAcknowledgedSubmission_andRunsNoTaskTwice() throws Exception {
        env.workersEnabled(false);
        List<Long> acked;
        try (Drainer drainer = new Drainer(env.http, drainToken, 4).start()) {
            SubmissionLoad submissions = new SubmissionLoad(env.http.as(env.token("alice")),
                    FarmEnvironment.request(load.source(load.head()), Map.of("scratch", true)), 16, 100).start();
            Thread.sleep(2_000);
            env.hubs.get("a").kill9();
            int atKill = submissions.acknowledged().size();
            Thread.sleep(3_000);
            submissions.close();
            acked = submissions.acknowledged();
            assertTrue(acked.size() > atKill, "hub B kept serving: " + (acked.size() - atKill)
                    + " acknowledged after the kill, " + atKill + " before");
            System.out.println("Hub kill: " + acked.size() + " acknowledged (" + (acked.size() - atKill)
                    + " after the kill), " + submissions.retries() + " retried calls, "
                    + submissions.errors().size() + " client errors");
            assertEquals(List.of(), submissions.errors(), "no client error beyond retried ones ("
                    + submissions.retries() + " retries)");
            Waits.until(Duration.ofSeconds(120), "every acknowledged task to be run",
                    () -> drainer.claims().keySet().containsAll(acked),
                    () -> missing(acked, drainer.claims().keySet()));
            Map<Long, Integer> twice = drainer.claims().entrySet().stream().filter(e -> e.getValue() > 1)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            assertEquals(Map.of(), twice, "tasks handed out more than once");
        } finally {
            if (!env.hubs.get("a").alive()) {
                env.launchHub("a");
                env.awaitHub("a");
            }
            env.workersEnabled(true);
        }
        for (long id : acked) {
            assertEquals("CLOSED", env.task(id).path("state").asText(), "acknowledged task " + id);
        }
    }

    @Test
    @Order(4)
    void workerCutOffMidBuild_isReplaced_andPublishesNothingWhenItComesBack() throws Exception {
        String marker = "slipway-farm-cut-" + System.nanoTime();
        DistGitRepo repo = env.component("islander", "3.0", "echo " + marker + " && sleep 10");
        long id = env.submit(repo.source(repo.head()), Map.of());
        Waits.until(BUILD, "the RUN step to start", () -> env.log(id).contains(marker), () -> env.log(id));
        String first = env.task(id).path("host").asText();
        NetNs cut = env.hosts.get(first);
        cut.cut();
        long cutAt = System.nanoTime();
        try {
            Waits.until(Duration.ofSeconds(60), "the task to move to another host", () -> {
                String host = env.task(id).path("host").asText();
                return !host.isEmpty() && !host.equals("null") && !host.equals(first);
            }, () -> env.task(id).toString());
            System.out.println("Worker cut: task " + id + " moved from " + first + " after "
                    + (System.nanoTime() - cutAt) / 1_000_000 + " ms (lease " + FarmEnvironment.LEASE_SECONDS + " s)");
        } finally {
            cut.restore();
        }
        JsonNode t = env.awaitTask(id, BUILD, "CLOSED", "FAILED", "CANCELED");
        assertEquals("CLOSED", t.path("state").asText(), () -> env.log(id));
        String survivor = t.path("host").asText();
        assertNotEquals(first, survivor, "another host rebuilt it");
        JsonNode builds = env.http.get("/api/v1/builds?package=islander");
        assertEquals(1, builds.path("total").asInt(), "exactly one build record: " + builds);
        String digest = env.http.get("/api/v1/builds/" + builds.path("items").get(0).path("id").asText())
                .path("images").get(0).path("digest").asText();
        // Give the cut-off worker time to reach its publishing steps (its own build went on in the engine).
        Waits.until(Duration.ofSeconds(60), first + " to give the task up", () -> {
            String out = env.workers.get(first).output();
            return out.contains("Task " + id + " stopped") || out.contains("LEASE_EPOCH_STALE")
                    || out.contains("Task " + id + " ended without a report");
        }, () -> env.workers.get(first).output());
        assertFalse(env.workers.get(first).output().contains("Task " + id + " closed"),
                "the cut-off worker's close was not accepted");
        String repoName = env.registry.hostPort() + "/slipway/islander";
        for (String tag : List.of("latest", "3.0", "3.0-1")) {
            assertEquals(digest, Tools.registryDigest(repoName + ":" + tag), tag + " names the survivor's image");
        }
        assertEquals("CLOSED", env.task(id).path("state").asText());
        assertEquals(survivor, env.task(id).path("host").asText());
    }

    @Test
    @Order(5)
    void rollingRestartOfBothHubsUnderLoad_losesNoAcknowledgedSubmission() throws Exception {
        env.workersEnabled(false);
        List<Long> acked;
        try (Drainer drainer = new Drainer(env.http, drainToken, 4).start()) {
            SubmissionLoad submissions = new SubmissionLoad(env.http.as(env.token("alice")),
                    FarmEnvironment.request(load.source(load.head()), Map.of("scratch", true)), 4, 5).start();
            for (String h : List.of("a", "b")) {
                env.hubs.get(h).terminate();
                env.launchHub(h);
                env.awaitHub(h);
            }
            Thread.sleep(1_000);
            submissions.close();
            acked = submissions.acknowledged();
            assertTrue(acked.size() > 10, "submissions went on during the restarts: " + acked.size());
            System.out.println("Rolling restart: " + acked.size() + " acknowledged, " + submissions.retries()
                    + " retried calls, " + submissions.errors().size() + " client errors");
            assertEquals(List.of(), submissions.errors(), "no client error beyond retried ones ("
                    + submissions.retries() + " retries)");
            Waits.until(Duration.ofSeconds(120), "every acknowledged task to be run",
                    () -> drainer.claims().keySet().containsAll(acked),
                    () -> missing(acked, drainer.claims().keySet()));
            assertTrue(drainer.claims().values().stream().allMatch(n -> n == 1), "no task handed out twice");
        } finally {
            for (String h : List.of("a", "b")) {
                if (!env.hubs.get(h).alive()) {
                    env.launchHub(h);
                    env.awaitHub(h);
                }
            }
            env.workersEnabled(true);
        }
        for (long id : acked) {
            assertEquals("CLOSED", env.task(id).path("state").asText(), "acknowledged task " + id);
        }
    }

    @Test
    @Order(6)
    void databaseRestarted_hubsAnswer503HubUnavailable_thenRecoverByThemselves() throws Exception {
        env.pg.stopServer();
        try {
            // Both hubs at once: each finds out only when its pool's connection timeout (10 s) passes.
            CompletableFuture.allOf(env.hubPorts.keySet().stream().map(h -> CompletableFuture.runAsync(() -> {
                HubClient direct = env.direct(h);
                Waits.until(Duration.ofSeconds(60), "hub " + h + " to answer 503 HUB_UNAVAILABLE", () -> {
                    Answer a = direct.exchange("GET", "/api/v1/tasks?limit=1", null);
                    return a.status() == 503 && a.body().contains("HUB_UNAVAILABLE");
                }, () -> direct.exchange("GET", "/api/v1/tasks?limit=1", null).body());
            })).toArray(CompletableFuture[]::new)).get(90, TimeUnit.SECONDS);
            Answer viaBalancer = env.http.exchange("GET", "/api/v1/tasks?limit=1", null);
            assertEquals(503, viaBalancer.status(), viaBalancer.body());
            assertTrue(viaBalancer.body().contains("HUB_UNAVAILABLE"), viaBalancer.body());
        } finally {
            env.pg.startServer();
        }
        for (String h : env.hubPorts.keySet()) {
            HubClient direct = env.direct(h);
            Waits.until(Duration.ofSeconds(60), "hub " + h + " to recover", () -> {
                try {
                    return direct.exchange("GET", "/api/v1/tasks?limit=1", null).status() == 200;
                } catch (SlipwayException unreachable) {
                    return false;
                }
            });
        }
        long id = env.submit(load.source(load.head()), Map.of("scratch", true));
        assertEquals("CLOSED", env.awaitTask(id, BUILD, "CLOSED", "FAILED").path("state").asText(),
                () -> env.log(id));
    }

    private static String missing(List<Long> acked, Set<Long> ran) {
        Set<Long> m = new TreeSet<>(acked);
        m.removeAll(ran);
        return "not run: " + m.size() + " " + m.stream().limit(20).toList();
    }
}
