package dev.slipway.cli.admin;

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

/** {@code slipway list-tags [--packages TAG]}: tags with arches and lock; or one tag's package list. */
@Command(name = "list-tags", mixinStandardHelpOptions = true,
        description = "List tags, or with --packages TAG that tag's package list.")
public final class ListTagsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    HubOptions hub;

    @Option(names = "--packages", paramLabel = "TAG", description = "Show this tag's package list instead")
    String packagesOf;

    @Option(names = "--json", description = "Print the hub's list: [{name, arches, locked}], or with --packages "
            + "[{tag, name, owner, blocked, allowed_groups}]")
    boolean asJson;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        return Verb.run(spec.commandLine().getErr(), () -> {
            JsonNode list = hub.api().get(packagesOf == null ? "/api/v1/tags"
                    : "/api/v1/tags/" + Query.segment(packagesOf) + "/packages");
            if (asJson) {
                return JsonOut.print(out, list);
            }
            if (packagesOf != null) {
                out.printf("%-32s %-16s %-8s %s%n", "PACKAGE", "OWNER", "BLOCKED", "GROUPS");
                for (JsonNode p : list) {
                    out.printf("%-32s %-16s %-8s %s%n", p.path("name").asText(), p.path("owner").asText(),
                            p.path("blocked").asBoolean() ? "yes" : "no", Lists.join(p.path("allowed_groups")));
                }
                return 0;
            }
            out.printf("%-32s %-8s %s%n", "TAG", "LOCKED", "ARCHES");
            for (JsonNode t : list) {
                out.printf("%-32s %-8s %s%n", t.path("name").asText(), t.path("locked").asBoolean() ? "yes" : "no",
                        Lists.join(t.path("arches")));
            }
            return 0;
        });
    }
}
