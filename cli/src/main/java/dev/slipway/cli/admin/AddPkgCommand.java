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

/** {@code slipway add-pkg TAG PKG... --owner USER} (releng), as Koji's add-pkg. */
@Command(name = "add-pkg", mixinStandardHelpOptions = true, description = "Add packages to a tag's list (releng).")
public final class AddPkgCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    HubOptions hub;

    @Parameters(index = "0", description = "Tag")
    String tag;

    @Parameters(index = "1..*", arity = "1..*", description = "Package (component) names")
    List<String> packages;

    @Option(names = "--owner", required = true, description = "The packages' owner")
    String owner;

    @Option(names = "--allowed-group", description = "A group whose members may also build (repeatable)")
    List<String> groups;

    @Override
    public Integer call() {
        return Verb.run(spec.commandLine().getErr(), () -> {
            for (String p : packages) {
                hub.api().setPackage(tag, p, new Admin.TagPackage(null, null, owner, false, groups));
                spec.commandLine().getOut().println("Added " + p + " to " + tag + " (owner " + owner + ")");
            }
            return 0;
        });
    }
}
