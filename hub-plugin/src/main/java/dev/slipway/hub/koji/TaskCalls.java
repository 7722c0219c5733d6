package dev.slipway.hub.koji;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.api.BuildContainerRequest;
import dev.slipway.common.api.BuildInfo;
import dev.slipway.common.api.BuildOpts;
import dev.slipway.common.api.ImageInfo;
import dev.slipway.common.api.TaskInfo;
import dev.slipway.common.api.TaskState;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.hub.admin.Directory.Kind;
import dev.slipway.hub.admin.Directory;
import dev.slipway.hub.build.BuildQueries;
import dev.slipway.hub.task.TaskFilter;
import dev.slipway.hub.task.TaskLog;
import dev.slipway.hub.task.TaskService;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The task methods: buildContainer, getTaskInfo, getTaskChildren, getTaskRequest, getTaskResult, listTasks,
 * cancelTask, resubmitTask, listTaskOutput and downloadTaskOutput, over {@link TaskService} and {@link TaskLog}.
 */
final class TaskCalls {
    /** The one output file of a task: its log. */
    static final String LOG_FILE = "task.log";
    /** The opts koji-containerbuild knows that this hub refuses (never ignores). */
    private static final Set<String> REFUSED_OPTS = Set.of("compose_ids", "signing_intent",
            "dependency_replacements", "operator_csv_modifications_url", "flatpak", "skip_build",
            "triggered_after_koji_task", "git_commit_depth", "remote_sources");
    private static final Set<String> OPTS = Set.of("git_branch", "scratch", "isolated", "release", "yum_repourls",
            "arch_override", "koji_parent_build", "userdata");
    /** How many tasks listTasks reads before sorting and paging them in memory. */
    static final int LIST_WINDOW = 1000;
    private static final int LOG_PAGE = 10_000;
    private final TaskService tasks;
    private final TaskLog log;
    private final BuildQueries builds;
    private final Directory dir;
    private final KojiMaps maps;
    private final ObjectMapper json;
    private final int defaultPriority;
    private final String channel;

    TaskCalls(TaskService tasks, TaskLog log, BuildQueries builds, Directory dir, KojiMaps maps, ObjectMapper json,
            int defaultPriority, String channel) {
        this.tasks = tasks;
        this.log = log;
        this.builds = builds;
        this.dir = dir;
        this.maps = maps;
        this.json = json;
        this.defaultPriority = defaultPriority;
        this.channel = channel;
    }

    /** buildContainer(src, target, opts=None, priority=None, channel='container'): the new task id. */
    Object buildContainer(Caller c, Args a) {
        String ch = a.text("channel");
        if (ch != null && !ch.equals(channel) && !ch.equals("container") && !ch.equals("container-binary")) {
            throw KojiFault.parameter("buildContainer: channel '" + ch + "' is not served; this hub builds"
                    + " containers in channel '" + channel + "' (container-binary is accepted as an alias)");
        }
        Map<String, Object> opts = a.struct("opts");
        for (String k : opts.keySet()) {
            if (REFUSED_OPTS.contains(k)) {
                throw KojiFault.parameter("buildContainer: opts." + k + " is not supported by this hub");
            }
            if (!OPTS.contains(k)) {
                throw KojiFault.parameter("buildContainer: unknown opts key '" + k + "'; supported: "
                        + OPTS.stream().sorted().toList());
            }
        }
        BuildOpts o;
        try {
            o = json.convertValue(opts, BuildOpts.class);
        } catch (IllegalArgumentException e) {
            throw KojiFault.parameter("buildContainer: opts do not have the right types: "
                    + e.getMessage().replaceAll("\\s+", " "));
        }
        Long rel = a.number("priority");
        Integer priority = rel == null ? null : Math.toIntExact(defaultPriority + rel);
        String src = required(a, "src");
        String target = required(a, "target");
        return tasks.buildContainer(c.principal(), new BuildContainerRequest(src, target, o, priority));
    }

    /** getTaskInfo(task_id, request=False, strict=False); a list of ids answers a list. */
    Object getTaskInfo(Caller c, Args a) {
        if (a.raw("task_id") instanceof List<?> ids) {
            List<Object> out = new ArrayList<>();
            for (Object id : ids) {
                if (!(id instanceof Integer || id instanceof Long)) {
                    throw KojiFault.parameter("getTaskInfo: task ids must be integers");
                }
                out.add(Lookups.orNone(a.flag("strict"), () -> maps.task(tasks.get(((Number) id).longValue()),
                        a.flag("request"))));
            }
            return out;
        }
        long id = a.requiredNumber("task_id");
        TaskInfo read = c.tasks().get(id);
        return Lookups.orNone(a.flag("strict"), () -> maps.task(read != null ? read : tasks.get(id),
                a.flag("request")));
    }

