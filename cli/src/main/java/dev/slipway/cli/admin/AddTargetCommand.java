package dev.slipway.cli.admin;

import dev.slipway.cli.hub.HubOptions;
import dev.slipway.cli.hub.Verb;
import dev.slipway.common.api.Admin;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code slipway add-target NAME BUILD-TAG DEST-TAG} (releng), as Koji's add-target. */
@Command(name = "add-target", mixinStandardHelpOptions = true, description = "Add a build target (releng).")
public final class AddTargetCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    HubOptions hub;

    @Parameters(index = "0", description = "Target name, e.g. f40-container-candidate")
    String name;

    @Parameters(index = "1", description = "Build tag (where the build's repos come from)")
    String buildTag;

    @Parameters(index = "2", description = "Destination tag (where builds land)")
    String destTag;

    @Override
    public Integer call() {
        return Verb.run(spec.commandLine().getErr(), () -> {
            hub.api().createTarget(new Admin.Target(name, buildTag, destTag));
            spec.commandLine().getOut().println("Added target " + name + ": " + buildTag + " -> " + destTag);
            return 0;
        });
    }
}
