package dev.slipway.cli.admin;

import dev.slipway.cli.hub.HubOptions;
import dev.slipway.cli.hub.Verb;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code slipway revoke-token ID} (admin): the token stops working at once. */
@Command(name = "revoke-token", mixinStandardHelpOptions = true, description = "Revoke a token by id (admin).")
public final class RevokeTokenCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    HubOptions hub;

    @Parameters(index = "0", description = "Token id (as create-token and list-tokens show it)")
    long id;

    @Override
    public Integer call() {
        return Verb.run(spec.commandLine().getErr(), () -> {
            hub.api().send("DELETE", "/api/v1/tokens/" + id, null);
            spec.commandLine().getOut().println("Revoked token " + id);
            return 0;
        });
    }
}
