package dev.slipway.cli.task;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.hub.HubClient;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * While a task is watched, prints one status line each time its state or host changes ("[10:02:03] task 7 OPEN
 * on w1, 0:12 since created"), from a daemon thread polling the task every two seconds.
 */
final class StatusLine implements AutoCloseable {
    private static final Duration EVERY = Duration.ofSeconds(2);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private final HubClient hub;
    private final long taskId;
    private final PrintWriter out;
    private final Thread thread;
    private volatile boolean stopped;
    private String last = "";

    private StatusLine(HubClient hub, long taskId, PrintWriter out) {
        this.hub = hub;
        this.taskId = taskId;
        this.out = out;
        this.thread = new Thread(this::poll, "slipway-status-" + taskId);
        this.thread.setDaemon(true);
    }

    static StatusLine start(HubClient hub, long taskId, PrintWriter out) {
        StatusLine s = new StatusLine(hub, taskId, out);
        s.once();
        s.thread.start();
        return s;
    }

    private void poll() {
        while (!stopped) {
            try {
                Thread.sleep(EVERY.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            once();
        }
    }

    private void once() {
        JsonNode t;
        try {
            t = hub.get("/api/v1/tasks/" + taskId);
        } catch (SlipwayException unreachable) {
            return; // the log stream reports a hub that is gone
        }
        String state = t.path("state").asText();
        String host = t.path("host").asText("");
        String now = state + "/" + host;
        if (stopped || now.equals(last) || TaskWatcher.finished(state)) {
            return;
        }
        last = now;
        String line = "[" + LocalTime.now().format(CLOCK) + "] task " + taskId + " " + state
                + (host.isEmpty() ? "" : " on " + host) + elapsed(t.path("created").asText(null));
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    private static String elapsed(String created) {
        if (created == null) {
            return "";
        }
        try {
            long s = Duration.between(Instant.parse(created), Instant.now()).toSeconds();
            return String.format(", %d:%02d since created", Math.max(0, s) / 60, Math.max(0, s) % 60);
        } catch (RuntimeException unparsable) {
            return "";
        }
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
    }
}
