package dev.slipway.cli.task;

import dev.slipway.cli.hub.HubOptions;
import dev.slipway.cli.hub.JsonOut;
import dev.slipway.cli.hub.Verb;
import dev.slipway.common.api.Page;
import dev.slipway.common.api.TaskInfo;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code slipway list-tasks}: tasks newest first, by default the unfinished ones. */
@Command(name = "list-tasks", mixinStandardHelpOptions = true, description = "List tasks, newest first.")
public final class ListTasksCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    HubOptions hub;

    @Option(names = "--state", defaultValue = "active", description = "active, all or e.g. FREE,OPEN (default: active)")
    String state;

    @Option(names = "--owner", description = "Only this owner's tasks")
    String owner;

    @Option(names = "--host", description = "Only tasks on this host")
    String host;

    @Option(names = "--method", description = "Only tasks of this method, e.g. buildContainer")
    String method;

    @Option(names = "--json", description = "Print the hub's page: {items: [task...], total, offset, limit}")
    boolean asJson;

    @Option(names = "--limit", defaultValue = "50", description = "At most this many (default: 50)")
    int limit;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        return Verb.run(spec.commandLine().getErr(), () -> {
            StringBuilder q = new StringBuilder("state=" + enc(state) + "&limit=" + limit);
            if (owner != null) {
                q.append("&owner=").append(enc(owner));
            }
            if (host != null) {
                q.append("&host=").append(enc(host));
            }
            if (method != null) {
                q.append("&method=").append(enc(method));
            }
            if (asJson) {
                return JsonOut.print(out, hub.api().get("/api/v1/tasks?" + q));
            }
            Page<TaskInfo> page = hub.api().tasks(q.toString());
            out.printf("%-8s %-9s %-10s %-12s %s%n", "ID", "STATE", "OWNER", "HOST", "SOURCE");
            for (TaskInfo t : page.items()) {
                out.printf("%-8s %-9s %-10s %-12s %s%n", t.id(), t.state(), t.owner(), t.host() == null ? "-"
                        : t.host(), t.parameters() == null ? "" : t.parameters().path("src").asText());
            }
            out.println(page.items().size() + " of " + page.total() + " task(s)");
            return 0;
        });
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
