package dev.slipway.hub.console;

import dev.slipway.common.api.Admin;
import dev.slipway.common.api.BuildInfo;
import dev.slipway.common.api.Page;
import dev.slipway.common.api.TaskInfo;
import dev.slipway.common.api.TaskState;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.hub.admin.Hosts;
import dev.slipway.hub.build.BuildFilter;
import dev.slipway.hub.build.BuildQueries;
import dev.slipway.hub.task.TaskFilter;
import dev.slipway.hub.task.TaskHistory;
import dev.slipway.hub.task.TaskLog;
import dev.slipway.hub.task.TaskService;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The summary, sign-in, error and task pages, built from the hub's services (the same calls, and so the same
 * rules, as the API). Every method blocks; none sees the HTTP layer (query parameters come as a lookup function).
 */
public final class Pages {
    /** How many log lines a task page shows before the live stream takes over (the tail of a long log). */
    static final int LOG_TAIL = 500;
    private final TaskService tasks;
    private final TaskLog log;
    private final BuildQueries builds;
    private final Hosts hosts;
    private final CommitLinks commits;
    private final Clock clock;
    private final Templates templates;

    /** The queue counts of the summary page, one per state. */
    public record StateCount(TaskState state, long count) {
    }

    /** The filters of the task list, as given (null when absent). */
    public record TaskQuery(String state, String method, String owner, String host, String channel, int offset) {
        /** The query string for another page of the same list. */
        public String at(int otherOffset) {
            return Templates.query(otherOffset, "state", state, "method", method, "owner", owner, "host", host,
                    "channel", channel);
        }
    }

    /** The links of a task page: its commit and the parent build it was asked to build on. */
    public record TaskLinks(String commit, String parentBuild) {
    }

    Pages(TaskService tasks, TaskLog log, BuildQueries builds, Hosts hosts, CommitLinks commits, Clock clock,
            Templates templates) {
        this.tasks = tasks;
        this.log = log;
        this.builds = builds;
        this.hosts = hosts;
        this.commits = commits;
        this.clock = clock;
        this.templates = templates;
    }

    Rendered summary(Visitor v) {
        List<StateCount> counts = tasks.countByState().entrySet().stream()
                .map(e -> new StateCount(e.getKey(), e.getValue())).toList();
        // The queue's counts come from one grouped query; the short lists below need no count of their own.
        List<TaskInfo> running = tasks.latest(new TaskFilter(List.of(TaskState.OPEN, TaskState.ASSIGNED), null, null,
                null, 0, 20));
        List<TaskInfo> failed = tasks.latest(new TaskFilter(List.of(TaskState.FAILED), null, null, null, 0, 10));
        List<BuildInfo> recent = builds.latest(new BuildFilter(null, null, null, null, 0, 10));
        List<Admin.Host> all = hosts.list();
        return templates.render("summary", v, "Summary", "summary", "counts", counts, "running", running, "hosts",
                all, "health", ClusterHealth.of(all), "failed", failed, "builds", recent, "now", clock.instant());
    }

    Rendered signIn(Visitor v, String error) {
        return templates.render("signin", v, "Sign in", "signin", "error", error);
    }

    Rendered tasks(Visitor v, Function<String, String> q) {
        TaskQuery query = new TaskQuery(Templates.text(q, "state"), Templates.text(q, "method"),
                Templates.text(q, "owner"), Templates.text(q, "host"), Templates.text(q, "channel"),
                Templates.offset(q));
        Page<TaskInfo> page = tasks.list(new TaskFilter(states(query.state()), query.owner(), query.method(),
                query.host(), query.channel(), query.offset(), Templates.PAGE_SIZE));
        return templates.render("tasks", v, "Tasks", "tasks", "page", page, "query", query, "states",
                TaskState.values());
    }

    Rendered task(Visitor v, long id) {
        TaskInfo t = tasks.get(id);
        TaskHistory history = tasks.history(id);
        TaskLog.Slice tail = log.tail(id, LOG_TAIL);
        long firstLine = tail.nextOffset() - tail.lines().size();
        Instant now = clock.instant();
        List<String> waiting = WaitReasons.of(t, history, t.state() == TaskState.FREE ? hosts.list() : List.of(),
                now);
        return templates.render("task", v, "Task " + id, "tasks", "task", t, "history", history, "links",
                links(t), "actions", TaskActions.of(v.principal(), t), "waiting", waiting, "log", tail, "firstLine",
                firstLine, "now", now);
    }

    /** Cancel, resubmit, free or priority: the service decides whether this visitor may (a refusal is a 403). */
    Rendered taskAction(Visitor v, long id, String action, Function<String, String> form) {
        switch (action) {
            case "cancel" -> tasks.cancel(v.principal(), id);
            case "free" -> tasks.free(v.principal(), id);
            case "priority" -> tasks.setPriority(v.principal(), id, number(form.apply("priority"), "priority"));
            case "resubmit" -> {
                return Rendered.redirect("/console/tasks/" + tasks.resubmit(v.principal(), id));
            }
            default -> throw new SlipwayException(ErrorCode.NOT_FOUND, "No task action '" + action + "'");
        }
        return Rendered.redirect("/console/tasks/" + id);
    }

    Rendered error(Visitor v, int status, String message) {
        Rendered p = templates.render("error", v, "Error " + status, "", "status", status, "message", message);
        return new Rendered(status, p.html(), null, null);
    }

    private TaskLinks links(TaskInfo t) {
        String src = t.parameters() == null || !t.parameters().path("src").isTextual() ? null
                : t.parameters().path("src").asText();
        var parent = t.parameters() == null ? null : t.parameters().path("opts").path("koji_parent_build");
        return new TaskLinks(commits.of(src), parent != null && parent.isTextual() ? parent.asText() : null);
    }

    static int number(String text, String name) {
        try {
            return Integer.parseInt(text == null ? "" : text.trim());
        } catch (NumberFormatException e) {
            throw new SlipwayException(ErrorCode.BAD_PARAMETER, name + " must be a whole number");
        }
    }

    /**
     * {@code active} (FREE, ASSIGNED, OPEN), {@code all} or absent, or one state's name in either case (kojiweb's
     * links say {@code state=failed}).
     */
    private static List<TaskState> states(String text) {
        if (text == null || text.equalsIgnoreCase("all")) {
            return List.of();
        }
        if (text.equalsIgnoreCase("active")) {
            return List.of(TaskState.FREE, TaskState.ASSIGNED, TaskState.OPEN);
        }
        try {
            return List.of(TaskState.valueOf(text.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new SlipwayException(ErrorCode.BAD_PARAMETER, "state must be active, all or one of "
                    + Arrays.toString(TaskState.values()));
        }
    }
}
