package dev.slipway.cli.build;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.cli.hub.ConsoleLinks;
import dev.slipway.cli.hub.HubOptions;
import dev.slipway.cli.hub.JsonOut;
import dev.slipway.common.hub.HubClient;
import dev.slipway.cli.hub.Verb;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code slipway build-info NVR|ID}: a build record with its images' pull specs by digest, tags and RPM count. */
@Command(name = "build-info", mixinStandardHelpOptions = true, description = "Show a build by NVR or id.")
public final class BuildInfoCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    HubOptions hub;

    @Parameters(index = "0", description = "NVR or build id")
    String build;

    @Option(names = "--json", description = "Print the hub's build record (docs/api.md, GET /builds/{id or NVR})")
    boolean asJson;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        return Verb.run(spec.commandLine().getErr(), () -> {
            HubClient api = hub.api();
            JsonNode b = api.get("/api/v1/builds/" + URLEncoder.encode(build,
                    StandardCharsets.UTF_8));
            if (asJson) {
                return JsonOut.print(out, b);
            }
            out.println("BUILD: " + b.path("nvr").asText() + " [" + b.path("id").asText() + "]");
            out.println("State: " + b.path("state").asText());
            out.println("Owner: " + b.path("owner").asText());
            out.println("Task: " + b.path("task_id").asText());
            out.println("Source: " + b.path("source").asText());
            out.println("Target: " + b.path("target").asText());
            out.println("Started: " + b.path("started").asText() + "  Completed: " + b.path("completed").asText());
            out.println("Tags: " + b.path("koji_tags"));
            out.println("Mirror: " + b.path("mirror").asText("-"));
            for (JsonNode i : b.path("images")) {
                out.println("Image (" + i.path("arch").asText() + "): " + i.path("digest").asText());
                i.path("pull_specs").forEach(p -> out.println("  pull: " + p.asText()));
                out.println("  tags: " + i.path("tags"));
                out.println("  RPMs: " + i.path("rpm_count").asText());
            }
            for (String parent : iterable(b.path("parents"))) {
                out.println("Parent: " + parent);
            }
            for (JsonNode p : b.path("publications")) {
                out.println("Published: " + p.path("pull_spec").asText() + " " + p.path("tags") + " at "
                        + p.path("published_at").asText() + " (signature " + p.path("signature").asText() + ")");
            }
            if (b.path("extra").hasNonNull("userdata")) {
                out.println("Userdata: " + b.path("extra").path("userdata"));
            }
            out.println("Console: " + new ConsoleLinks(api.base()).build(b.path("id").asText()));
            return 0;
        });
    }

    private static List<String> iterable(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.forEach(x -> out.add(x.asText()));
        return out;
    }
}
