package dev.slipway.hub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.common.api.Admin;
import dev.slipway.common.content.RpmVersion;
import dev.slipway.common.hub.Answer;
import dev.slipway.common.hub.HubClient;
import dev.slipway.common.json.Json;
import dev.slipway.hub.Hub;
import dev.slipway.hub.bench.LoadGenerator.Request;
import dev.slipway.hub.bench.LoadGenerator.Stats;
import dev.slipway.hub.config.HubConfig;
import dev.slipway.hub.fixture.HubFixture;
import dev.slipway.hub.fixture.PostgresServer;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * Renders every console page over HTTP against a hub holding a busy farm's history (10,000 tasks, 10,000 builds,
 * 500,000 RPM component rows; see {@link ConsoleSeed}) and prints p50/p95 per page beside the goal: p95 <= 50 ms
 * per page, <= 100 ms for the search "images containing X older than V-R". One client asks page after page, so
 * the figures are render times rather than queueing. Then the live log: from the hub taking a line to that line in
 * a real browser's page ({@link LiveLogLatency}, goal 1 s). H2 and PostgreSQL; run by scripts/bench-console.sh.
 */
public final class ConsoleBenchmark {
    static final double PAGE_GOAL_MS = 50;
    static final double SEARCH_GOAL_MS = 100;
    static final String SEARCH_OLDER_THAN = "3.0.6-2";
    private final PrintStream out;
    private final ConsoleSeed.Sizes sizes;
    private final int requests;

    /** One page's figures; {@code served} is false when this hub has no such page (yet). */
    record PageResult(String page, boolean served, Stats stats, double goalMs) {
        boolean met() {
            return !served || stats.p95() <= goalMs;
        }
    }

    /** A page and the addresses it is asked at (varied per request: ids, filters, offsets). */
    private record Page(String name, double goalMs, IntFunction<String> uri) {
    }

    ConsoleBenchmark(PrintStream out, ConsoleSeed.Sizes sizes, int requests) {
        this.out = out;
        this.sizes = sizes;
        this.requests = requests;
    }

    public static void main(String[] args) throws Exception {
        String which = args.length == 0 ? "both" : args[0];
        // -Dbench.size=tiny: a quick look (e.g. with Hibernate's statement counts logged), not the goal's farm.
        ConsoleSeed.Sizes sizes = "tiny".equals(System.getProperty("bench.size")) ? ConsoleSeed.Sizes.tiny()
                : ConsoleSeed.Sizes.full();
        ConsoleBenchmark bench = new ConsoleBenchmark(System.out, sizes,
                Integer.getInteger("bench.requests", 200));
        boolean met = true;
        if (!which.equals("postgresql")) {
            met &= bench.run("h2", (PostgresServer) null).stream().allMatch(PageResult::met);
        }
        if (!which.equals("h2")) {
            try (PostgresServer pg = PostgresServer.start()) {
                met &= bench.run("postgresql", pg).stream().allMatch(PageResult::met);
            }
        }
        System.out.println(met ? "every served page met its goal" : "some pages did NOT meet their goal");
        System.exit(0);
    }

    /** Seeds a fresh hub on H2 ({@code pg} null) or on a new database of {@code pg}, then measures every page. */
    List<PageResult> run(String name, PostgresServer pg) throws Exception {
        return run(name, pg == null ? new HubConfig.Database(null, null, null, 16)
                : new HubConfig.Database(pg.newDatabase(), "postgres", "", 16));
    }

    /** Seeds a fresh hub on {@code db} (no URL: H2 in a temp directory), then measures every page. */
    List<PageResult> run(String name, HubConfig.Database db) throws Exception {
        Path dir = Files.createTempDirectory("slipway-console-bench-");
        HubConfig config = new HubConfig(new HubConfig.Listen("127.0.0.1", 0), dir, db, List.of(HubFixture.SCM),
                null, null, List.of());
        try (Hub hub = Hub.start(config); LoadGenerator load = new LoadGenerator("127.0.0.1", hub.port())) {
            long t0 = System.nanoTime();
            ConsoleSeed.Ids ids = seedApi(hub);
            new ConsoleSeed(sizes).fill(db.jdbcUrl(dir), db.user(), db.password(), ids);
            long rpms = count(db.jdbcUrl(dir), db.user(), db.password(), "image_components");
            check(hub);
            out.printf("%-10s seeded %,d tasks, %,d builds, %,d RPM component rows in %.0f s%n", name, sizes.tasks(),
                    sizes.builds(), rpms, (System.nanoTime() - t0) / 1e9);
            List<PageResult> results = new ArrayList<>();
            // -Dbench.pages=summary,task: only the pages whose names start with one of these (a quick re-measure).
            List<String> only = List.of(System.getProperty("bench.pages", "").split(",")).stream()
                    .filter(w -> !w.isBlank()).toList();
            for (Page p : pages()) {
                if (only.isEmpty() || only.stream().anyMatch(p.name()::startsWith)) {
                    results.add(measure(load, name, p));
                }
            }
            if (only.isEmpty() || only.contains("live")) {
                results.add(new LiveLogLatency(out, Integer.getInteger("bench.loglines", 30)).measure(hub, name,
                        db.jdbcUrl(dir), db.user(), db.password()));
            }
            return results;
        }
    }

