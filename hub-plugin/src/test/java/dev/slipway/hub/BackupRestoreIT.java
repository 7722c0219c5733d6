package dev.slipway.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.hub.config.HubConfig;
import dev.slipway.hub.fixture.HubFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code slipway-hub backup}, a wiped database, {@code migrate} and {@code restore}: the hub comes back with the
 * same users, tags, targets, hosts, tokens and tasks, and goes on numbering tasks after the restored ones. Runs on
 * H2 (SCRIPT/RUNSCRIPT) and PostgreSQL (pg_dump/pg_restore) with the rest of the hub suite.
 */
class BackupRestoreIT {
    @RegisterExtension
    static final HubFixture HUB = new HubFixture();
    private static final List<String> VIEWS = List.of("/api/v1/tasks", "/api/v1/users", "/api/v1/tags",
            "/api/v1/targets", "/api/v1/hosts", "/api/v1/groups", "/api/v1/tags/f40-candidate/packages");

    @TempDir
    Path dir;

    @Test
    void backup_wipe_restore_bringsBackTheSameHub() throws Exception {
        long kept = HUB.submit("alice", "foo", Map.of("scratch", true));
        long canceled = HUB.submit("alice", "foo", Map.of("scratch", true));
        assertEquals(200, HUB.http().as(HUB.token("alice")).exchange("POST", "/api/v1/tasks/" + canceled + "/cancel",
                null).status());
        Map<String, String> before = snapshot();
        HubConfig config = HUB.config();
        HUB.stop();

        Path backup = dir.resolve("hub.backup");
        assertTrue(command("backup", config, "--to", backup.toString()).contains("backed up"));
        assertTrue(Files.size(backup) > 1000, "a whole database, not an empty file");
        wipe(config);
        assertTrue(command("migrate", config).contains("is at schema version"));
        assertTrue(command("restore", config, "--from", backup.toString()).contains("restored"));

        HUB.start();
        assertEquals(before, snapshot());
        assertEquals("FREE", HUB.http().get("/api/v1/tasks/" + kept).path("state").asText());
        assertTrue(HUB.submit("alice", "foo", Map.of("scratch", true)) > canceled, "ids go on after the restored");
    }

    /** Runs {@code slipway-hub VERB --config hub.yaml ARGS} with a file naming the fixture hub's database. */
    private String command(String verb, HubConfig config, String... args) throws Exception {
        HubConfig.Database db = config.database();
        Path yaml = Files.writeString(dir.resolve("hub.yaml"), "data_dir: " + config.dataDir() + "\n"
                + (db.url() == null ? "" : "database: {url: \"" + db.url() + "\", user: " + db.user()
                        + ", password: \"" + db.password() + "\"}\n"));
        String[] argv = Stream.concat(Stream.of(verb, "--config", yaml.toString()), Stream.of(args))
                .toArray(String[]::new);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = HubMain.run(argv, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, exit, () -> "slipway-hub " + verb + ": " + err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Map<String, String> snapshot() {
        Map<String, String> views = new LinkedHashMap<>();
        for (String path : VIEWS) {
            views.put(path, HUB.http().as(HUB.token("root")).exchange("GET", path, null).body());
        }
        return views;
    }

    /** Leaves nothing of the hub's data: the H2 files deleted, or PostgreSQL's public schema dropped. */
    private static void wipe(HubConfig config) throws Exception {
        String url = config.database().jdbcUrl(config.dataDir());
        if (url.startsWith("jdbc:postgresql:")) {
            try (Connection c = DriverManager.getConnection(url, config.database().user(), config.database().password());
                    Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA public CASCADE");
                st.execute("CREATE SCHEMA public");
            }
        } else {
            try (Stream<Path> files = Files.list(config.dataDir())) {
                for (Path f : files.filter(f -> f.getFileName().toString().startsWith("hub.")).toList()) {
                    Files.delete(f);
                }
            }
        }
    }
}
