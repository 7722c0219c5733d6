package dev.slipway.cli.task;

import dev.slipway.cli.hub.HubOptions;
import dev.slipway.cli.hub.Verb;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code slipway cancel ID}: cancels a task; its worker stops the engine build and its NVR is free again. */
@Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel a task (owner or admin).")
public final class CancelCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    HubOptions hub;

    @Parameters(index = "0", description = "Task id")
    long taskId;

    @Override
    public Integer call() {
        return Verb.run(spec.commandLine().getErr(), () -> {
            String state = hub.api().cancel(taskId).state().name();
            spec.commandLine().getOut().println("Task " + taskId + " " + state);
            return 0;
        });
    }
}
