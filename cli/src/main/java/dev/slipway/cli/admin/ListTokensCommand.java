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

/** {@code slipway list-tokens} (admin): tokens by id, owner and state; never their secrets. */
@Command(name = "list-tokens", mixinStandardHelpOptions = true, description = "List tokens (admin; no secrets).")
public final class ListTokensCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    HubOptions hub;

    @Option(names = "--json", description = "Print the hub's list: [{id, user, host, description, created, revoked}]")
    boolean asJson;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        return Verb.run(spec.commandLine().getErr(), () -> {
            JsonNode tokens = hub.api().get("/api/v1/tokens");
            if (asJson) {
                return JsonOut.print(out, tokens);
            }
            out.printf("%-6s %-16s %-16s %-26s %s%n", "ID", "USER", "HOST", "REVOKED", "DESCRIPTION");
            for (JsonNode t : tokens) {
                out.printf("%-6s %-16s %-16s %-26s %s%n", t.path("id").asText(), t.path("user").asText("-"),
                        t.path("host").asText("-"), t.path("revoked").asText("-"), t.path("description").asText(""));
            }
            return 0;
        });
    }
}
