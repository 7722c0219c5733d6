package dev.slipway.hub.bench;

import dev.slipway.hub.Hub;
import dev.slipway.hub.console.Browser;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The live log's latency as a release engineer sees it: from the hub taking an appended line (the service a
 * worker's log call reaches) to that line being in the task page's DOM in a real headless Chromium, which follows
 * the hub's log stream. The browser stamps each line as it arrives (a MutationObserver with {@code Date.now()});
 * the same machine's clock stamps the append. Goal: within 1 s.
 */
final class LiveLogLatency {
    static final double GOAL_MS = 1000;
    private static final String MARK = "bench-live-line ";
    /** Stamps each added log line that starts with {@link #MARK} with the browser's clock. */
    private static final String OBSERVE = "window.slipwaySeen = {};"
            + "new MutationObserver(function (ms) { ms.forEach(function (m) { m.addedNodes.forEach(function (n) {"
            + " var t = n.textContent || '';"
            + " if (t.indexOf('" + MARK + "') === 0) { window.slipwaySeen[t] = Date.now(); }"
            + " }); }); }).observe(document.getElementById('log'), {childList: true});";
    private final PrintStream out;
    private final int lines;

    LiveLogLatency(PrintStream out, int lines) {
        this.out = out;
        this.lines = lines;
    }

    /** Follows an OPEN task's page and appends {@code lines} lines one at a time; prints p50/p95/max. */
    ConsoleBenchmark.PageResult measure(Hub hub, String db, String jdbcUrl, String user, String password)
            throws Exception {
        long[] task = openTask(jdbcUrl, user, password);
        try (Browser browser = new Browser()) {
            ChromeDriver web = browser.driver();
            web.get("http://127.0.0.1:" + hub.port() + "/console/tasks/" + task[0]);
            web.executeScript(OBSERVE);
            long[] nanos = new long[lines];
            for (int i = -3; i < lines; i++) { // three lines first: the stream is connected once they show
                String line = MARK + i;
                long sent = System.currentTimeMillis();
                hub.services().log().append(task[1], task[0], List.of(line));
                long seen = waitSeen(web, line);
                if (i >= 0) {
                    nanos[i] = Math.max(0, seen - sent) * 1_000_000L;
                }
            }
            LoadGenerator.Stats s = LoadGenerator.Stats.of(nanos, 0);
            long max = Arrays.stream(nanos).max().orElse(0) / 1_000_000L;
            ConsoleBenchmark.PageResult r = new ConsoleBenchmark.PageResult("live log line in the browser", true, s,
                    GOAL_MS);
            out.printf("%-10s %-44s p50 %6.1f ms  p95 %6.1f ms   goal p95 <= %4.0f ms: %s (max %d ms, %d lines)%n", db,
                    r.page(), s.p50(), s.p95(), GOAL_MS, r.met() ? "met" : "NOT met", max, lines);
            return r;
        }
    }

    /** When the browser saw {@code line} (its epoch millis); fails after 10 s. */
    private static long waitSeen(ChromeDriver web, String line) throws InterruptedException {
        long end = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < end) {
            Object seen = web.executeScript("return window.slipwaySeen[arguments[0]] || null;", line);
            if (seen instanceof Number n) {
                return n.longValue();
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("The task page did not show the appended line '" + line + "' within 10 s");
    }

    /** The newest OPEN task of the seeded farm and its host: {task id, host id}. */
    private static long[] openTask(String url, String user, String password) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password);
                ResultSet rs = c.createStatement().executeQuery(
                        "SELECT id, host_id FROM tasks WHERE state = 'OPEN' AND host_id IS NOT NULL"
                                + " ORDER BY id DESC")) {
            if (!rs.next()) {
                throw new IllegalStateException("The seeded farm has no OPEN task to follow");
            }
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }
}
