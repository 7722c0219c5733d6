package dev.slipway.hub.task;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.common.hub.Answer;
import dev.slipway.common.hub.HubClient;
import dev.slipway.hub.fixture.HubFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Eight simulated workers race for 500 tasks over HTTP: every task is opened exactly once. */
class ConcurrentClaimsIT {
    @RegisterExtension
    static final HubFixture HUB = new HubFixture();
    private static final int TASKS = 500;
    private static final int WORKERS = 8;

    @Test
    void eightWorkers_500Tasks_eachOpenedExactlyOnce() throws Exception {
        List<String> hosts = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            hosts.add(HUB.addHost("racer" + i, List.of("x86_64"), 8.0));
        }
        HUB.admin("PATCH", "/api/v1/hosts/builder1", Map.of("enabled", false));
        Map<Long, Integer> opened = new ConcurrentHashMap<>();
        AtomicInteger stolen = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS + 4);
        try {
            List<Future<?>> submitters = new ArrayList<>();
            for (int s = 0; s < 4; s++) {
                submitters.add(pool.submit(() -> {
                    for (int i = 0; i < TASKS / 4; i++) {
                        HUB.submit("alice", "foo", Map.of("scratch", true));
                    }
                }));
            }
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                String token = hosts.get(w);
                String rival = hosts.get((w + 1) % WORKERS);
                workers.add(pool.submit(() -> work(token, rival, opened, stolen)));
            }
            for (Future<?> f : submitters) {
                f.get();
            }
            for (Future<?> f : workers) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(TASKS, opened.size());
        assertEquals(List.of(), opened.entrySet().stream().filter(e -> e.getValue() != 1).toList());
        assertEquals(0, stolen.get(), "a second host opened a task it did not hold");
        JsonNode closed = HUB.http().exchange("GET", "/api/v1/tasks?state=CLOSED&limit=1", null).json();
        assertEquals(TASKS, closed.get("total").asLong());
    }

    private static void work(String token, String rival, Map<Long, Integer> opened, AtomicInteger stolen) {
        HubClient http = HUB.http();
        int idle = 0;
        while (opened.size() < TASKS && idle < 20) {
            Answer claim = http.as(token).exchange("POST", "/api/v1/host/claim", Map.of("wait_ms", 300));
            assertEquals(200, claim.status(), claim.body());
            JsonNode task = claim.json().get("task");
            if (task.isNull()) {
                idle++;
                continue;
            }
            idle = 0;
            long id = task.get("task_id").asLong();
            if (http.as(rival).exchange("POST", "/api/v1/host/tasks/" + id + "/open", null).status() == 200) {
                stolen.incrementAndGet();
            }
            Answer open = http.as(token).exchange("POST", "/api/v1/host/tasks/" + id + "/open", null);
            assertEquals(200, open.status(), open.body());
            opened.merge(id, 1, Integer::sum);
            Answer close = http.as(token).exchange("POST", "/api/v1/host/tasks/" + id + "/close", Map.of("result", Map.of()));
            assertEquals(200, close.status(), close.body());
        }
    }
}
