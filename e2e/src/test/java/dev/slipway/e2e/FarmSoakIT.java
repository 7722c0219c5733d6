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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A bounded soak of the farm: {@code slipway.soak.builds} builds (6 by default, what fits CI's time on a shared 2-core machine; the
 * 1,000-build soak is {@code -Dslipway.soak.builds=1000}, see docs/farm.md) of tiny images through three
 * namespaced workers and two hubs, with faults sprinkled in as builds finish: hub B killed and restarted, a worker
 * cut off for longer than its lease, hub A restarted gracefully. Every build must end COMPLETE or FAILED with a
 * code, none may be lost, the engine must hold no container or image of them afterwards, and the hubs' resident
 * memory, sampled throughout and printed, must stay bounded.
 */
class FarmSoakIT {
    private static final int BUILDS = Integer.getInteger("slipway.soak.builds", 6);
    private static final long MAX_HUB_RSS_KB = 768 * 1024;

    @Test
    void soak_everyBuildEndsWithAStateAndCode_nothingLost_noLeftovers_hubMemoryBounded() throws Exception {
        String marker = "slipway-soak-" + ProcessHandle.current().pid();
        ConcurrentLinkedQueue<String> rss = new ConcurrentLinkedQueue<>();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        try (FarmEnvironment env = FarmEnvironment.start(3)) {
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
            }, 0, 5, TimeUnit.SECONDS);
            List<DistGitRepo> repos = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                repos.add(env.component("soak" + c, "1.0", "echo " + marker + " > /etc/soak.txt"));
            }
            List<Long> tasks = new ArrayList<>();
            for (int i = 0; i < BUILDS; i++) {
                DistGitRepo repo = repos.get(i % repos.size());
                tasks.add(env.submit(repo.source(repo.head()), Map.of()));
            }
            faultsAsBuildsFinish(env, tasks);
            int complete = 0;
            for (long id : tasks) {
                JsonNode t = env.awaitTask(id, Duration.ofMinutes(5), "CLOSED", "FAILED", "CANCELED");
                String state = t.path("state").asText();
                assertTrue(state.equals("CLOSED") || state.equals("FAILED"), "task " + id + " ended " + t);
                if (state.equals("CLOSED")) {
                    complete++;
                    assertEquals("COMPLETE", env.http.get("/api/v1/builds/" + t.path("build_id").asText())
                            .path("state").asText());
                } else {
                    assertTrue(t.path("fault").path("code").asInt() > 0, "a failed build has a code: " + t);
                }
            }
            JsonNode all = env.http.get("/api/v1/tasks?method=buildContainer&limit=1000");
            assertEquals(BUILDS + 0L, count(all, tasks), "every submitted build is there");
            Waits.until(Duration.ofSeconds(60), "the engine to hold no container or image of the soak",
                    () -> leftovers(marker).isEmpty(), () -> leftovers(marker).toString());
            sampler.shutdownNow();
            System.out.println("Soak: " + BUILDS + " builds, " + complete + " COMPLETE, " + (BUILDS - complete)
                    + " FAILED with a code, in " + (System.nanoTime() - t0) / 1_000_000_000 + " s; hub RSS:");
            rss.forEach(line -> System.out.println("  " + line));
            assertTrue(complete >= BUILDS / 2, "most builds complete despite the faults: " + complete);
            assertTrue(maxRss[0] < MAX_HUB_RSS_KB, "hub RSS stayed under " + MAX_HUB_RSS_KB / 1024 + " MiB: "
                    + maxRss[0] / 1024 + " MiB");
        } finally {
            sampler.shutdownNow();
        }
        assertTrue(NetNs.noneLeft(), "every namespace and link the test made is gone");
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

    private static void awaitFinished(FarmEnvironment env, List<Long> tasks, int n) {
        Waits.until(Duration.ofMinutes(5), n + " builds to finish", () -> tasks.stream()
                .filter(id -> List.of("CLOSED", "FAILED", "CANCELED").contains(env.task(id).path("state").asText()))
                .count() >= n);
    }

    private static long count(JsonNode list, List<Long> tasks) {
        List<Long> seen = new ArrayList<>();
        list.path("items").forEach(t -> seen.add(t.path("id").asLong()));
        return tasks.stream().filter(seen::contains).count();
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