    private PageResult measure(LoadGenerator load, String db, Page p) throws Exception {
        Stats probe = probe(load, p.uri().apply(0));
        if (probe == null) {
            out.printf("%-10s %-44s not served by this hub (404)%n", db, p.name());
            return new PageResult(p.name(), false, null, p.goalMs());
        }
        Random random = new Random(7);
        IntFunction<Request> next = i -> Request.get(p.uri().apply(random.nextInt(1_000_000)));
        load.run(1, Math.max(5, requests / 10), null, next, 200, b -> { });
        Stats s = load.run(1, requests, null, next, 200, b -> { });
        PageResult r = new PageResult(p.name(), true, s, p.goalMs());
        out.printf("%-10s %-44s p50 %6.1f ms  p95 %6.1f ms   goal p95 <= %3.0f ms: %s%n", db, p.name(), s.p50(),
                s.p95(), p.goalMs(), r.met() ? "met" : "NOT met");
        return r;
    }

    /** The pages measured show what was seeded: a build page lists its RPMs, the search finds old images. */
    private void check(Hub hub) {
        HubClient http = new HubClient(URI.create("http://127.0.0.1:" + hub.port()), null, Json.mapper());
        Answer build = http.exchange("GET", "/console/builds/" + ConsoleSeed.FIRST_ID, null);
        if (build.status() != 200 || !build.body().contains(ConsoleSeed.COMMON_RPM)) {
            throw new IllegalStateException("The build page does not list the seeded RPMs: " + build.status());
        }
        JsonNode found = call(http, "GET", "/api/v1/packages/" + ConsoleSeed.COMMON_RPM + "/images?older-than="
                + SEARCH_OLDER_THAN, null);
        // Exactly the seeded COMPLETE builds whose package is below the version, newest first (the API's 1,000).
        List<Long> expected = new ArrayList<>();
        String[] vr = SEARCH_OLDER_THAN.split("-");
        for (int i = sizes.builds() - 1; i >= 0 && expected.size() < 1_000; i--) {
            boolean complete = i >= sizes.tasks() || "CLOSED".equals(ConsoleSeed.stateOf(i));
            if (complete && RpmVersion.compareEvr(null, ConsoleSeed.commonRpmVersion(i),
                    ConsoleSeed.commonRpmRelease(i), null, vr[0], vr[1]) < 0) {
                expected.add(ConsoleSeed.FIRST_ID + i);
            }
        }
        List<Long> answered = new ArrayList<>();
        found.forEach(m -> answered.add(m.get("build_id").asLong()));
        if (expected.isEmpty() || !expected.equals(answered)) {
            throw new IllegalStateException("The search for " + ConsoleSeed.COMMON_RPM + " older than "
                    + SEARCH_OLDER_THAN + " answered " + answered.size() + " builds, not the " + expected.size()
                    + " seeded ones in order");
        }
    }

    /** One request: null when the page is not there (404), else its stats; any other answer fails. */
    private static Stats probe(LoadGenerator load, String uri) throws Exception {
        try {
            return load.run(1, 1, null, i -> Request.get(uri), 200, b -> { });
        } catch (Exception e) {
            if (String.valueOf(e.getMessage()).contains("answered 404")) {
                return null;
            }
            throw e;
        }
    }

