package dev.slipway.hub.console;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.hub.admin.Directory;
import io.vertx.core.Handler;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mounts the console on the hub's router: pages under {@code /console}, kojiweb's link forms under {@code /koji},
 * static assets, and for all of them the security headers, the session and the CSRF check of every POST (each
 * action is then re-checked by the service it calls, with the API's rules). Rendered work (service calls,
 * rendering) runs on the hub's worker pool; the response is written on the event loop.
 */
public final class ConsoleRoutes {
    /** No inline script or style, nothing from elsewhere, never framed. */
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
            + " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleRoutes.class);
    private final Console console;
    private final ToIntFunction<ErrorCode> statuses;
    private final Pages pages;
    private final Sessions sessions;
    private final WorkerExecutor workers;

    /** What a page handler does off the event loop. */
    private interface View {
        Rendered render(RoutingContext ctx, Visitor v);
    }

    /**
     * @param statuses the API's HTTP status for each error code (the HTTP layer's one mapping), so a console page
     *     answers a refusal with the status the API would
     */
    public ConsoleRoutes(Console console, WorkerExecutor workers, ToIntFunction<ErrorCode> statuses) {
        this.console = console;
        this.statuses = statuses;
        this.pages = console.pages();
        this.sessions = console.sessions();
        this.workers = workers;
    }

    /** Adds the console's routes to {@code router}. */
    public void mount(Router router) {
        router.route().pathRegex("^/(console|koji)(/.*)?$").handler(this::headers);
        router.route("/console/*").handler(BodyHandler.create(false).setBodyLimit(64 * 1024));
        router.get("/console/assets/*").handler(StaticHandler.create("console/assets").setMaxAgeSeconds(300));
        // Also /console: Vert.x matches an exact path with or without its trailing slash.
        router.get("/console/").handler(get((ctx, v) -> pages.summary(v)));
        // Only the sign-in page hands out a pre-session cookie: an anonymous visitor has no other form, and a
        // live poll of another page must not replace the cookie the sign-in form's CSRF token is bound to.
        router.get("/console/signin").handler(ctx -> run(ctx, (c, v) -> pages.signIn(v, null), true));
        router.post("/console/signin").handler(post(false, this::signIn));
        router.post("/console/signout").handler(post(false, (ctx, v) -> Rendered.redirect("/console/").withCookie("")));
        router.get("/console/tasks").handler(get((ctx, v) -> pages.tasks(v, ctx.request()::getParam)));
        router.get("/console/tasks/:id").handler(get((ctx, v) -> pages.task(v, id(ctx.pathParam("id")))));
        router.post("/console/tasks/:id/:action").handler(post(true, (ctx, v) -> pages.taskAction(v,
                id(ctx.pathParam("id")), ctx.pathParam("action"), ctx.request()::getFormAttribute)));
        BuildPages builds = console.builds();
        router.get("/console/builds").handler(get((ctx, v) -> builds.builds(v, ctx.request()::getParam)));
        router.get("/console/builds/:build").handler(get((ctx, v) -> builds.build(v, ctx.pathParam("build"),
                ctx.request()::getParam)));
        CatalogPages catalog = console.catalog();
        router.get("/console/packages").handler(get((ctx, v) -> catalog.packages(v)));
        router.get("/console/packages/:name").handler(get((ctx, v) -> catalog.packageInfo(v, ctx.pathParam("name"),
                ctx.request()::getParam)));
        router.get("/console/search").handler(get((ctx, v) -> catalog.search(v, ctx.request()::getParam)));
        router.get("/console/targets").handler(get((ctx, v) -> catalog.targets(v)));
        router.get("/console/tags").handler(get((ctx, v) -> catalog.tags(v)));
        router.get("/console/tags/:name").handler(get((ctx, v) -> catalog.tag(v, ctx.pathParam("name"))));
        HostPages hosts = console.hosts();
        router.get("/console/hosts").handler(get((ctx, v) -> hosts.hosts(v)));
        router.get("/console/hosts/:name").handler(get((ctx, v) -> hosts.host(v, ctx.pathParam("name"))));
        router.post("/console/hosts/:name/:action").handler(post(true, (ctx, v) -> hosts.hostAction(v,
                ctx.pathParam("name"), ctx.pathParam("action"), ctx.request()::getFormAttribute)));
        AccountPages accounts = console.accounts();
        router.get("/console/users").handler(get((ctx, v) -> accounts.users(v)));
        router.post("/console/tokens").handler(post(true, (ctx, v) -> accounts.createToken(v,
                ctx.request()::getFormAttribute)));
        router.post("/console/tokens/:id/revoke").handler(post(true, (ctx, v) -> accounts.revoke(v,
                id(ctx.pathParam("id")))));
        // kojiweb's link forms, printed by koji clients: the same pages at their console addresses.
        router.get("/koji/taskinfo").handler(ctx -> ctx.redirect("/console/tasks/" + id(ctx.request()
                .getParam("taskID"))));
        router.get("/koji/buildinfo").handler(ctx -> ctx.redirect("/console/builds/" + id(ctx.request()
                .getParam("buildID"))));
        router.get("/koji/packageinfo").handler(ctx -> ctx.redirect("/console/packages/"
                + Fmt.q(packageName(ctx.request().getParam("packageName")))));
        for (var link : new Object[][] {{"hostinfo", "hostID", Directory.Kind.HOST},
                {"taginfo", "tagID", Directory.Kind.TAG}, {"userinfo", "userID", Directory.Kind.USER},
                {"buildtargetinfo", "targetID", Directory.Kind.TARGET},
                {"channelinfo", "channelID", Directory.Kind.CHANNEL}}) {
            router.get("/koji/" + link[0]).handler(get((ctx, v) -> Rendered.redirect(console.koji().location(
                    (Directory.Kind) link[2], id(ctx.request().getParam((String) link[1]))))));
        }
        // An exact route matches with or without its trailing slash (/koji and /koji/).
        router.get("/koji/").handler(ctx -> ctx.redirect("/console/"));
        router.route().pathRegex("^/(console|koji)(/.*)?$").failureHandler(this::failure);
    }

