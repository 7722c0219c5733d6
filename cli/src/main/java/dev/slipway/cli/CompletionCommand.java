package dev.slipway.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code slipway completion}: prints picocli's bash (and zsh, through bashcompinit) completion script for every
 * verb and option. Install with {@code slipway completion > /etc/bash_completion.d/slipway}, or
 * {@code source <(slipway completion)} in ~/.bashrc.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Print the bash completion script (source <(slipway completion)).")
public final class CompletionCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        String script = AutoComplete.bash("slipway", spec.root().commandLine());
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