    /** Every console page, with the addresses a release engineer would use. */
    private List<Page> pages() {
        long first = ConsoleSeed.FIRST_ID;
        int tasks = sizes.tasks();
        int builds = sizes.builds();
        ConsoleSeed names = new ConsoleSeed(sizes);
        String older = SEARCH_OLDER_THAN;
        List<Page> pages = new ArrayList<>();
        pages.add(new Page("summary", PAGE_GOAL_MS, i -> "/console/"));
        pages.add(new Page("tasks", PAGE_GOAL_MS, i -> "/console/tasks?offset=" + (i % 4) * 50));
        pages.add(new Page("tasks ?state=active", PAGE_GOAL_MS, i -> "/console/tasks?state=active"));
        pages.add(new Page("tasks ?state=FAILED (deep page)", PAGE_GOAL_MS,
                i -> "/console/tasks?state=FAILED&offset=" + (i % 10) * 50));
        pages.add(new Page("tasks ?owner=&method=", PAGE_GOAL_MS,
                i -> "/console/tasks?owner=user" + (i % 5) + "&method=buildContainer"));
        pages.add(new Page("tasks ?host=", PAGE_GOAL_MS, i -> "/console/tasks?host=builder" + (i % 20)));
        pages.add(new Page("task (with a 2,000-line log for some)", PAGE_GOAL_MS,
                i -> "/console/tasks/" + (first + (i % 2 == 0 ? i % Math.max(1, sizes.loggedTasks()) : i % tasks))));
        pages.add(new Page("builds", PAGE_GOAL_MS, i -> "/console/builds?offset=" + (i % 4) * 50));
        pages.add(new Page("builds ?nvr= (NVR prefix)", PAGE_GOAL_MS,
                i -> "/console/builds?nvr=" + names.packageOf(i) + "-1."));
        pages.add(new Page("builds ?package=&state=", PAGE_GOAL_MS,
                i -> "/console/builds?package=" + names.packageOf(i) + "&state=COMPLETE"));
        pages.add(new Page("build (its RPM table)", PAGE_GOAL_MS, i -> "/console/builds/" + (first + i % builds)));
        pages.add(new Page("packages", PAGE_GOAL_MS, i -> "/console/packages"));
        pages.add(new Page("package", PAGE_GOAL_MS, i -> "/console/packages/" + names.packageOf(i)));
        pages.add(new Page("search: images with " + ConsoleSeed.COMMON_RPM + " older than " + older, SEARCH_GOAL_MS,
                i -> "/console/search?package=" + ConsoleSeed.COMMON_RPM + "&older-than=" + older));
        pages.add(new Page("search: the same through the API", SEARCH_GOAL_MS,
                i -> "/api/v1/packages/" + ConsoleSeed.COMMON_RPM + "/images?older-than=" + older));
        pages.add(new Page("hosts", PAGE_GOAL_MS, i -> "/console/hosts"));
        pages.add(new Page("host", PAGE_GOAL_MS, i -> "/console/hosts/builder" + (i % 20)));
        return pages;
    }

    /** Users, hosts, tags, the target and the package list, through the hub's own admin API. */
    private ConsoleSeed.Ids seedApi(Hub hub) {
        HubClient http = new HubClient(URI.create("http://127.0.0.1:" + hub.port()),
                hub.services().accounts().initAdmin("root").token(), Json.mapper());
        List<Long> users = new ArrayList<>();
        for (int u = 0; u < 5; u++) {
            call(http, "POST", "/api/v1/users", new Admin.User("user" + u, List.of("packager"), null));
        }
        call(http, "POST", "/api/v1/tags", new Admin.Tag("f40-container-build", List.of("x86_64"), false));
        call(http, "POST", "/api/v1/tags", new Admin.Tag("f40-candidate", List.of("x86_64"), false));
        call(http, "POST", "/api/v1/targets", new Admin.Target(HubFixture.TARGET, "f40-container-build",
                "f40-candidate"));
        ConsoleSeed names = new ConsoleSeed(sizes);
        for (int p = 0; p < sizes.packages(); p++) {
            call(http, "PUT", "/api/v1/tags/f40-candidate/packages/" + names.packageOf(p),
                    new Admin.TagPackage(null, null, "user" + p % 5, p % 50 == 49, null));
        }
        for (int h = 0; h < 20; h++) {
            call(http, "POST", "/api/v1/hosts", new Admin.Host("builder" + h, List.of("x86_64"),
                    List.of("container"), 8.0, null, true, null, null, null));
        }
        return idsFromDatabase(hub, users);
    }

    private ConsoleSeed.Ids idsFromDatabase(Hub hub, List<Long> users) {
        HubConfig c = hub.services().config();
        String url = c.database().jdbcUrl(c.dataDir());
        try (Connection db = DriverManager.getConnection(url, c.database().user(), c.database().password())) {
            List<Long> hosts = new ArrayList<>();
            for (int u = 0; u < 5; u++) {
                users.add(one(db, "SELECT id FROM users WHERE name = 'user" + u + "'"));
            }
            for (int h = 0; h < 20; h++) {
                hosts.add(one(db, "SELECT id FROM hosts WHERE name = 'builder" + h + "'"));
            }
            return new ConsoleSeed.Ids(users, hosts, one(db, "SELECT id FROM channels WHERE name = 'container'"),
                    one(db, "SELECT id FROM targets WHERE name = '" + HubFixture.TARGET + "'"),
                    one(db, "SELECT id FROM tags WHERE name = 'f40-candidate'"));
        } catch (SQLException e) {
            throw new IllegalStateException("Tried to read the seeded ids", e);
        }
    }

    private static long count(String url, String user, String password, String table) throws SQLException {
        try (Connection db = DriverManager.getConnection(url, user, password)) {
            return one(db, "SELECT count(*) FROM " + table);
        }
    }

    private static long one(Connection db, String sql) throws SQLException {
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            if (!rs.next()) {
                throw new IllegalStateException("No row for " + sql);
            }
            return rs.getLong(1);
        }
    }

    private static JsonNode call(HubClient http, String method, String path, Object body) {
        Answer a = http.exchange(method, path, body);
        if (a.status() >= 300) {
            throw new IllegalStateException(method + " " + path + " failed: " + a.status() + " " + a.body());
        }
        return a.json();
    }
}
