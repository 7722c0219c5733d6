package dev.slipway.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.hub.Answer;
import dev.slipway.common.hub.HubClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in build host that runs nothing: it claims tasks through the load balancer with the real host API,
 * opens and closes each at once (scratch tasks close without metadata), and counts how often each task was handed
 * to it, so a test under load can see that every task ran exactly once without building hundreds of images.
 */
final class Drainer implements AutoCloseable {
    private final HubClient host;
    private final Map<Long, AtomicInteger> claims = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    Drainer(HubClient http, String hostToken, int threadCount) {
        this.host = http.as(hostToken);
        for (int i = 0; i < threadCount; i++) {
            Thread t = new Thread(this::run, "farm-drain-" + i);
            t.setDaemon(true);
            threads.add(t);
        }
    }

    Drainer start() {
        threads.forEach(Thread::start);
        return this;
    }

    private void run() {
        while (running) {
            try {
                Answer a = host.exchange("POST", "/api/v1/host/claim", Map.of("wait_ms", 1_000));
                JsonNode task = a.status() == 200 ? a.json().path("task") : null;
                if (task == null || !task.hasNonNull("task_id")) {
                    // Like a real worker's heartbeat: a lost lease marks the host not ready until it says so.
                    host.exchange("POST", "/api/v1/host/register", Map.of("ready", true));
                    pauseIf(a.status() != 200);
                    continue;
                }
                long id = task.path("task_id").asLong();
                claims.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                retry("/api/v1/host/tasks/" + id + "/open");
                retry("/api/v1/host/tasks/" + id + "/close");
            } catch (SlipwayException unreachable) {
                pauseIf(true);
            }
        }
    }

    /** Repeats a call that got no answer or a 5xx (the hub that took it died); a 4xx ends the attempt. */
    private void retry(String path) {
        for (int i = 0; i < 20; i++) {
            try {
                int status = host.exchange("POST", path, Map.of()).status();
                if (status < 500) {
                    return;
                }
            } catch (SlipwayException unreachable) {
                // the hub that had the connection is gone: try again through the balancer
            }
            pauseIf(true);
        }
    }

    /** How often each task was handed out. */
    Map<Long, Integer> claims() {
        Map<Long, Integer> out = new ConcurrentHashMap<>();
        claims.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    private static void pauseIf(boolean pause) {
        if (pause) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        running = false;
        for (Thread t : threads) {
            try {
                t.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
