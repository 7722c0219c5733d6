package dev.slipway.hub.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.hub.bench.ConsoleBenchmark.PageResult;
import dev.slipway.hub.config.HubConfig;
import dev.slipway.hub.fixture.PostgresServer;
import dev.slipway.hub.fixture.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hub and console benchmarks still run, at tiny sizes, on the suite's database (H2 or PostgreSQL): every
 * figure is measured from real answers and printed beside its goal. Whether the goals are met is the full
 * benchmarks' business (scripts/bench-hub.sh, scripts/bench-console.sh), not a test's on a shared machine.
 */
class BenchmarksIT {
    private static PostgresServer pg;

    @BeforeAll
    static void database() {
        if (TestDatabase.kind().equals("postgresql")) {
            pg = PostgresServer.start();
        }
    }

    @AfterAll
    static void stop() {
        if (pg != null) {
            pg.close();
        }
    }

    private static HubConfig.Database fresh() {
        return pg == null ? new HubConfig.Database(null, null, null, 16)
                : new HubConfig.Database(pg.newDatabase(), "postgres", "", 16);
    }

    @Test
    void hubBenchmark_tinySizes_measuresReadsSubmissionsAndDispatchBesideTheGoals() throws Exception {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        HubBenchmark bench = new HubBenchmark(new PrintStream(text, true, StandardCharsets.UTF_8),
                new HubBenchmark.Sizes(256, 64, Duration.ofSeconds(1), 5));
        HubBenchmark.Result r = bench.run(TestDatabase.kind(), fresh());

        assertEquals(256, r.submissions().count());
        assertEquals(64, r.submissions8().count());
        assertEquals(5, r.dispatch().count());
        assertTrue(r.reads().count() > 0 && r.reads().perSecond() > 0, "reads were measured");
        assertTrue(r.reads().cpuMicros() > 0, "CPU per read was measured");
        String out = text.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("task status reads") && out.contains("goal >= 20,000/s"), out);
        assertTrue(out.contains("with 8 clients") && out.contains("goal p99 <= 20 ms"), out);
    }

    @Test
    void consoleBenchmark_tinyFarm_rendersEveryServedPageBesideItsGoal() throws Exception {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        ConsoleBenchmark bench = new ConsoleBenchmark(new PrintStream(text, true, StandardCharsets.UTF_8),
                ConsoleSeed.Sizes.tiny(), 10);
        List<PageResult> pages = bench.run(TestDatabase.kind(), fresh());

        String out = text.toString(StandardCharsets.UTF_8);
        for (String page : List.of("summary", "tasks", "task (", "builds", "build (", "search: the same through")) {
            PageResult p = pages.stream().filter(r -> r.page().startsWith(page)).findFirst().orElseThrow();
            assertTrue(p.served(), page + " is served");
            assertEquals(10, p.stats().count(), page);
        }
        assertTrue(out.contains("seeded 200 tasks, 200 builds, 2,000 RPM component rows"), out);
        assertTrue(out.contains("goal p95 <=  50 ms") && out.contains("goal p95 <= 100 ms"), out);
    }
}
