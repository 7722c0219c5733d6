package dev.slipway.cli.task;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.cli.hub.ConsoleLinks;
import dev.slipway.cli.hub.HubOptions;
import dev.slipway.cli.hub.JsonOut;
import dev.slipway.cli.hub.Verb;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code slipway task-info ID}: a task as Koji's taskinfo shows it. */
@Command(name = "task-info", mixinStandardHelpOptions = true, description = "Show a task.")
public final class TaskInfoCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    HubOptions hub;

    @Parameters(index = "0", description = "Task id")
    long taskId;

    @Option(names = "--json", description = "Print the hub's task record (docs/api.md, GET /tasks/{id})")
    boolean asJson;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        return Verb.run(spec.commandLine().getErr(), () -> {
            JsonNode t = hub.api().get("/api/v1/tasks/" + taskId);
            if (asJson) {
                return JsonOut.print(out, t);
            }
            out.println("Task: " + t.path("id").asText());
            out.println("Type: " + t.path("method").asText());
            out.println("Request: " + t.path("parameters").path("src").asText() + " "
                    + t.path("parameters").path("target").asText() + " " + t.path("parameters").path("opts"));
            for (String f : new String[] {"state", "owner", "channel", "host", "arch", "priority", "weight", "created",
                "started", "completed", "build_id"}) {
                if (t.hasNonNull(f)) {
                    out.println(Character.toUpperCase(f.charAt(0)) + f.substring(1).replace('_', ' ') + ": "
                            + t.get(f).asText());
                }
            }
            if (t.path("fault").isObject()) {
                out.println("Fault: " + t.path("fault").path("name").asText() + " (" + t.path("fault").path("code")
                        .asText() + "): " + t.path("fault").path("message").asText());
            }
            if (t.path("result").hasNonNull("nvr")) {
                out.println("Result: " + t.path("result").path("nvr").asText() + " "
                        + t.path("result").path("image").path("manifest_digest").asText());
            }
            out.println("Console: " + new ConsoleLinks(hub.api().base()).task(taskId));
            return 0;
        });
    }
}