    private void headers(RoutingContext ctx) {
        ctx.response().putHeader("Content-Security-Policy", CSP).putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("X-Frame-Options", "DENY").putHeader("Referrer-Policy", "same-origin");
        ctx.next();
    }

    private Handler<RoutingContext> get(View view) {
        return ctx -> run(ctx, view, false);
    }

    /** A state-changing request: refused with 403 unless it carries this visitor's CSRF token. */
    private Handler<RoutingContext> post(boolean needsUser, View view) {
        return ctx -> run(ctx, (c, v) -> {
            if (!Sessions.csrfMatches(v, c.request().getFormAttribute("csrf"))) {
                throw new SlipwayException(ErrorCode.PERMISSION_DENIED,
                        "The form's CSRF token is missing or stale; reload the page and try again");
            }
            if (needsUser && !v.signedIn()) {
                throw new SlipwayException(ErrorCode.AUTH_REQUIRED, "Sign in to do this");
            }
            return view.render(c, v);
        }, false);
    }

    private Rendered signIn(RoutingContext ctx, Visitor v) {
        try {
            String cookie = sessions.signIn(ctx.request().getFormAttribute("token"));
            return Rendered.redirect("/console/").withCookie(cookie);
        } catch (SlipwayException e) {
            if (e.code() == ErrorCode.AUTH_INVALID_TOKEN || e.code() == ErrorCode.AUTH_REQUIRED
                    || e.code() == ErrorCode.HOST_TOKEN_NOT_ALLOWED) {
                Rendered p = pages.signIn(v, e.getMessage());
                return new Rendered(401, p.html(), null, null);
            }
            throw e;
        }
    }

    private void run(RoutingContext ctx, View view, boolean issuePreSession) {
        Cookie session = ctx.request().getCookie(Sessions.COOKIE);
        Cookie pre = ctx.request().getCookie(Sessions.PRE_COOKIE);
        String preValue = pre == null ? (issuePreSession ? sessions.preSession() : null) : pre.getValue();
        if (pre == null && preValue != null) {
            ctx.response().addCookie(cookie(ctx, Sessions.PRE_COOKIE, preValue, -1));
        }
        workers.executeBlocking(() -> view.render(ctx, sessions.visitor(session == null ? null : session.getValue(),
                preValue)), false).onComplete(r -> {
                    if (r.succeeded()) {
                        write(ctx, r.result());
                    } else {
                        ctx.fail(r.cause());
                    }
                });
    }

    private void write(RoutingContext ctx, Rendered page) {
        HttpServerResponse res = ctx.response();
        if (res.ended() || res.closed()) {
            return;
        }
        if (page.cookie() != null) {
            res.addCookie(cookie(ctx, Sessions.COOKIE, page.cookie(),
                    page.cookie().isEmpty() ? 0 : sessions.ttl().toSeconds()));
        }
        res.putHeader("Cache-Control", "no-store");
        if (page.location() != null) {
            res.setStatusCode(page.status()).putHeader("Location", page.location()).end();
        } else {
            res.setStatusCode(page.status()).putHeader("Content-Type", "text/html; charset=utf-8").end(page.html());
        }
    }

    private Cookie cookie(RoutingContext ctx, String name, String value, long maxAge) {
        var peer = ctx.request().remoteAddress();
        boolean secure = console.transport().secure(ctx.request().isSSL(), peer == null ? null : peer.hostAddress(),
                ctx.request().getHeader("X-Forwarded-Proto"));
        Cookie c = Cookie.cookie(name, value).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
                .setSecure(secure);
        if (maxAge >= 0) {
            c.setMaxAge(maxAge);
        }
        return c;
    }

    private void failure(RoutingContext ctx) {
        Throwable t = ctx.failure();
        if (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        int status;
        String message;
        if (t instanceof SlipwayException e) {
            status = statuses.applyAsInt(e.code());
            message = e.getMessage() + " (" + e.code().name() + ", " + e.code().code() + ")";
            if (status >= 500) {
                LOG.error("Console page {} failed: {}", ctx.request().path(), e.describe(), e);
            }
        } else if (t == null) {
            status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
            message = status == 404 ? "No such page" : "The request failed";
        } else {
            LOG.error("Console page {} failed", ctx.request().path(), t);
            status = 500;
            message = "The hub failed to render this page; its log says why";
        }
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        workers.executeBlocking(() -> {
            Cookie session = ctx.request().getCookie(Sessions.COOKIE);
            Cookie pre = ctx.request().getCookie(Sessions.PRE_COOKIE);
            return pages.error(sessions.visitor(session == null ? null : session.getValue(),
                    pre == null ? null : pre.getValue()), status, message);
        }, false).onComplete(r -> {
            if (!ctx.response().ended() && !ctx.response().closed()) {
                ctx.response().setStatusCode(status).putHeader("Content-Type", "text/html; charset=utf-8")
                        .end(r.succeeded() ? r.result().html() : message);
            }
        });
    }

    private static String packageName(String text) {
        if (text == null || text.isBlank()) {
            throw new SlipwayException(ErrorCode.BAD_PARAMETER, "packageName is required");
        }
        return text.trim();
    }

    private static long id(String text) {
        try {
            long id = Long.parseLong(text == null ? "" : text.trim().toLowerCase(Locale.ROOT));
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new SlipwayException(ErrorCode.BAD_PARAMETER, "An id must be a positive number, not '" + text + "'");
    }
}
