package dev.slipway.e2e;

import dev.slipway.common.process.Command;
import dev.slipway.testing.rpm.FixtureFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A throw-away PostgreSQL 15 for the farm tests on a free loopback port, which the tests may stop and start again
 * (a database restart) with its data kept. initdb refuses root, so the server runs as the postgres user.
 */
final class Postgres implements AutoCloseable {
    private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
    private final Path dir;
    private final int port;

    private Postgres(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    static Postgres start() {
        if (!Files.isExecutable(BIN.resolve("initdb"))) {
            throw new IllegalStateException("PostgreSQL 15 is not installed (" + BIN
                    + "/initdb missing): apt-get install -y --no-install-recommends postgresql");
        }
        try {
            // Its own temp directory: the postgres user cannot enter the test's (mode 700, root's).
            Path dir = Files.createTempDirectory("slipway-farm-pg-");
            Command.of("chown", "-R", "postgres:postgres", dir.toString()).timeout(Duration.ofSeconds(30)).check();
            Postgres pg = new Postgres(dir, freePort());
            pg.asPostgres(BIN.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-A", "trust",
                    "-U", "postgres", "--no-sync", "-E", "UTF8");
            pg.startServer();
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("Tried to start a throw-away PostgreSQL", e);
        }
    }

    /** The JDBC URL of the {@code postgres} database, which the hubs share. */
    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** Starts the server (again) on the same port and data directory. */
    void startServer() {
        asPostgres(BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l",
                dir.resolve("log").toString(), "-o", "-p " + port + " -k " + dir
                        + " -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", "-w", "start");
    }

    /** Stops the server at once, as a crash or an operator's fast restart would. */
    void stopServer() {
        asPostgres(BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w",
                "stop");
    }

    /** Copies the server's log to {@code target} (kept after the test for diagnosis). */
    void keepLog(Path target) throws IOException {
        Path log = dir.resolve("log");
        if (Files.exists(log)) {
            Files.copy(log, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void close() {
        try {
            asPostgres(BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate",
                    "stop");
        } catch (RuntimeException alreadyStopped) {
            // stopped by a test that failed before starting it again
        } finally {
            FixtureFiles.deleteTree(dir);
        }
    }

    private void asPostgres(String... command) {
        List<String> cmd = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        cmd.addAll(List.of(command));
        Command.of(cmd.toArray(String[]::new)).in(dir).timeout(Duration.ofSeconds(60)).check();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
