package dev.slipway.cli.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.cli.hub.HubOptions;
import dev.slipway.cli.hub.JsonOut;
import dev.slipway.cli.hub.Verb;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code slipway whoami}: who the hub takes the caller's token for (Koji's getLoggedInUser). */
@Command(name = "whoami", mixinStandardHelpOptions = true, description = "Show who your token signs you in as.")
public final class WhoamiCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    HubOptions hub;

    @Option(names = "--json", description = "Print the hub's user record: {name, roles, groups}")
    boolean asJson;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        return Verb.run(spec.commandLine().getErr(), () -> {
            JsonNode me = hub.api().get("/api/v1/whoami");
            if (asJson) {
                return JsonOut.print(out, me);
            }
            out.println(me.path("name").asText() + " (roles: " + Lists.join(me.path("roles")) + "; groups: "
                    + Lists.join(me.path("groups")) + ")");
            return 0;
        });
    }
}