    /**
     * The tasks a multiCall's getTaskInfo calls name, read in one transaction (empty when one does not exist:
     * then each call reads its own and answers as koji would).
     */
    Map<Long, TaskInfo> prefetch(List<Long> ids) {
        try {
            Map<Long, TaskInfo> out = new HashMap<>();
            for (TaskInfo t : tasks.get(ids)) {
                out.put(t.id(), t);
            }
            return out;
        } catch (SlipwayException e) {
            return Map.of();
        }
    }

    /** getTaskChildren(task_id, request=False, strict=False): Slipway's tasks have no subtasks. */
    Object getTaskChildren(Caller c, Args a) {
        long id = a.requiredNumber("task_id");
        if (a.flag("strict")) {
            tasks.get(id);
        }
        return List.of();
    }

    /** getTaskRequest(taskId): [src, target, opts]. */
    Object getTaskRequest(Caller c, Args a) {
        return maps.request(tasks.get(a.requiredNumber("taskId")));
    }

    /**
     * getTaskResult(taskId, raise_fault=True): on CLOSED the koji-containerbuild result; on FAILED the stored
     * fault as a BuildError; CANCELED and unfinished tasks raise GenericError.
     */
    Object getTaskResult(Caller c, Args a) {
        TaskInfo t = tasks.get(a.requiredNumber("taskId"));
        if (t.state() == TaskState.FAILED && t.fault() != null) {
            if (!a.flag("raise_fault") && !a.isNull("raise_fault")) {
                return Map.of("faultCode", KojiError.BUILD.faultCode(), "faultString", Faults.taskFault(t.fault()));
            }
            throw new KojiFault(KojiError.BUILD, codeOf(t.fault().name()), t.fault().message());
        }
        if (t.state() == TaskState.CANCELED) {
            throw KojiFault.generic(ErrorCode.CANCELED, "Task " + t.id() + " is canceled");
        }
        if (t.state() != TaskState.CLOSED) {
            throw KojiFault.generic(ErrorCode.TASK_STATE_CONFLICT, "Task " + t.id() + " has not completed ("
                    + t.state() + ")");
        }
        return result(t);
    }

    private Map<String, Object> result(TaskInfo t) {
        Map<String, Object> out = new LinkedHashMap<>();
        JsonNode r = t.result() == null ? json.createObjectNode() : t.result();
        List<String> kojiBuilds = new ArrayList<>();
        r.path("koji_builds").forEach(b -> kojiBuilds.add(b.asText()));
        Set<String> repos = new LinkedHashSet<>();
        Map<String, Object> digests = new LinkedHashMap<>();
        if (t.buildId() != null && !kojiBuilds.isEmpty()) {
            BuildInfo b = builds.get(String.valueOf(t.buildId()));
            for (ImageInfo i : b.images()) {
                repos.addAll(i.pullSpecs());
                digests.put(i.arch(), i.digest());
            }
        } else {
            r.path("registries").forEach(p -> p.path("pull_specs").forEach(s -> repos.add(s.asText())));
            String digest = r.path("image").path("manifest_digest").asText(null);
            if (digest != null) {
                digests.put(r.path("arch").asText("noarch"), digest);
            }
        }
        out.put("koji_builds", kojiBuilds);
        out.put("repositories", KojiMaps.digestFirst(new ArrayList<>(repos)));
        out.put("digests", digests);
        out.put("nvr", r.path("nvr").asText(null));
        out.put("scratch", r.path("scratch").asBoolean(false));
        return out;
    }

