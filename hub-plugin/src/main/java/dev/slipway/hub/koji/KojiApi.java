package dev.slipway.hub.koji;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.api.TaskInfo;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.hub.admin.Accounts;
import dev.slipway.hub.admin.Catalog;
import dev.slipway.hub.admin.Directory;
import dev.slipway.hub.admin.Hosts;
import dev.slipway.hub.auth.Authenticator;
import dev.slipway.hub.auth.Principal;
import dev.slipway.hub.auth.Sessions;
import dev.slipway.hub.build.BuildQueries;
import dev.slipway.hub.koji.KojiMethod.Login;
import dev.slipway.hub.task.TaskLog;
import dev.slipway.hub.task.TaskService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * koji's hub API over Slipway's services: the method table, authentication of each request (a koji session or
 * a bearer token), dispatch with koji's argument binding, {@code multiCall}, introspection, and faults. Every
 * answer is an XML-RPC document; nothing escapes as an HTTP error. Blocking: call it off the event loop.
 */
public final class KojiApi {
    /** The koji version this hub answers like (the client adapts some calls to it). */
    public static final String KOJI_VERSION = "1.35.3";
    /** How deeply XML-RPC values may nest. */
    static final int MAX_DEPTH = 32;
    private static final int MAX_MULTICALL = 1000;
    /** Methods that change nothing (a multiCall of only these may read its tasks up front). */
    private static final Set<String> READS = Set.of("getAPIVersion", "getKojiVersion",
            "getLoggedInUser", "getLastEvent", "getTaskInfo", "getTaskChildren", "getTaskRequest", "getTaskResult",
            "listTasks", "listTaskOutput", "getBuild", "listBuilds", "getMavenBuild", "getWinBuild", "listArchives",
            "listRPMs", "listBuildroots", "listTags", "getBuildTarget", "listBuildTargets", "getTag", "listPackages",
            "getHost", "listHosts", "getChannel", "listChannels", "getUser");
    private final Map<String, KojiMethod> methods = new LinkedHashMap<>();
    private final XmlRpcReader reader;
    private final Sessions sessions;
    private final Authenticator auth;
    private final Clock clock;
    private final TaskCalls tasks;

    /** The credentials a request carried: session id, key and call number, or a bearer token header. */
    public record Credentials(String sessionId, String sessionKey, String callnum, String authorization) {
        static final Credentials NONE = new Credentials(null, null, null, null);
    }

    /** The services the methods call (the same ones the JSON API calls). */
    public record Services(TaskService tasks, TaskLog log, BuildQueries builds, Catalog catalog, Hosts hosts,
            Accounts accounts, Directory directory, Authenticator auth, Sessions sessions, ObjectMapper json,
            Clock clock, int defaultPriority, String channel) {
    }

