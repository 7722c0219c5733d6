package dev.slipway.cli;

import dev.slipway.cli.lookaside.ServeLookasideCommand;
import dev.slipway.cli.promote.PromoteCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code slipway} command; each subcommand lives in its own package and is registered here. */
@Command(name = "slipway", mixinStandardHelpOptions = true, version = "slipway 0.1.0",
        description = "Slipway's client: promotion and a lookaside server today, the hub's build and release commands later.",
        subcommands = {PromoteCommand.class, ServeLookasideCommand.class})
public final class SlipwayCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand (try 'promote')");
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new SlipwayCommand()).execute(args));
    }
}
