package dev.slipway.worker.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code slipway-worker} command: {@code build} runs one build standalone, {@code run} is the hub worker daemon. */
@Command(name = "slipway-worker", mixinStandardHelpOptions = true, version = "slipway-worker 0.1.0",
        description = "Slipway's build worker: builds layered images from dist-git through the Docker Engine.",
        subcommands = {BuildCommand.class, RunCommand.class})
public final class WorkerCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand (try 'build' or 'run')");
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new WorkerCommand()).execute(args));
    }
}