    /** @param maxBytes the largest request accepted */
    public KojiApi(Services s, long maxBytes) {
        this.reader = new XmlRpcReader(maxBytes, MAX_DEPTH);
        this.sessions = s.sessions();
        this.auth = s.auth();
        this.clock = s.clock();
        KojiMaps maps = new KojiMaps(KojiIds.of(s.directory()), s.json());
        TaskCalls t = this.tasks = new TaskCalls(s.tasks(), s.log(), s.builds(), s.directory(), maps, s.json(),
                s.defaultPriority(), s.channel());
        BuildCalls b = new BuildCalls(s.builds(), s.tasks(), s.catalog(), s.directory(), maps);
        CatalogCalls c = new CatalogCalls(s.catalog(), s.hosts(), s.accounts(), s.directory(), maps);
        Login anyone = Login.ANYONE;
        Login user = Login.USER;
        // Sessions and versions
        add(anyone, "The API version (1)", (x, a) -> 1, "getAPIVersion");
        add(anyone, "The koji version this hub answers like", (x, a) -> KOJI_VERSION, "getKojiVersion");
        add(anyone, "Open a session: the password is one of the user's API tokens", this::login,
                "login", "username", "password", "opts=");
        add(anyone, "Client certificates: not served (use login with an API token)", this::sslLogin,
                "sslLogin", "proxyuser=", "proxyauthtype=");
        add(anyone, "End the caller's session", this::logout, "logout", "session_id=");
        add(anyone, "The logged-in user, or None", c::getLoggedInUser, "getLoggedInUser");
        add(anyone, "The latest event: {id, ts}", this::lastEvent, "getLastEvent", "before=", "strict=False");
        // Tasks
        add(user, "Queue a container build (koji-containerbuild); priority is relative to 20", t::buildContainer,
                "buildContainer", "src", "target", "opts=", "priority=", "channel=container");
        add(anyone, "One task (or a list of tasks)", t::getTaskInfo, "getTaskInfo", "task_id", "request=False",
                "strict=False");
        add(anyone, "A task's subtasks (Slipway tasks have none)", t::getTaskChildren, "getTaskChildren",
                "task_id", "request=False", "strict=False");
        add(anyone, "A task's decoded parameters [src, target, opts]", t::getTaskRequest, "getTaskRequest",
                "taskId");
        add(anyone, "A finished task's result; a failed task raises its fault", t::getTaskResult, "getTaskResult",
                "taskId", "raise_fault=True");
        add(anyone, "Tasks by state, owner, host, channel, method", t::listTasks, "listTasks", "opts=",
                "queryOpts=");
        add(user, "Cancel a task (owner or admin)", t::cancelTask, "cancelTask", "task_id", "recurse=True");
        add(user, "Queue a copy of a FAILED or CANCELED task", t::resubmitTask, "resubmitTask", "taskID");
        add(anyone, "A task's output files (its log)", t::listTaskOutput, "listTaskOutput", "taskID",
                "stat=False", "all_volumes=False", "strict=False");
        add(anyone, "Bytes of a task's output file", t::downloadTaskOutput, "downloadTaskOutput", "taskID",
                "fileName", "offset=0", "size=-1", "volume=");
        // Builds
        add(anyone, "A build by id or NVR", b::getBuild, "getBuild", "buildInfo", "strict=False");
        add(anyone, "Builds by package, owner, task, state", b::listBuilds, "listBuilds", "packageID=",
                "userID=", "taskID=", "prefix=", "state=", "volumeID=", "source=", "createdBefore=",
                "createdAfter=", "completeBefore=", "completeAfter=", "type=", "typeInfo=", "queryOpts=",
                "pattern=", "cgID=", "draft=");
        add(anyone, "Maven build info: always None", b::none, "getMavenBuild", "buildInfo", "strict=False");
        add(anyone, "Windows build info: always None", b::none, "getWinBuild", "buildInfo", "strict=False");
        add(anyone, "A build's image archives", b::listArchives, "listArchives", "buildID=", "buildrootID=",
                "componentBuildrootID=", "hostID=", "type=", "filename=", "size=", "checksum=",
                "checksum_type=", "typeInfo=", "queryOpts=", "imageID=", "archiveID=", "strict=False");
        add(anyone, "An image's RPMs (imageID=)", b::listRPMs, "listRPMs", "buildID=", "buildrootID=",
                "imageID=", "componentBuildrootID=", "hostID=", "arches=", "queryOpts=", "draft=");
        add(anyone, "Buildroots (Slipway keeps none)", b::listBuildroots, "listBuildroots", "hostID=", "tagID=",
                "state=", "rpmID=", "archiveID=", "taskID=", "buildrootID=", "repoID=", "queryOpts=");
        add(anyone, "Tags, or the tags of a build or package", b::listTags, "listTags", "build=", "package=",
                "perms=True", "queryOpts=", "pattern=");
        // Catalog
        add(anyone, "A build target by id or name", c::getBuildTarget, "getBuildTarget", "info", "event=",
                "strict=False");
        add(anyone, "Build targets", c::listBuildTargets, "listBuildTargets", "info=", "event=", "buildTagID=",
                "destTagID=", "queryOpts=");
        add(anyone, "A tag by id or name", c::getTag, "getTag", "tagInfo", "strict=False", "event=",
                "blocked=False");
        add(anyone, "Package list entries", c::listPackages, "listPackages", "tagID=", "userID=", "pkgID=",
                "prefix=", "inherited=False", "with_dups=False", "event=", "queryOpts=", "with_owners=True",
                "with_blocked=True");
        add(anyone, "A build host by id or name", c::getHost, "getHost", "hostInfo", "strict=False", "event=");
        add(anyone, "Build hosts", c::listHosts, "listHosts", "arches=", "channelID=", "ready=", "enabled=",
                "userID=", "queryOpts=");
        add(anyone, "A channel by id or name", c::getChannel, "getChannel", "channelInfo", "strict=False");
        add(anyone, "Channels", c::listChannels, "listChannels", "hostID=", "event=", "enabled=");
        add(anyone, "A user by id or name (the caller when omitted)", c::getUser, "getUser", "userInfo=",
                "strict=False", "krb_princs=True", "groups=False");
        // Introspection and batching
        add(anyone, "Several calls in one request; each answers [result] or a fault struct", (x, a) -> {
            throw new IllegalStateException("multiCall is dispatched before the table");
        }, "multiCall", "calls=", "strict=False");
        add(anyone, "The exported methods with their arguments", (x, a) -> listApi(), "_listapi");
        add(anyone, "The exported method names", (x, a) -> new ArrayList<>(methods.keySet()), "system.listMethods");
        add(anyone, "A method's description", this::methodHelp, "system.methodHelp", "method");
    }

