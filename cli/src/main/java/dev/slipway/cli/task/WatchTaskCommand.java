package dev.slipway.cli.task;

import dev.slipway.cli.hub.HubOptions;
import dev.slipway.cli.hub.Verb;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code slipway watch-task ID}: streams a task's log until it ends. */
@Command(name = "watch-task", mixinStandardHelpOptions = true,
        description = "Stream a task's log until it ends, with a status line when its state changes; Ctrl-C detaches.")
public final class WatchTaskCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    HubOptions hub;

    @Parameters(index = "0", description = "Task id")
    long taskId;

    @Override
    public Integer call() {
        return Verb.run(spec.commandLine().getErr(), () -> new TaskWatcher(hub.api(), spec.commandLine().getOut(),
                spec.commandLine().getErr()).watch(taskId));
    }
}
