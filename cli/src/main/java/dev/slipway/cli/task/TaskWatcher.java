package dev.slipway.cli.task;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.cli.hub.ConsoleLinks;
import dev.slipway.cli.hub.ExitStatus;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.hub.HubClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Follows a task like {@code koji watch-task}: a status line whenever its state or host changes, its log streamed
 * live ({@code ?offset=N&follow=true}) until the task ends (reconnecting from the last line seen if the stream
 * breaks), then the outcome: NVR, pull specs by digest and the console URLs. Ctrl-C (or SIGTERM) while watching
 * detaches: the task goes on and the way back ({@code slipway watch-task N}) is printed. The exit status is the
 * task's ({@link ExitStatus#ofTaskState}).
 */
public final class TaskWatcher {
    private final HubClient hub;
    private final PrintWriter out;
    private final PrintWriter err;
    private final ConsoleLinks links;

    public TaskWatcher(HubClient hub, PrintWriter out, PrintWriter err) {
        this.hub = hub;
        this.out = out;
        this.err = err;
        this.links = new ConsoleLinks(hub.base());
    }

    public int watch(long taskId) {
        Thread detach = new Thread(() -> {
            synchronized (out) {
                out.println();
                out.println("Detached from task " + taskId + "; it goes on. Watch it again with: slipway watch-task "
                        + taskId);
                out.println("  " + links.task(taskId));
                out.flush();
            }
        }, "slipway-detach");
        Runtime.getRuntime().addShutdownHook(detach);
        try (StatusLine status = StatusLine.start(hub, taskId, out)) {
            follow(taskId);
            status.close();
            return report(hub.get("/api/v1/tasks/" + taskId));
        } finally {
            removeHook(detach);
        }
    }

    private void follow(long taskId) {
        long offset = 0;
        for (int attempt = 0; ; attempt++) {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                    hub.followLog(taskId, offset), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null;) {
                    synchronized (out) {
                        out.println(line);
                        out.flush();
                    }
                    offset++;
                }
            } catch (IOException | SlipwayException e) {
                if (e instanceof SlipwayException s && s.code() != ErrorCode.HUB_UNREACHABLE || attempt >= 30) {
                    throw e instanceof SlipwayException s2 ? s2 : new SlipwayException(ErrorCode.HUB_UNREACHABLE,
                            "Lost the log stream of task " + taskId + ": " + e.getMessage(), e);
                }
                err.println("slipway: log stream interrupted (" + e.getMessage() + "); reconnecting");
                sleep();
                continue;
            }
            String state = hub.get("/api/v1/tasks/" + taskId).path("state").asText();
            if (finished(state)) {
                return;
            }
            // The stream ended while the task runs (hub restart or proxy timeout): follow again.
            sleep();
        }
    }

    static boolean finished(String state) {
        return state.equals("CLOSED") || state.equals("FAILED") || state.equals("CANCELED");
    }

    private int report(JsonNode task) {
        String state = task.path("state").asText();
        long id = task.path("id").asLong();
        synchronized (out) {
            out.println("Task " + id + " " + state);
            JsonNode fault = task.path("fault");
            if (fault.isObject()) {
                out.println("  fault: " + fault.path("name").asText() + " (" + fault.path("code").asText() + "): "
                        + fault.path("message").asText());
            }
            JsonNode result = task.path("result");
            if (result.hasNonNull("nvr")) {
                out.println("  nvr:    " + result.path("nvr").asText());
            }
            if (result.path("image").hasNonNull("manifest_digest")) {
                out.println("  digest: " + result.path("image").path("manifest_digest").asText());
            }
            for (JsonNode push : result.path("registries")) {
                for (JsonNode spec : push.path("pull_specs")) {
                    if (spec.asText().contains("@sha256:")) {
                        out.println("  pull:   " + spec.asText());
                    }
                }
            }
            out.println("  task:   " + links.task(id));
            if (task.hasNonNull("build_id")) {
                out.println("  build:  " + links.build(task.path("build_id").asText()));
            }
            out.flush();
        }
        return ExitStatus.ofTaskState(state).code();
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already exiting (Ctrl-C): the hook runs and prints how to re-attach.
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlipwayException(ErrorCode.CANCELED, "Interrupted while watching");
        }
    }
}
