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

/** {@code slipway list-targets}: build targets with their build and destination tags. */
@Command(name = "list-targets", mixinStandardHelpOptions = true, description = "List build targets.")
public final class ListTargetsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    HubOptions hub;

    @Option(names = "--json", description = "Print the hub's list: [{name, build_tag, dest_tag}]")
    boolean asJson;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        return Verb.run(spec.commandLine().getErr(), () -> {
            JsonNode targets = hub.api().get("/api/v1/targets");
            if (asJson) {
                return JsonOut.print(out, targets);
            }
            out.printf("%-32s %-32s %s%n", "NAME", "BUILDROOT", "DESTINATION");
            for (JsonNode t : targets) {
                out.printf("%-32s %-32s %s%n", t.path("name").asText(), t.path("build_tag").asText(),
                        t.path("dest_tag").asText());
            }
            return 0;
        });
    }
}