    /** Answers one request body as an XML-RPC document (a result or a fault). Blocks. */
    public String answer(byte[] body, Credentials creds) {
        String method = "the request";
        try {
            XmlRpcReader.Call call = reader.call(body);
            method = call.method();
            Caller caller = authenticate(creds == null ? Credentials.NONE : creds);
            return XmlRpcWriter.response(dispatch(caller, call.method(), call.params(), false));
        } catch (Throwable e) {
            return fault(e, method);
        }
    }

    /** The fault document for a failure. */
    public static String fault(Throwable e, String method) {
        KojiFault f = Faults.of(e, method);
        return XmlRpcWriter.fault(f.kojiError().faultCode(), f.faultString());
    }

    /** The exported method names, in table order. */
    public List<String> methodNames() {
        return new ArrayList<>(methods.keySet());
    }

    private Object dispatch(Caller caller, String name, List<Object> params, boolean nested) {
        if (name.equals("multiCall") || name.equals("system.multicall")) {
            if (nested) {
                throw KojiFault.generic(ErrorCode.BAD_PARAMETER, "multiCall cannot be nested");
            }
            return multiCall(caller, name, params);
        }
        KojiMethod m = methods.get(name);
        if (m == null) {
            throw KojiFault.generic(ErrorCode.NOT_FOUND, "Invalid method: " + name);
        }
        Args args = m.signature().bind(params);
        m.login().check(caller.principal());
        return m.handler().call(caller, args);
    }

    private Object multiCall(Caller caller, String name, List<Object> params) {
        Args a = name.equals("multiCall") ? methods.get("multiCall").signature().bind(params)
                : Signature.of(name, "calls").bind(params);
        List<Object> calls = a.list("calls");
        if (calls == null) {
            return List.of();
        }
        if (calls.size() > MAX_MULTICALL) {
            throw KojiFault.parameter(name + ": at most " + MAX_MULTICALL + " calls per request");
        }
        boolean strict = name.equals("multiCall") && a.flag("strict");
        caller = caller.withTasks(prefetch(calls));
        List<Object> out = new ArrayList<>(calls.size());
        for (Object o : calls) {
            String inner = "multiCall";
            try {
                if (!(o instanceof Map<?, ?> call) || !(call.get("methodName") instanceof String method)) {
                    throw KojiFault.parameter(name + ": each call is a struct with methodName and params");
                }
                inner = method;
                Object p = call.get("params");
                if (p != null && !(p instanceof List<?>)) {
                    throw KojiFault.parameter(name + ": params of " + method + " must be an array");
                }
                @SuppressWarnings("unchecked")
                List<Object> ps = p == null ? List.of() : (List<Object>) p;
                List<Object> one = new ArrayList<>(1);
                one.add(dispatch(caller, method, ps, true));
                out.add(one);
            } catch (Throwable e) {
                KojiFault f = Faults.of(e, inner);
                if (strict) {
                    throw f;
                }
                Map<String, Object> fault = new LinkedHashMap<>();
                fault.put("faultCode", f.kojiError().faultCode());
                fault.put("faultString", f.faultString());
                out.add(fault);
            }
        }
        return out;
    }

    /**
     * A multiCall of reads only (koji's watchers batch getTaskInfo this way) reads the tasks it names in one
     * transaction up front; one with any call that changes something runs each call against fresh state.
     */
    private Map<Long, TaskInfo> prefetch(List<Object> calls) {
        List<Long> ids = new ArrayList<>();
        for (Object o : calls) {
            if (!(o instanceof Map<?, ?> call) || !(call.get("methodName") instanceof String m)
                    || !READS.contains(m)) {
                return Map.of();
            }
            if (m.equals("getTaskInfo") && call.get("params") instanceof List<?> p && !p.isEmpty()
                    && (p.get(0) instanceof Integer || p.get(0) instanceof Long)) {
                ids.add(((Number) p.get(0)).longValue());
            }
        }
        return ids.size() < 2 ? Map.of() : tasks.prefetch(ids);
    }

