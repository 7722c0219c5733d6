package dev.slipway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.testing.distgit.DistGitRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A bounded soak of the farm: {@code slipway.soak.builds} builds (100 by default, as in CI; the 1,000-build soak
 * is {@code -Dslipway.soak.builds=1000}, see docs/farm.md) of tiny images through three namespaced workers and two
 * hubs, with faults sprinkled in as builds finish: hub B killed and restarted, a worker cut off for longer than its
 * lease, hub A restarted gracefully. Every build must end COMPLETE or FAILED with a code, none may be lost, each
 * COMPLETE one has its own build record, the engine must hold no container or image of them afterwards, and the
 * hubs' resident memory, sampled throughout and printed, must stay bounded. Runs on the farm FarmIT used (shared
 * through {@link FarmExtension}) and leaves it steady.
 */
@ExtendWith(FarmExtension.class)
class FarmSoakIT {
    private static final int BUILDS = Integer.getInteger("slipway.soak.builds", 100);
    private static final long MAX_HUB_RSS_KB = 768 * 1024;
    private static final Duration STALL = Duration.ofMinutes(3);

    @Test
    void soak_everyBuildEndsWithAStateAndCode_nothingLost_noLeftovers_hubMemoryBounded(FarmEnvironment env) {
        String marker = "slipway-soak-" + ProcessHandle.current().pid();
        ConcurrentLinkedQueue<String> rss = new ConcurrentLinkedQueue<>();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        env.awaitSteady();
        try {
            long t0 = System.nanoTime();
            long[] maxRss = new long[1];
            sampler.scheduleAtFixedRate(() -> {
                try {
                    Map.copyOf(env.hubs).forEach((h, p) -> {
                        long kb = rssKb(p);
                        maxRss[0] = Math.max(maxRss[0], kb);
                        rss.add(String.format("%5.0f s hub-%s %d MiB", (System.nanoTime() - t0) / 1e9, h,
                                kb / 1024));
                    });
                } catch (RuntimeException restarting) {
                    // a hub is being replaced this instant: the next sample sees the new one
                }
            }, 0, 15, TimeUnit.SECONDS);
            List<DistGitRepo> repos = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                repos.add(env.componentWithDockerfile("soak" + c, tinyDockerfile(env, "soak" + c, marker)));
            }
            List<Long> tasks = new ArrayList<>();
            for (int i = 0; i < BUILDS; i++) {
                // An explicit release per build: concurrent builds of one component never race for the same NVR.
                DistGitRepo repo = repos.get(i % repos.size());
                tasks.add(env.submit(repo.source(repo.head()), Map.of("release", String.valueOf(i + 1))));
            }
            faultsAsBuildsFinish(env, tasks);
            awaitFinished(env, tasks, tasks.size());
            int complete = 0;
            Set<String> buildIds = new HashSet<>();
            List<String> failures = new ArrayList<>();
            for (long id : tasks) {
                JsonNode t = env.awaitTask(id, Duration.ofMinutes(5), "CLOSED", "FAILED", "CANCELED");
                String state = t.path("state").asText();
                assertTrue(state.equals("CLOSED") || state.equals("FAILED"), "task " + id + " ended " + t);
                if (state.equals("CLOSED")) {
                    complete++;
                    assertTrue(buildIds.add(t.path("build_id").asText()), "one build record per build: " + t);
                    assertEquals("COMPLETE", env.http.get("/api/v1/builds/" + t.path("build_id").asText())
                            .path("state").asText());
                } else {
                    assertTrue(t.path("fault").path("code").asInt() > 0, "a failed build has a code: " + t);
                    failures.add(id + " " + t.path("fault").path("name").asText() + " ("
                            + t.path("fault").path("code").asInt() + ")");
                }
            }
            Set<Long> listed = listedTasks(env);
            assertEquals(List.of(), tasks.stream().filter(id -> !listed.contains(id)).toList(),
                    "every submitted build is listed");
            Waits.until(Duration.ofSeconds(60), "the engine to hold no container or image of the soak",
                    () -> leftovers(marker).isEmpty(), () -> leftovers(marker).toString());
            sampler.shutdownNow();
            System.out.println("Soak: " + BUILDS + " builds, " + complete + " COMPLETE, " + (BUILDS - complete)
                    + " FAILED with a code " + failures + ", in " + (System.nanoTime() - t0) / 1_000_000_000
                    + " s; hub RSS:");
            rss.forEach(line -> System.out.println("  " + line));
            assertTrue(complete >= BUILDS / 2, "most builds complete despite the faults: " + complete);
            assertTrue(maxRss[0] < MAX_HUB_RSS_KB, "hub RSS stayed under " + MAX_HUB_RSS_KB / 1024 + " MiB: "
                    + maxRss[0] / 1024 + " MiB");
        } finally {
            sampler.shutdownNow();
        }
        env.awaitSteady();
    }

    /** Kill -9 hub B after a quarter of the builds ended, cut w2 after half, restart hub A after three quarters. */
    private static void faultsAsBuildsFinish(FarmEnvironment env, List<Long> tasks) {
        awaitFinished(env, tasks, tasks.size() / 4);
        env.hubs.get("b").kill9();
        env.launchHub("b");
        env.awaitHub("b");
        awaitFinished(env, tasks, tasks.size() / 2);
        NetNs w2 = env.hosts.get("w2");
        w2.cut();
        try {
            Thread.sleep((FarmEnvironment.LEASE_SECONDS + 2) * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            w2.restore();
        }
        awaitFinished(env, tasks, tasks.size() * 3 / 4);
        env.hubs.get("a").terminate();
        env.launchHub("a");
        env.awaitHub("a");
    }

    /**
     * Waits until {@code n} of the tasks ended, reading the hub's list of unfinished tasks once a second (not every
     * task: that polling alone would load the hubs). Fails only when no task ended for {@link #STALL}: a loaded
     * machine makes the soak slower, not wrong.
     */
    private static void awaitFinished(FarmEnvironment env, List<Long> tasks, int n) {
        long lastProgress = System.nanoTime();
        int finished = -1;
        while (finished < n) {
            Set<Long> active = new HashSet<>();
            try {
                env.http.get("/api/v1/tasks?state=active&method=buildContainer&limit=1000").path("items")
                        .forEach(t -> active.add(t.path("id").asLong()));
                int now = (int) tasks.stream().filter(id -> !active.contains(id)).count();
                if (now > finished) {
                    finished = now;
                    lastProgress = System.nanoTime();
                }
            } catch (RuntimeException restarting) {
                // a hub is restarting under the balancer: ask again
            }
            if (System.nanoTime() - lastProgress > STALL.toNanos()) {
                throw new AssertionError("no build ended for " + STALL.toMinutes() + " min: " + finished + " of "
                        + tasks.size() + " ended, waiting for " + n);
            }
            sleep(1_000);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The ids of every buildContainer task the hub lists, page by page. */
    private static Set<Long> listedTasks(FarmEnvironment env) {
        Set<Long> seen = new HashSet<>();
        for (int offset = 0; ; offset += 1000) {
            JsonNode page = env.http.get("/api/v1/tasks?method=buildContainer&limit=1000&offset=" + offset);
            page.path("items").forEach(t -> seen.add(t.path("id").asLong()));
            if (page.path("items").size() < 1000) {
                return seen;
            }
        }
    }

    /** The smallest image with a build step: the base image's CMD is inherited, one RUN leaves the marker. */
    private static String tinyDockerfile(FarmEnvironment env, String component, String marker) {
        return """
                FROM %s
                LABEL com.redhat.component="%s" name="slipway/%s" version="1.0" summary="A soak test image" \\
                      description="Built by Slipway's farm soak." io.k8s.description="Test image" license="MIT"
                RUN echo %s > /etc/soak.txt
                """.formatted(env.sample.parent(), component, component, marker);
    }

    /** Containers whose command carries the soak's marker, and the workers' build images of the soak's packages. */
    private static List<String> leftovers(String marker) {
        List<String> out = new ArrayList<>();
        Tools.docker("ps", "-a", "--no-trunc", "--format", "{{.ID}} {{.Command}}").lines()
                .filter(l -> l.contains(marker)).forEach(out::add);
        Tools.docker("images", "--format", "{{.Repository}}:{{.Tag}}").lines()
                .filter(l -> l.startsWith("slipway-build/slipway/soak")).forEach(out::add);
        return out;
    }

    private static long rssKb(JavaProcess p) {
        try {
            Path status = Path.of("/proc", String.valueOf(p.pid()), "status");
            return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmRSS:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(0);
        } catch (IOException | RuntimeException gone) {
            return 0; // the hub is restarting
        }
    }
}
