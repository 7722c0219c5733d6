package dev.slipway.hub.http;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.hub.auth.RequestSignatures;
import dev.slipway.hub.console.ConsoleRoutes;
import dev.slipway.release.signing.LookasideResolver;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;

/**
 * The hub's HTTP API. {@link #start()} holds the whole route table: every exported call, its Koji-style name, who
 * may call it, and the handler. Several instances share the port (one per event loop) and the services.
 */
public final class HubVerticle extends VerticleBase {
    private final HubServices services;
    private final HubSignals signals;
    private final WorkerExecutor workers;
    private int port;

    public HubVerticle(HubServices services, HubSignals signals, WorkerExecutor workers) {
        this.services = services;
        this.signals = signals;
        this.workers = workers;
    }

    @Override
    public Future<?> start() {
        var cfg = services.config();
        long recheck = cfg.tasks().recheckMs();
        Router router = Router.router(vertx);
        Api api = new Api(router, workers, services.auth(), services.json(),
                RequestSignatures.load(cfg.hmacSecrets(), Clock.systemUTC()));
        LogStream logs = new LogStream(workers, services.log(), signals.logs(), recheck);
        LongPolls polls = new LongPolls(workers, services.scheduler(), signals.claims(), signals.hosts(), recheck);
        TaskEndpoints t = new TaskEndpoints(services.tasks(), logs);
        BuildEndpoints b = new BuildEndpoints(services.builds(), workers, logs);
        AdminEndpoints a = new AdminEndpoints(services.catalog(), services.hosts(), services.accounts());
        HostEndpoints h = new HostEndpoints(services.hosts(), services.scheduler(), polls, services.log(),
                services.reservations(), services.completion(), cfg.tasks().maxClaimWaitMs());
        PublicationEndpoints p = new PublicationEndpoints(services.publications(), services.builds());
        BuildFiles files = new BuildFiles(services.builds(), workers);
        Access anyone = Access.ANONYMOUS;
        Access user = Access.USER;
        Access host = Access.HOST;

        router.get("/healthz").handler(this::health);
        router.get("/metrics").handler(this::metrics);
        if (cfg.lookasideDir() != null) {
            LookasideEndpoint sigs = new LookasideEndpoint(new LookasideResolver(cfg.lookasideDir()), workers, api);
            router.route(LookasideEndpoint.PREFIX + "*").handler(sigs::handle);
        }
        new ConsoleRoutes(services.console(), workers, ErrorMapping::status).mount(router);
        // koji's XML-RPC API over the same services (it reads and limits its own bodies).
        new KojiEndpoint(services.koji(), workers, cfg.http().bodyLimitBytes()).mount(router);
        router.route(Api.PREFIX + "/*").handler(BodyHandler.create(false).setBodyLimit(cfg.http().bodyLimitBytes()));

        api.get("/_listapi", "_listAPI", anyone, "List every exported call", c -> api.calls())
           .get("/whoami", "getLoggedInUser", user, "The caller's user record", a::whoami)
           // Tasks
           .post("/buildContainer", "buildContainer", user, "Queue a container build: {src, target, opts}",
                   t::buildContainer)
           .get("/tasks", "listTasks", anyone, "Tasks by state/owner/method/host, newest first", t::list)
           .get("/tasks/:id", "getTaskInfo", anyone, "One task", t::get)
           .post("/tasks/:id/cancel", "cancelTask", user, "Cancel (owner or admin)", t::cancel)
           .post("/tasks/:id/resubmit", "resubmitTask", user, "Queue a copy of a FAILED/CANCELED task", t::resubmit)
           .post("/tasks/:id/free", "freeTask", user, "Admin: return a held task to FREE", t::free)
           .post("/tasks/:id/priority", "setTaskPriority", user,
                   "Releng: change an unfinished task's priority {priority}", t::priority)
           .async(HttpMethod.GET, "/tasks/:id/log", "getTaskLog", anyone,
                   "Task log from ?offset=N (lines); &follow=true streams", t::log)
           // Builds
           .get("/builds", "listBuilds", anyone, "Builds by package/state/owner/target, newest first", b::list)
           .get("/builds/:build", "getBuild", anyone,
                   "A build by id or NVR with images, archives and publications", p::build)
           .async(HttpMethod.GET, "/builds/:build/log", "getBuildLog", anyone, "The build's task log", b::log)
           .get("/builds/:build/files", "listBuildFiles", anyone,
                   "Files of the build's mirror directory (metadata, RPM manifest, SBOMs, provenance): [{path, size}]",
                   files::list)
           .async(HttpMethod.GET, "/builds/:build/file", "getBuildFile", anyone,
                   "One of those files: ?path=sbom/x.json", files::file)
           .get("/images/:id/rpms", "listImageRPMs", anyone, "Components of one image", b::rpms)
           .get("/packages/:name/images", "listImagesContaining", anyone,
                   "Images containing a package, ?older-than=[E:]V-R", b::imagesContaining)
           // Publications (where promoted builds went)
           .post("/publications", "recordPublication", user,
                   "Releng: record one promotion audit line; idempotent on (destination, digest)", p::record)
           .get("/publications", "listPublications", anyone, "Publications of ?digest=sha256:<hex>", p::list)
           // Admin
           .get("/targets", "getBuildTargets", anyone, "Build targets", a::targets)
           .post("/targets", "createBuildTarget", user, "Releng: add a target", a::createTarget)
           .patch("/targets/:name", "editBuildTarget", user, "Releng: change a target's tags", a::updateTarget)
           .get("/tags", "listTags", anyone, "Tags", a::tags)
           .post("/tags", "createTag", user, "Releng: add a tag", a::createTag)
           .patch("/tags/:name", "editTag", user, "Releng: arches, lock (unlock: admin)", a::updateTag)
           .get("/tags/:name/packages", "listPackages", anyone, "A tag's package list", a::packages)
           .put("/tags/:name/packages/:package", "packageListAdd", user,
                   "Releng: add or change a package (owner, blocked, allowed_groups)", a::setPackage)
           .get("/channels", "listChannels", anyone, "Channels", a::channels)
           .post("/channels", "createChannel", user, "Admin: add a channel", a::createChannel)
           .get("/hosts", "listHosts", anyone, "Hosts with load and readiness", a::hosts)
           .get("/hosts/:name", "getHost", anyone, "One host", a::host)
           .post("/hosts", "addHost", user, "Admin: add a host", a::createHost)
           .patch("/hosts/:name", "editHost", user, "Admin: enable/disable, capacity, arches, channels", a::updateHost)
           .get("/users", "listUsers", anyone, "Users with roles and groups", a::users)
           .get("/users/:name", "getUser", anyone, "One user", a::user)
           .post("/users", "createUser", user, "Admin: add a user", a::createUser)
           .patch("/users/:name", "editUser", user, "Admin: replace a user's roles", a::updateUser)
           .get("/groups", "listGroups", anyone, "Groups with members", a::groups)
           .put("/groups/:name", "putGroup", user, "Admin: create a group or replace its members", a::putGroup)
           .get("/roles", "listRoles", anyone, "The roles", a::roles)
           .get("/tokens", "listTokens", user, "Admin: tokens (never secrets)", a::tokens)
           .post("/tokens", "createToken", user, "Admin: a token for a user or host", a::createToken)
           .delete("/tokens/:id", "revokeToken", user, "Admin: revoke a token", a::revokeToken)
           // Host API (host tokens only)
           .post("/host/register", "host.updateHost", host, "Report arches, channels, capacity, ready", h::register)
           .async(HttpMethod.POST, "/host/claim", "host.claim", host, "Long-poll for a task: {wait_ms}", h::claim)
           .async(HttpMethod.POST, "/host/heartbeat", "host.heartbeat", host,
                   "Renew leases: {tasks, ready, wait_ms}; answers continue/cancel/lost", h::heartbeat)
           .get("/host/tasks", "host.getHostTasks", host, "Tasks this host holds", h::held)
           .post("/host/tasks/:id/open", "host.openTask", host, "ASSIGNED -> OPEN", h::open)
           .post("/host/tasks/:id/free", "host.freeTask", host, "Give a held task back", h::release)
           .post("/host/tasks/:id/fence", "host.checkLease", host,
                   "Before publishing: is the Slipway-Lease-Epoch header still this task's lease?", h::fence)
           .post("/host/tasks/:id/log", "host.appendLog", host, "Append {lines}", h::appendLog)
           .get("/host/tasks/:id/nextRelease", "host.getNextRelease", host, "?name=&version=", h::nextRelease)
           .post("/host/tasks/:id/reserve", "host.CGInitBuild", host, "Reserve {name, version, release}",
                   h::reserve)
           .post("/host/tasks/:id/refund", "host.CGRefundBuild", host, "Refund {build_id, state}", h::refund)
           .post("/host/tasks/:id/close", "host.closeTask", host, "Close with {result, metadata, mirror}",
                   h::close)
           .post("/host/tasks/:id/fail", "host.failTask", host, "Fail with {fault, result}", h::fail);

        router.errorHandler(404, ctx -> error(api, ctx, ErrorCode.NOT_FOUND,
                "No call at " + ctx.request().method() + " " + ctx.request().path() + "; see GET /api/v1/_listapi"));
        router.errorHandler(405, ctx -> error(api, ctx, ErrorCode.METHOD_NOT_ALLOWED,
                ctx.request().method() + " is not allowed on " + ctx.request().path()));
        router.errorHandler(413, ctx -> error(api, ctx, ErrorCode.REQUEST_TOO_LARGE,
                "The request body exceeds " + cfg.http().bodyLimitBytes() + " bytes"));
        router.errorHandler(400, ctx -> error(api, ctx, ErrorCode.REQUEST_MALFORMED, "The request is malformed"));
        router.errorHandler(500, ctx -> api.fail(ctx, ctx.failure() == null ? new IllegalStateException("500")
                : ctx.failure(), ctx.request().path()));

        return vertx.createHttpServer(Listener.options(cfg.listen()))
                .requestHandler(router).listen().onSuccess(s -> port = s.actualPort());
    }

    /** The port actually bound (after start). */
    public int port() {
        return port;
    }

    private void error(Api api, RoutingContext ctx, ErrorCode code, String message) {
        api.fail(ctx, new SlipwayException(code, message), ctx.request().path());
    }

    private void health(RoutingContext ctx) {
        workers.executeBlocking(() -> services.databaseUp().get(), false).onComplete(r -> {
            boolean up = r.succeeded() && Boolean.TRUE.equals(r.result());
            ctx.response().setStatusCode(up ? 200 : 503).putHeader("Content-Type", "application/json")
                    .end(up ? "{\"status\":\"ok\"}" : "{\"status\":\"database unavailable\"}");
        });
    }

    private void metrics(RoutingContext ctx) {
        workers.executeBlocking(() -> {
            services.queueCounts().run();
            return services.metrics().scrape();
        }, false).onComplete(r -> {
            if (r.succeeded()) {
                ctx.response().putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8").end(r.result());
            } else {
                ctx.response().setStatusCode(503).end();
            }
        });
    }
}
