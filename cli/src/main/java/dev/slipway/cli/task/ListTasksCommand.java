package dev.slipway.cli.task;

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

/** {@code slipway list-tasks}: tasks newest first, by default the unfinished ones. */
@Command(name = "list-tasks", mixinStandardHelpOptions = true, description = "List tasks, newest first.")
public final class ListTasksCommand implements Callable<Integer> {
    private static final List<Column> COLUMNS = List.of(new Column("ID", 8, t -> t.path("id").asText()),
            new Column("STATE", 9, t -> t.path("state").asText()),
            new Column("OWNER", 10, t -> t.path("owner").asText()),
            new Column("HOST", 12, t -> t.path("host").asText("-")),
            new Column("SOURCE", 0, t -> t.path("parameters").path("src").asText("")));

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    HubOptions hub;

    @Mixin
    Listing listing;

    @Option(names = "--state", defaultValue = "active", description = "active, all or e.g. FREE,OPEN (default: active)")
    String state;

    @Option(names = "--owner", description = "Only this owner's tasks")
    String owner;

    @Option(names = "--host", description = "Only tasks on this host")
    String host;

    @Option(names = "--method", description = "Only tasks of this method, e.g. buildContainer")
    String method;

    @Override
    public Integer call() {
        return Verb.run(spec.commandLine().getErr(), () -> listing.print(spec.commandLine().getOut(),
                hub.api().get("/api/v1/tasks?" + listing.query(new Query().add("state", state).add("owner", owner)
                        .add("host", host).add("method", method))), COLUMNS, "task", "tasks"));
    }
}
