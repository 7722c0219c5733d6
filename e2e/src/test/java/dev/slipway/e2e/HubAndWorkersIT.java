package dev.slipway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.common.hub.Answer;
import dev.slipway.testing.distgit.DistGitRepo;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The hub and two worker daemons as real processes, building on the real Docker Engine and registry: normal
 * builds, a worker killed mid-build, the hub killed after acknowledging submissions, and a cancel.
 */
@ExtendWith(E2eExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HubAndWorkersIT {
    private static final Duration BUILD = Duration.ofMinutes(3);

    @Test
    @Order(1)
    void threeSubmissions_allComplete_andTheHubsDigestsAreTheRegistrys(E2eEnvironment env) {
        List<Long> tasks = new ArrayList<>();
        for (String c : List.of("alpha", "beta", "gamma")) {
            DistGitRepo repo = env.component(c, "1.0", "echo built " + c + " > /etc/" + c + ".txt");
            tasks.add(env.submit(repo.source(repo.head()), Map.of()));
        }
        List<String> hosts = new ArrayList<>();
        for (long id : tasks) {
            JsonNode t = env.awaitTask(id, BUILD, "CLOSED", "FAILED", "CANCELED");
            assertEquals("CLOSED", t.path("state").asText(), () -> "task " + id + ": " + t + "\n" + env.log(id));
            hosts.add(t.path("host").asText());
            JsonNode build = env.http.get("/api/v1/builds/" + t.path("build_id").asText());
            assertEquals("COMPLETE", build.path("state").asText());
            JsonNode image = build.path("images").get(0);
            String digest = image.path("digest").asText();
            String name = build.path("name").asText();
            String repoName = env.registry.hostPort() + "/slipway/" + name;
            assertEquals(digest, Tools.registryDigest(repoName + ":" + build.path("version").asText() + "-"
                    + build.path("release").asText()), "the version-release tag is the recorded image");
            assertEquals(digest, Tools.registryDigest(repoName + ":latest"), "latest is the recorded image");
            for (JsonNode pull : image.path("pull_specs")) {
                assertEquals(digest, Tools.registryDigest(pull.asText()), "pull spec " + pull);
            }
            assertTrue(image.path("rpm_count").asLong() > 0, "the build's RPMs are recorded");
            assertTrue(env.log(id).contains("built " + name), "the engine's own output is in the task log");
        }
        assertTrue(List.of("w1", "w2").containsAll(hosts), "the worker daemons ran the tasks: " + hosts);
    }

    @Test
    @Order(2)
    void cancelDuringTheEngineBuild_stopsIt_andTheNvrCanBeBuiltAgain(E2eEnvironment env) throws Exception {
        String marker = "slipway-e2e-cancel-" + System.nanoTime();
        DistGitRepo repo = env.component("slowpoke", "1.0", "echo " + marker + " && sleep 120");
        long id = env.submit(repo.source(repo.head()), Map.of("release", "7"));
        Waits.until(BUILD, "the RUN step to print its marker", () -> env.log(id).lines()
                .anyMatch(l -> l.contains(marker) && !l.contains("RUN")), () -> env.log(id));
        long t0 = System.nanoTime();
        Answer cancel = env.http.as(env.token("alice")).exchange("POST", "/api/v1/tasks/" + id + "/cancel", Map.of());
        assertEquals(200, cancel.status(), cancel.body());
        Waits.until(Duration.ofSeconds(20), "the engine to stop the RUN container",
                () -> !Tools.docker("ps", "--no-trunc", "--format", "{{.Command}}").contains(marker));
        long stoppedMs = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(stoppedMs < 20_000, "the build stopped " + stoppedMs + " ms after the cancel");
        assertEquals("CANCELED", env.task(id).path("state").asText());
        JsonNode build = env.http.get("/api/v1/builds/slowpoke-1.0-7");
        assertEquals("CANCELED", build.path("state").asText());
        // Same NVR again, now from a commit that does not sleep: the canceled NVR is reusable.
        String fast = repo.commit(Map.of("Dockerfile", env.dockerfile("slowpoke", "1.0", "echo quick")
                .getBytes(StandardCharsets.UTF_8)), "Do not sleep");
        long again = env.submit(repo.source(fast), Map.of("release", "7"));
        JsonNode t = env.awaitTask(again, BUILD, "CLOSED", "FAILED");
        assertEquals("CLOSED", t.path("state").asText(), () -> env.log(again));
        assertEquals("COMPLETE", env.http.get("/api/v1/builds/slowpoke-1.0-7").path("state").asText());
    }

    @Test
    @Order(3)
    void workerKilledMidBuild_taskGoesBackToFree_andTheOtherWorkerCompletesIt(E2eEnvironment env) throws Exception {
        String marker = "slipway-e2e-kill-" + System.nanoTime();
        DistGitRepo repo = env.component("phoenix", "2.0", "echo " + marker + " && sleep 6");
        long id = env.submit(repo.source(repo.head()), Map.of());
        Waits.until(BUILD, "the RUN step to start", () -> env.log(id).contains(marker), () -> env.log(id));
        String first = env.task(id).path("host").asText();
        env.workers.get(first).kill9();
        JsonNode t = env.awaitTask(id, BUILD, "CLOSED", "FAILED", "CANCELED");
        assertEquals("CLOSED", t.path("state").asText(), () -> env.log(id));
        assertNotEquals(first, t.path("host").asText(), "the other worker completed it");
        JsonNode builds = env.http.get("/api/v1/builds?package=phoenix");
        assertEquals(1, builds.path("total").asInt(), "exactly one build record: " + builds);
        JsonNode build = builds.path("items").get(0);
        assertEquals("COMPLETE", build.path("state").asText());
        String digest = build.path("images").size() > 0 ? build.path("images").get(0).path("digest").asText()
                : env.http.get("/api/v1/builds/" + build.path("id").asText()).path("images").get(0).path("digest")
                        .asText();
        String repoName = env.registry.hostPort() + "/slipway/phoenix";
        assertEquals(digest, Tools.registryDigest(repoName + ":2.0"), "the floating tag is the completed build's");
        assertEquals(digest, Tools.registryDigest(repoName + ":latest"), "latest is the completed build's");
        String tags = Tools.skopeo("list-tags", "--tls-verify=false", "docker://" + repoName);
        assertEquals(1, JsonTags.count(tags, "f40-container-candidate-"), "only the completing worker pushed (one unique tag): " + tags);
        env.startWorker(first); // back to two workers for the next tests; it frees what it held
        assertFalse(env.workers.get(first).output().contains("Exception in thread"));
    }

    @Test
    @Order(4)
    void hubKilledAfterAcknowledgingSubmissions_hasThemAllAfterRestart(E2eEnvironment env) {
        for (String w : env.workers.keySet()) {
            env.http.as(env.token("root")).exchange("PATCH", "/api/v1/hosts/" + w, Map.of("enabled", false));
        }
        DistGitRepo repo = env.component("durable", "1.0", "true");
        List<Long> acknowledged = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            acknowledged.add(env.submit(repo.source(repo.head()), Map.of("scratch", true)));
        }
        env.hub.kill9();
        env.startHub();
        for (long id : acknowledged) {
            assertEquals("FREE", env.task(id).path("state").asText(), "task " + id + " survived the crash");
        }
        for (long id : acknowledged) {
            env.http.as(env.token("alice")).exchange("POST", "/api/v1/tasks/" + id + "/cancel", Map.of());
        }
        for (String w : env.workers.keySet()) {
            env.http.as(env.token("root")).exchange("PATCH", "/api/v1/hosts/" + w, Map.of("enabled", true));
        }
        // The workers ride out the hub's restart and take work again.
        DistGitRepo after = env.component("afterlife", "1.0", "true");
        long id = env.submit(after.source(after.head()), Map.of("scratch", true));
        assertEquals("CLOSED", env.awaitTask(id, BUILD, "CLOSED", "FAILED").path("state").asText(), () -> env.log(id));
    }
}
