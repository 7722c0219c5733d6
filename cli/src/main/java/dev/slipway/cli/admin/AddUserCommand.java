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

/** {@code slipway add-user NAME --role packager} (admin). */
@Command(name = "add-user", mixinStandardHelpOptions = true, description = "Add a user (admin).")
public final class AddUserCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    HubOptions hub;

    @Parameters(index = "0", description = "User name")
    String name;

    @Option(names = "--role", defaultValue = "packager", description = "admin, releng or packager (repeatable)")
    List<String> roles;

    @Override
    public Integer call() {
        return Verb.run(spec.commandLine().getErr(), () -> {
            hub.api().createUser(new Admin.User(name, roles, null));
            spec.commandLine().getOut().println("Added user " + name + " " + roles);
            return 0;
        });
    }
}
