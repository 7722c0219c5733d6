package dev.slipway.cli.admin;

import dev.slipway.cli.hub.HubOptions;
import dev.slipway.cli.hub.Verb;
import dev.slipway.common.api.Admin;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code slipway add-tag NAME --arches ...} (releng): a tag builds land in or take their repos from. */
@Command(name = "add-tag", mixinStandardHelpOptions = true, description = "Add a tag (releng).")
public final class AddTagCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    HubOptions hub;

    @Parameters(index = "0", description = "Tag name")
    String name;

    @Option(names = "--arches", split = "[ ,]", defaultValue = "x86_64", description = "Arches (default: x86_64)")
    List<String> arches;

    @Override
    public Integer call() {
        return Verb.run(spec.commandLine().getErr(), () -> {
            hub.api().createTag(new Admin.Tag(name, arches, false));
            spec.commandLine().getOut().println("Added tag " + name + " " + arches);
            return 0;
        });
    }
}
