package dev.slipway.hub.console;

import dev.slipway.common.api.Admin;
import dev.slipway.common.api.TaskInfo;
import dev.slipway.common.api.TaskState;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.hub.admin.Directory;
import dev.slipway.hub.admin.Hosts;
import dev.slipway.hub.task.TaskFilter;
import dev.slipway.hub.task.TaskService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The hosts list and a host's page (kojiweb's hosts and hostinfo) with the admins' enable, disable, capacity. */
public final class HostPages {
    private static final List<TaskState> HELD = List.of(TaskState.ASSIGNED, TaskState.OPEN);
    private final Hosts hosts;
    private final TaskService tasks;
    private final KojiLinks links;
    private final Clock clock;
    private final Templates templates;

    /** A host with the tasks it holds now. */
    public record HostRow(Admin.Host host, List<TaskInfo> current) {
    }

    HostPages(Hosts hosts, TaskService tasks, KojiLinks links, Clock clock, Templates templates) {
        this.hosts = hosts;
        this.tasks = tasks;
        this.links = links;
        this.clock = clock;
        this.templates = templates;
    }

    Rendered hosts(Visitor v) {
        List<HostRow> rows = new ArrayList<>();
        for (Admin.Host h : hosts.list()) {
            rows.add(new HostRow(h, held(h.name(), 10)));
        }
        return templates.render("hosts", v, "Hosts", "hosts", "rows", rows, "now", clock.instant());
    }

    Rendered host(Visitor v, String name) {
        Admin.Host h = hosts.get(name);
        List<TaskInfo> recent = tasks.list(new TaskFilter(List.of(), null, null, name, 0, 20)).items();
        return templates.render("host", v, "Host " + name, "hosts", "host", h, "id",
                links.id(Directory.Kind.HOST, name), "current", held(name, 100), "recent", recent, "admin",
                v.principal().isAdmin(), "now", clock.instant());
    }

    /** enable, disable or capacity: {@code Hosts.update} re-checks that the visitor is an admin. */
    Rendered hostAction(Visitor v, String name, String action, Function<String, String> form) {
        Admin.Host patch = switch (action) {
            case "enable" -> new Admin.Host(null, null, null, null, null, true, null, null, null);
            case "disable" -> new Admin.Host(null, null, null, null, null, false, null, null, null);
            case "capacity" -> new Admin.Host(null, null, null, capacity(form.apply("capacity")), null, null, null,
                    null, null);
            default -> throw new SlipwayException(ErrorCode.NOT_FOUND, "No host action '" + action + "'");
        };
        hosts.update(v.principal(), name, patch);
        return Rendered.redirect("/console/hosts/" + Fmt.q(name));
    }

    private List<TaskInfo> held(String host, int limit) {
        return tasks.list(new TaskFilter(HELD, null, null, host, 0, limit)).items();
    }

    private static double capacity(String text) {
        try {
            double c = Double.parseDouble(text == null ? "" : text.trim());
            if (c > 0 && c <= 1000) {
                return c;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new SlipwayException(ErrorCode.BAD_PARAMETER, "capacity must be a number above 0 and at most 1000");
    }
}
