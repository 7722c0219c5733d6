package dev.slipway.hub.console;

import dev.slipway.common.api.Admin;
import dev.slipway.common.api.BuildInfo;
import dev.slipway.common.api.BuildState;
import dev.slipway.common.api.ImageInfo;
import dev.slipway.common.api.Page;
import dev.slipway.common.api.RpmComponent;
import dev.slipway.common.api.TaskInfo;
import dev.slipway.common.api.TaskState;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.hub.admin.Hosts;
import dev.slipway.hub.build.BuildFilter;
import dev.slipway.hub.build.BuildQueries;
import dev.slipway.hub.task.TaskFilter;
import dev.slipway.hub.task.TaskLog;
import dev.slipway.hub.task.TaskService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds each console page from the hub's services (the same calls, and so the same rules, as the API) and renders
 * it. Every method blocks; none sees the HTTP layer (query parameters come as a lookup function).
 */
public final class Pages {
    /** How many log lines a task page shows before the live stream takes over (the tail of a long log). */
    static final int LOG_TAIL = 500;
    private static final int PAGE_SIZE = 50;
    private final TaskService tasks;
    private final TaskLog log;
    private final BuildQueries builds;
    private final Hosts hosts;
    private final Clock clock;
    private final Renderer renderer = new Renderer();

    /** The queue counts of the summary page, one per state. */
    public record StateCount(TaskState state, long count) {
    }

    /** One image of a build page with its components. */
    public record ImageView(ImageInfo image, List<String> digestPullSpecs, List<RpmComponent> rpms) {
    }

    /** The filters of the task list, as given (null when absent). */
    public record TaskQuery(String state, String method, String owner, String host, int offset) {
        /** The query string for another page of the same list. */
        public String at(int otherOffset) {
            StringBuilder sb = new StringBuilder("?offset=").append(Math.max(0, otherOffset));
            for (String[] kv : new String[][] {{"state", state}, {"method", method}, {"owner", owner},
                    {"host", host}}) {
                if (kv[1] != null) {
                    sb.append('&').append(kv[0]).append('=').append(Fmt.q(kv[1]));
                }
            }
            return sb.toString();
        }
    }

    /** The filters of the build list. */
    public record BuildQuery(String packageName, String state, String owner, String target, int offset) {
        public String at(int otherOffset) {
            StringBuilder sb = new StringBuilder("?offset=").append(Math.max(0, otherOffset));
            for (String[] kv : new String[][] {{"package", packageName}, {"state", state}, {"owner", owner},
                    {"target", target}}) {
                if (kv[1] != null) {
                    sb.append('&').append(kv[0]).append('=').append(Fmt.q(kv[1]));
                }
            }
            return sb.toString();
        }
    }

    public Pages(TaskService tasks, TaskLog log, BuildQueries builds, Hosts hosts, Clock clock) {
        this.tasks = tasks;
        this.log = log;
        this.builds = builds;
        this.hosts = hosts;
        this.clock = clock;
    }

    Rendered summary(Visitor v) {
        List<StateCount> counts = new ArrayList<>();
        for (TaskState s : TaskState.values()) {
            counts.add(new StateCount(s, tasks.list(filter(List.of(s), null, null, null, 0, 1)).total()));
        }
        List<TaskInfo> running = tasks.list(filter(List.of(TaskState.OPEN, TaskState.ASSIGNED), null, null, null, 0,
                20)).items();
        List<TaskInfo> failed = tasks.list(filter(List.of(TaskState.FAILED), null, null, null, 0, 10)).items();
        List<BuildInfo> recent = builds.list(new BuildFilter(null, null, null, null, 0, 10)).items();
        return render("summary", v, "Summary", "summary", "counts", counts, "running", running, "hosts", hosts.list(),
                "failed", failed, "builds", recent, "now", clock.instant());
    }

    Rendered signIn(Visitor v, String error) {
        return render("signin", v, "Sign in", "signin", "error", error);
    }

    Rendered tasks(Visitor v, Function<String, String> q) {
        TaskQuery query = new TaskQuery(text(q, "state"), text(q, "method"), text(q, "owner"), text(q, "host"),
                offset(q));
        Page<TaskInfo> page = tasks.list(filter(states(query.state()), query.owner(), query.method(), query.host(),
                query.offset(), PAGE_SIZE));
        return render("tasks", v, "Tasks", "tasks", "page", page, "query", query, "states", TaskState.values());
    }

