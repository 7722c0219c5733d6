package dev.slipway.cli.admin;

import dev.slipway.cli.hub.HubOptions;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code slipway unblock-pkg TAG PKG...} (releng), as Koji's unblock-pkg. */
@Command(name = "unblock-pkg", mixinStandardHelpOptions = true, description = "Unblock packages in a tag (releng).")
public final class UnblockPkgCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    HubOptions hub;

    @Parameters(index = "0", description = "Tag")
    String tag;

    @Parameters(index = "1..*", arity = "1..*", description = "Package names (already in the tag's list)")
    List<String> packages;

    @Override
    public Integer call() {
        return PackageBlocks.set(hub, spec.commandLine().getOut(), spec.commandLine().getErr(), tag, packages,
                false);
    }
}
