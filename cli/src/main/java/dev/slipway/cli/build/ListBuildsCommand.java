package dev.slipway.cli.build;

import dev.slipway.cli.hub.HubOptions;
import dev.slipway.cli.hub.Listing;
import dev.slipway.cli.hub.Listing.Column;
import dev.slipway.cli.hub.Query;
import dev.slipway.cli.hub.Verb;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code slipway list-builds}: builds newest first, with the API's filters (package, state, owner, target). */
@Command(name = "list-builds", mixinStandardHelpOptions = true, description = "List builds, newest first.")
public final class ListBuildsCommand implements Callable<Integer> {
    private static final List<Column> COLUMNS = List.of(new Column("ID", 8, b -> b.path("id").asText()),
            new Column("NVR", 40, b -> b.path("nvr").asText()), new Column("STATE", 9, b -> b.path("state").asText()),
            new Column("OWNER", 10, b -> b.path("owner").asText()),
            new Column("COMPLETED", 0, b -> b.path("completed").asText("-")));

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    HubOptions hub;

    @Mixin
    Listing listing;

    @Option(names = "--package", description = "Only builds of this package")
    String pkg;

    @Option(names = "--state", description = "BUILDING, COMPLETE, FAILED or CANCELED")
    String state;

    @Option(names = "--owner", description = "Only this owner's builds")
    String owner;

    @Option(names = "--target", description = "Only builds for this target")
    String target;

    @Override
    public Integer call() {
        return Verb.run(spec.commandLine().getErr(), () -> listing.print(spec.commandLine().getOut(),
                hub.api().get("/api/v1/builds?" + listing.query(new Query().add("package", pkg).add("state", state)
                        .add("owner", owner).add("target", target))), COLUMNS, "build", "builds"));
    }
}
