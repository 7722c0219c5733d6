package dev.slipway.cli.task;

import dev.slipway.cli.hub.ConsoleLinks;
import dev.slipway.cli.hub.HubOptions;
import dev.slipway.cli.hub.Verb;
import dev.slipway.common.hub.HubClient;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code slipway resubmit ID}: queues a copy of a FAILED or CANCELED task (as Koji's resubmit), then watches it. */
@Command(name = "resubmit", mixinStandardHelpOptions = true,
        description = "Queue a copy of a FAILED or CANCELED task (owner or admin) and watch it.")
public final class ResubmitCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    HubOptions hub;

    @Parameters(index = "0", description = "Task id")
    long taskId;

    @Option(names = "--nowait", description = "Print the new task and return without watching")
    boolean nowait;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        return Verb.run(spec.commandLine().getErr(), () -> {
            HubClient api = hub.api();
            long task = api.post("/api/v1/tasks/" + taskId + "/resubmit", Map.of()).path("task_id").asLong();
            out.println("Resubmitted task " + taskId + " as task " + task);
            out.println("Task info: " + new ConsoleLinks(api.base()).task(task));
            out.flush();
            return nowait ? 0 : new TaskWatcher(api, out, spec.commandLine().getErr()).watch(task);
        });
    }
}
