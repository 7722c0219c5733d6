package dev.slipway.cli.admin;

import dev.slipway.cli.hub.HubOptions;
import dev.slipway.cli.hub.Verb;
import dev.slipway.common.api.Admin;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code slipway create-token --user U | --host H} (admin): a new bearer token, shown once. */
@Command(name = "create-token", mixinStandardHelpOptions = true, description = "Create a token (admin).")
public final class CreateTokenCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    HubOptions hub;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Who who;

    @Option(names = "--description", description = "What the token is for")
    String description;

    @Option(names = "--out", description = "Write the token to this file (mode 600) instead of printing it")
    Path out;

    /** Exactly one owner of the token. */
    static final class Who {
        @Option(names = "--user", description = "A user's token")
        String user;

        @Option(names = "--host", description = "A build host's token")
        String host;
    }

    @Override
    public Integer call() {
        return Verb.run(spec.commandLine().getErr(), () -> {
            Admin.TokenCreated t = hub.api().createToken(new Admin.TokenRequest(who.user, who.host, description));
            if (out != null) {
                TokenFiles.write(out, t.token());
                spec.commandLine().getOut().println("Token " + t.id() + " written to " + out);
            } else {
                spec.commandLine().getOut().println(t.token());
            }
            return 0;
        });
    }
}
