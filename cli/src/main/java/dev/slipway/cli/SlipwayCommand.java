package dev.slipway.cli;

import dev.slipway.cli.admin.AddHostCommand;
import dev.slipway.cli.admin.AddPkgCommand;
import dev.slipway.cli.admin.AddTagCommand;
import dev.slipway.cli.admin.AddTargetCommand;
import dev.slipway.cli.admin.AddUserCommand;
import dev.slipway.cli.admin.CreateTokenCommand;
import dev.slipway.cli.build.BuildInfoCommand;
import dev.slipway.cli.build.ContainerBuildCommand;
import dev.slipway.cli.lookaside.ServeLookasideCommand;
import dev.slipway.cli.promote.PromoteCommand;
import dev.slipway.cli.task.CancelCommand;
import dev.slipway.cli.task.ListTasksCommand;
import dev.slipway.cli.task.TaskInfoCommand;
import dev.slipway.cli.task.WatchTaskCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code slipway} command; each subcommand lives in its own package and is registered here. */
@Command(name = "slipway", mixinStandardHelpOptions = true, version = "slipway 0.1.0",
        description = "Slipway's client: builds, tasks and administration on the hub; promotion of images.",
        subcommands = {ContainerBuildCommand.class, WatchTaskCommand.class, TaskInfoCommand.class,
            CancelCommand.class, BuildInfoCommand.class, ListTasksCommand.class, AddTagCommand.class,
            AddTargetCommand.class, AddPkgCommand.class, AddUserCommand.class, AddHostCommand.class,
            CreateTokenCommand.class, PromoteCommand.class, ServeLookasideCommand.class})
public final class SlipwayCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand (try 'container-build' or --help)");
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new SlipwayCommand()).execute(args));
    }
}