    /** listTasks(opts=None, queryOpts=None). */
    Object listTasks(Caller c, Args a) {
        Map<String, Object> opts = new LinkedHashMap<>(a.struct("opts"));
        QueryOpts q = QueryOpts.of("listTasks", a.struct("queryOpts"));
        boolean decode = Lookups.truthy(opts.remove("decode"));
        List<TaskState> states = new ArrayList<>();
        Object st = opts.remove("state");
        if (st instanceof List<?> l) {
            for (Object s : l) {
                states.add(KojiMaps.taskState(Lookups.integer("listTasks", "state", s)));
            }
        } else if (st != null) {
            throw KojiFault.parameter("listTasks: opts.state must be a list of task states");
        }
        Object owner = opts.remove("owner");
        Object host = opts.remove("host_id");
        Object ch = opts.remove("channel_id");
        String method = (String) Lookups.typed("listTasks", "method", opts.remove("method"), String.class);
        boolean parentGiven = opts.containsKey("parent");
        Object parent = opts.remove("parent");
        if (!opts.isEmpty()) {
            throw KojiFault.parameter("listTasks: opts " + opts.keySet() + " are not supported by this hub;"
                    + " supported: decode, state, owner, host_id, channel_id, method, parent");
        }
        if (parentGiven && parent != null) {
            return q.countOnly() ? 0 : List.of();
        }
        String ownerName = owner == null ? null : Lookups.name(dir, Kind.USER, owner);
        String hostName = host == null ? null : Lookups.name(dir, Kind.HOST, host);
        String channelName = ch == null ? null : Lookups.name(dir, Kind.CHANNEL, ch);
        List<TaskInfo> found = new ArrayList<>(tasks.list(new TaskFilter(states, ownerName, method, hostName, 0,
                LIST_WINDOW)).items());
        if (channelName != null) {
            found.removeIf(t -> !channelName.equals(t.channel()));
        }
        if (q.countOnly()) {
            return found.size();
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (TaskInfo t : found) {
            rows.add(maps.listedTask(t, decode));
        }
        return q.apply(rows, "id");
    }

    /** cancelTask(task_id, recurse=True). */
    Object cancelTask(Caller c, Args a) {
        tasks.cancel(c.principal(), a.requiredNumber("task_id"));
        return null;
    }

    /** resubmitTask(taskID): the new task id. */
    Object resubmitTask(Caller c, Args a) {
        return tasks.resubmit(c.principal(), a.requiredNumber("taskID"));
    }

    /** listTaskOutput(taskID, stat=False, all_volumes=False, strict=False): the task's log. */
    Object listTaskOutput(Caller c, Args a) {
        long id = a.requiredNumber("taskID");
        byte[] text = logBytes(id);
        if (a.flag("stat")) {
            Map<String, Object> st = new LinkedHashMap<>();
            st.put("st_size", String.valueOf(text.length));
            TaskInfo t = tasks.get(id);
            Double mtime = KojiTime.ts(t.completed() != null ? t.completed() : t.started() != null ? t.started()
                    : t.created());
            st.put("st_mtime", mtime);
            st.put("st_atime", mtime);
            st.put("st_ctime", mtime);
            return Map.of(LOG_FILE, a.flag("all_volumes") ? Map.of("DEFAULT", st) : st);
        }
        return a.flag("all_volumes") ? Map.of(LOG_FILE, List.of("DEFAULT")) : List.of(LOG_FILE);
    }

    /** downloadTaskOutput(taskID, fileName, offset=0, size=-1, volume=None): bytes of the log. */
    Object downloadTaskOutput(Caller c, Args a) {
        long id = a.requiredNumber("taskID");
        String file = a.text("fileName");
        String volume = a.text("volume");
        if (!LOG_FILE.equals(file)) {
            throw KojiFault.generic(ErrorCode.NOT_FOUND, "Task " + id + " has no output file '" + file
                    + "'; its only file is " + LOG_FILE);
        }
        if (volume != null && !volume.equals("DEFAULT")) {
            throw KojiFault.parameter("downloadTaskOutput: only the DEFAULT volume exists");
        }
        long offset = a.number("offset") == null ? 0 : a.number("offset");
        long size = a.number("size") == null ? -1 : a.number("size");
        byte[] all = logBytes(id);
        if (offset < 0 || offset > all.length) {
            return new byte[0];
        }
        long end = size < 0 ? all.length : Math.min(all.length, offset + size);
        return Arrays.copyOfRange(all, (int) offset, (int) end);
    }

    /** The whole task log as UTF-8 bytes, one line per log line. */
    byte[] logBytes(long taskId) {
        StringBuilder sb = new StringBuilder();
        long offset = 0;
        while (true) {
            TaskLog.Slice s = log.read(taskId, offset, LOG_PAGE);
            s.lines().forEach(l -> sb.append(l).append('\n'));
            if (s.lines().size() < LOG_PAGE) {
                return sb.toString().getBytes(StandardCharsets.UTF_8);
            }
            offset = s.nextOffset();
        }
    }

    private static String required(Args a, String name) {
        String v = a.text(name);
        if (v == null) {
            throw KojiFault.parameter("buildContainer: " + name + " is required");
        }
        return v;
    }

    private static ErrorCode codeOf(String name) {
        try {
            return ErrorCode.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            return ErrorCode.INTERNAL;
        }
    }
}
