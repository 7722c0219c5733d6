package dev.slipway.cli.build;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.cli.hub.HubOptions;
import dev.slipway.cli.hub.JsonOut;
import dev.slipway.cli.hub.Query;
import dev.slipway.cli.hub.Verb;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code slipway list-builds}: builds newest first, with the API's filters (package, state, owner, target). */
@Command(name = "list-builds", mixinStandardHelpOptions = true, description = "List builds, newest first.")
public final class ListBuildsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    HubOptions hub;

    @Option(names = "--package", description = "Only builds of this package")
    String pkg;

    @Option(names = "--state", description = "BUILDING, COMPLETE, FAILED or CANCELED")
    String state;

    @Option(names = "--owner", description = "Only this owner's builds")
    String owner;

    @Option(names = "--target", description = "Only builds for this target")
    String target;

    @Option(names = "--offset", defaultValue = "0", description = "Skip this many (default: 0)")
    int offset;

    @Option(names = "--limit", defaultValue = "50", description = "At most this many (default: 50)")
    int limit;

    @Option(names = "--json", description = "Print the hub's page: {items: [build...], total, offset, limit}")
    boolean asJson;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        return Verb.run(spec.commandLine().getErr(), () -> {
            String q = new Query().add("package", pkg).add("state", state).add("owner", owner).add("target", target)
                    .add("offset", String.valueOf(offset)).add("limit", String.valueOf(limit)).toString();
            JsonNode page = hub.api().get("/api/v1/builds?" + q);
            if (asJson) {
                return JsonOut.print(out, page);
            }
            out.printf("%-8s %-40s %-9s %-10s %s%n", "ID", "NVR", "STATE", "OWNER", "COMPLETED");
            for (JsonNode b : page.path("items")) {
                out.printf("%-8s %-40s %-9s %-10s %s%n", b.path("id").asText(), b.path("nvr").asText(),
                        b.path("state").asText(), b.path("owner").asText(), b.path("completed").asText("-"));
            }
            out.println(page.path("items").size() + " of " + page.path("total").asText() + " build(s)");
            return 0;
        });
    }
}