    private Caller authenticate(Credentials c) {
        if (c.sessionId() != null) {
            long id;
            Long callnum = null;
            try {
                id = Long.parseLong(c.sessionId().trim());
            } catch (NumberFormatException e) {
                throw new KojiFault(KojiError.AUTH, ErrorCode.AUTH_INVALID_TOKEN, "Invalid session id");
            }
            if (c.callnum() != null && !c.callnum().isBlank()) {
                try {
                    callnum = Long.parseLong(c.callnum().trim());
                } catch (NumberFormatException e) {
                    throw KojiFault.parameter("Invalid call number '" + c.callnum() + "'");
                }
            }
            Sessions.Current s = sessions.check(id, c.sessionKey(), callnum);
            return new Caller(s.principal(), s);
        }
        if (c.authorization() != null && !c.authorization().isEmpty()) {
            try {
                return new Caller(auth.authenticate(c.authorization()), null);
            } catch (SlipwayException e) {
                throw new KojiFault(KojiError.AUTH, e.code(), e.getMessage());
            }
        }
        return Caller.ANONYMOUS;
    }

    private Object login(Caller c, Args a) {
        if (!a.struct("opts").isEmpty()) {
            throw KojiFault.parameter("login: opts are not supported by this hub");
        }
        Sessions.Opened s = sessions.login(a.text("username"), a.text("password"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("session-id", s.id());
        out.put("session-key", s.key());
        out.put("header-auth", true);
        return out;
    }

    private Object sslLogin(Caller c, Args a) {
        throw new KojiFault(KojiError.AUTH, ErrorCode.AUTH_REQUIRED, "sslLogin (client certificates) is not"
                + " served by this hub; log in with login(user, api_token) (koji --user U --password TOKEN)");
    }

    private Object logout(Caller c, Args a) {
        Long other = a.number("session_id");
        if (c.session() == null) {
            if (other != null) {
                throw new KojiFault(KojiError.ACTION_NOT_ALLOWED, ErrorCode.PERMISSION_DENIED,
                        "Only the session itself may log it out");
            }
            return null;
        }
        if (other != null && other != c.session().id()) {
            throw new KojiFault(KojiError.ACTION_NOT_ALLOWED, ErrorCode.PERMISSION_DENIED,
                    "Only the session itself may log it out");
        }
        sessions.logout(c.session().id());
        return null;
    }

    private Object lastEvent(Caller c, Args a) {
        a.unsupported("before");
        Map<String, Object> out = new LinkedHashMap<>();
        Instant now = clock.instant();
        out.put("id", now.getEpochSecond());
        out.put("ts", KojiTime.ts(now));
        return out;
    }

    private Object methodHelp(Caller c, Args a) {
        KojiMethod m = methods.get(a.text("method"));
        if (m == null) {
            throw KojiFault.generic(ErrorCode.NOT_FOUND, "Invalid method: " + a.text("method"));
        }
        return m.name() + m.signature().argdesc() + ": " + m.doc();
    }

    private List<Object> listApi() {
        List<Object> out = new ArrayList<>();
        for (KojiMethod m : methods.values()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("name", m.name());
            d.put("doc", m.doc() + (m.login() == Login.USER ? " (needs a login)" : ""));
            d.put("argspec", m.signature().argspec());
            d.put("argdesc", m.signature().argdesc());
            d.put("args", m.signature().args());
            out.add(d);
        }
        return out;
    }

    private void add(Login login, String doc, KojiMethod.Handler h, String name, String... params) {
        methods.put(name, new KojiMethod(Signature.of(name, params), login, doc, h));
    }

    /** The one output file of a task, as listTaskOutput names it and the topurl layout serves it. */
    public static final String LOG_FILE = TaskCalls.LOG_FILE;

    /** The fault document for a request of {@code size} bytes over the limit. */
    public static String tooLarge(long size, long max) {
        return fault(new KojiFault(KojiError.PARAMETER, ErrorCode.REQUEST_TOO_LARGE, "The XML-RPC request has "
                + size + " bytes; the limit is " + max), "the request");
    }

    /** A task's log as served under the topurl layout. Blocks. */
    public byte[] taskLog(long taskId) {
        return tasks.logBytes(taskId);
    }

    /** Exposed for tests: the principal a request's credentials resolve to. */
    Principal principalOf(Credentials c) {
        return authenticate(c).principal();
    }
}