    Rendered task(Visitor v, long id) {
        TaskInfo t = tasks.get(id);
        TaskLog.Slice tail = log.tail(id, LOG_TAIL);
        long firstLine = tail.nextOffset() - tail.lines().size();
        Instant now = clock.instant();
        List<String> waiting = WaitReasons.of(t, t.state() == TaskState.FREE ? hosts.list() : List.of(), now);
        return render("task", v, "Task " + id, "tasks", "task", t, "actions", TaskActions.of(v.principal(), t),
                "waiting", waiting, "log", tail, "firstLine", firstLine, "now", now);
    }

    /** Cancel, resubmit or free: the service decides whether this visitor may (PERMISSION_DENIED is a 403). */
    Rendered taskAction(Visitor v, long id, String action) {
        switch (action) {
            case "cancel" -> tasks.cancel(v.principal(), id);
            case "free" -> tasks.free(v.principal(), id);
            case "resubmit" -> {
                return Rendered.redirect("/console/tasks/" + tasks.resubmit(v.principal(), id));
            }
            default -> throw new SlipwayException(ErrorCode.NOT_FOUND, "No task action '" + action + "'");
        }
        return Rendered.redirect("/console/tasks/" + id);
    }

    Rendered builds(Visitor v, Function<String, String> q) {
        BuildQuery query = new BuildQuery(text(q, "package"), text(q, "state"), text(q, "owner"), text(q, "target"),
                offset(q));
        BuildState state;
        try {
            state = query.state() == null ? null : BuildState.valueOf(query.state());
        } catch (IllegalArgumentException e) {
            throw new SlipwayException(ErrorCode.BAD_PARAMETER, "state must be one of "
                    + Arrays.toString(BuildState.values()));
        }
        Page<BuildInfo> page = builds.list(new BuildFilter(query.packageName(), state, query.owner(),
                query.target(), query.offset(), PAGE_SIZE));
        return render("builds", v, "Builds", "builds", "page", page, "query", query, "states", BuildState.values());
    }

    Rendered build(Visitor v, String idOrNvr) {
        BuildInfo b = builds.get(idOrNvr);
        List<ImageView> images = new ArrayList<>();
        for (ImageInfo i : b.images()) {
            images.add(new ImageView(i, i.pullSpecs().stream().filter(p -> p.contains("@sha256:")).toList(),
                    builds.rpms(i.id())));
        }
        return render("build", v, "Build " + b.nvr(), "builds", "build", b, "images", images);
    }

    Rendered error(Visitor v, int status, String message) {
        Rendered p = render("error", v, "Error " + status, "", "status", status, "message",
                message);
        return new Rendered(status, p.html(), null, null);
    }

    private Rendered render(String template, Visitor v, String title, String tab, Object... kv) {
        Map<String, Object> params = new LinkedHashMap<>(Rendered.params(kv));
        params.put("chrome", new Chrome(title, tab, v));
        return Rendered.ok(renderer.render(template, params));
    }

    private static TaskFilter filter(List<TaskState> states, String owner, String method, String host, int offset,
            int limit) {
        return new TaskFilter(states, owner, method, host, offset, limit);
    }

    /** {@code active} (FREE, ASSIGNED, OPEN), {@code all} or absent, or one state's name. */
    private static List<TaskState> states(String text) {
        if (text == null || text.equals("all")) {
            return List.of();
        }
        if (text.equals("active")) {
            return List.of(TaskState.FREE, TaskState.ASSIGNED, TaskState.OPEN);
        }
        try {
            return List.of(TaskState.valueOf(text));
        } catch (IllegalArgumentException e) {
            throw new SlipwayException(ErrorCode.BAD_PARAMETER, "state must be active, all or one of "
                    + Arrays.toString(TaskState.values()));
        }
    }

    private static String text(Function<String, String> q, String name) {
        String v = q.apply(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static int offset(Function<String, String> q) {
        String v = q.apply("offset");
        try {
            return v == null || v.isBlank() ? 0 : Math.min(1_000_000, Math.max(0, Integer.parseInt(v.trim())));
        } catch (NumberFormatException e) {
            throw new SlipwayException(ErrorCode.BAD_PARAMETER, "offset must be a number");
        }
    }
}
