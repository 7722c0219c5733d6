package dev.slipway.cli.admin;

import dev.slipway.cli.hub.HubOptions;
import dev.slipway.cli.hub.Verb;
import dev.slipway.common.api.Admin;
import dev.slipway.common.hub.HubClient;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code block-pkg} and {@code unblock-pkg} (Koji's verbs, releng): the same arguments and call, blocking or
 * unblocking packages in a tag's list; a blocked package cannot build there. Each verb is a subclass naming itself.
 */
abstract class PackageBlocks implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    HubOptions hub;

    @Parameters(index = "0", description = "Tag")
    String tag;

    @Parameters(index = "1..*", arity = "1..*", description = "Package names (already in the tag's list)")
    List<String> packages;

    private final boolean blocked;

    PackageBlocks(boolean blocked) {
        this.blocked = blocked;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        return Verb.run(spec.commandLine().getErr(), () -> {
            HubClient api = hub.api();
            for (String p : packages) {
                api.setPackage(tag, p, new Admin.TagPackage(null, null, null, blocked, null));
                out.println((blocked ? "Blocked " : "Unblocked ") + p + " in " + tag);
            }
            return 0;
        });
    }
}
