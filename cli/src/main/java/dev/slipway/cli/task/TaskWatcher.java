package dev.slipway.cli.task;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.common.hub.HubClient;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Follows a task like {@code koji watch-task}: streams its log live ({@code ?offset=N&follow=true}) until the task
 * ends, reconnecting from the last line seen if the stream breaks, then prints the outcome. Exit status 0 for
 * CLOSED, 1 for FAILED or CANCELED.
 */
public final class TaskWatcher {
    private final HubClient hub;
    private final PrintWriter out;
    private final PrintWriter err;

    public TaskWatcher(HubClient hub, PrintWriter out, PrintWriter err) {
        this.hub = hub;
        this.out = out;
        this.err = err;
    }

    public int watch(long taskId) {
        long offset = 0;
        for (int attempt = 0; ; attempt++) {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                    hub.followLog(taskId, offset), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null;) {
                    out.println(line);
                    out.flush();
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
            JsonNode task = hub.get("/api/v1/tasks/" + taskId);
            String state = task.path("state").asText();
            if (state.equals("CLOSED") || state.equals("FAILED") || state.equals("CANCELED")) {
                return report(task);
            }
            // The stream ended while the task runs (hub restart or proxy timeout): follow again.
            sleep();
        }
    }

    private int report(JsonNode task) {
        String state = task.path("state").asText();
        out.println("Task " + task.path("id").asText() + " " + state);
        JsonNode fault = task.path("fault");
        if (fault.isObject()) {
            out.println("  fault: " + fault.path("name").asText() + " (" + fault.path("code").asText() + "): "
                    + fault.path("message").asText());
        }
        if (task.hasNonNull("build_id")) {
            out.println("  build: " + task.path("build_id").asText());
        }
        JsonNode result = task.path("result");
        if (result.hasNonNull("nvr")) {
            out.println("  nvr:   " + result.path("nvr").asText());
        }
        if (result.path("image").hasNonNull("manifest_digest")) {
            out.println("  digest: " + result.path("image").path("manifest_digest").asText());
        }
        out.flush();
        return state.equals("CLOSED") ? 0 : 1;
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
