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

/** {@code slipway list-hosts}: build hosts with arches, channels, enabled, ready, load against capacity. */
@Command(name = "list-hosts", mixinStandardHelpOptions = true, description = "List build hosts.")
public final class ListHostsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    HubOptions hub;

    @Option(names = "--json", description = "Print the hub's list: [{name, arches, channels, capacity, load, "
            + "enabled, ready, description, last_seen}]")
    boolean asJson;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        return Verb.run(spec.commandLine().getErr(), () -> {
            JsonNode hosts = hub.api().get("/api/v1/hosts");
            if (asJson) {
                return JsonOut.print(out, hosts);
            }
            out.printf("%-20s %-8s %-6s %-10s %-16s %-20s %s%n", "HOST", "ENABLED", "READY", "LOAD/CAP", "ARCHES",
                    "CHANNELS", "LAST SEEN");
            for (JsonNode h : hosts) {
                out.printf("%-20s %-8s %-6s %-10s %-16s %-20s %s%n", h.path("name").asText(),
                        h.path("enabled").asBoolean() ? "yes" : "no", h.path("ready").asBoolean() ? "yes" : "no",
                        h.path("load").asDouble() + "/" + h.path("capacity").asDouble(), Lists.join(h.path("arches")),
                        Lists.join(h.path("channels")), h.path("last_seen").asText("-"));
            }
            return 0;
        });
    }
}
