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
import picocli.CommandLine.Parameters;

/**
 * {@code slipway package-images NAME [--older-than [E:]V-R]}: which images contain an RPM (optionally only where it
 * sorts below a version by rpmvercmp), with the build, a pull spec by digest and the NEVRA found.
 */
@Command(name = "package-images", mixinStandardHelpOptions = true,
        description = "Which images contain an RPM (optionally older than [E:]V-R).")
public final class PackageImagesCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    HubOptions hub;

    @Parameters(index = "0", paramLabel = "NAME", description = "RPM name, e.g. openssl-libs")
    String name;

    @Option(names = "--older-than", paramLabel = "[E:]V-R", description = "Only images where the RPM sorts below")
    String olderThan;

    @Option(names = "--state", description = "Build state (default: COMPLETE)")
    String state;

    @Option(names = "--limit", defaultValue = "1000", description = "At most this many (default: 1000)")
    int limit;

    @Option(names = "--json", description = "Print the hub's list: [{build_id, nvr, state, arch, digest, "
            + "pull_specs, component}]")
    boolean asJson;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (olderThan != null && !olderThan.matches("(\\d+:)?[^:\\s-]+-[^:\\s-]+")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--older-than '" + olderThan
                    + "' is not [E:]V-R (e.g. 3.0.9-2 or 1:3.0.9-2)");
        }
        return Verb.run(spec.commandLine().getErr(), () -> {
            String q = new Query().add("older-than", olderThan).add("state", state)
                    .add("limit", String.valueOf(limit)).toString();
            JsonNode matches = hub.api().get("/api/v1/packages/" + Query.segment(name) + "/images?" + q);
            if (asJson) {
                return JsonOut.print(out, matches);
            }
            if (matches.isEmpty()) {
                out.println("No image contains " + name + (olderThan == null ? "" : " older than " + olderThan));
                return 0;
            }
            for (JsonNode m : matches) {
                JsonNode c = m.path("component");
                String epoch = c.hasNonNull("epoch") ? c.path("epoch").asText() + ":" : "";
                String pull = m.path("pull_specs").isEmpty() ? m.path("digest").asText()
                        : m.path("pull_specs").get(0).asText();
                out.println(m.path("nvr").asText() + " (" + m.path("arch").asText() + ")  " + c.path("name").asText()
                        + "-" + epoch + c.path("version").asText() + "-" + c.path("release").asText() + "."
                        + c.path("arch").asText() + "  " + pull);
            }
            return 0;
        });
    }
}
