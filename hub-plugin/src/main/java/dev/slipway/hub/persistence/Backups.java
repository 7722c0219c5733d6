package dev.slipway.hub.persistence;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.process.Command;
import dev.slipway.hub.config.HubConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Whole-database backup and restore, with each database's own tools: H2's {@code SCRIPT TO} / {@code RUNSCRIPT
 * FROM} (a gzip'd SQL script) and PostgreSQL's {@code pg_dump --format=custom} / {@code pg_restore}. The hub must
 * be stopped for an H2 backup (the file is locked while it runs); PostgreSQL dumps are consistent while hubs run,
 * but every hub must be stopped for a restore.
 */
public final class Backups {
    private static final Duration PG_TIMEOUT = Duration.ofHours(2);
    private final HubConfig.Database db;
    private final String url;

    public Backups(HubConfig.Database db, Path dataDir) {
        this.db = db;
        this.url = db.jdbcUrl(dataDir);
    }

    /** Writes the whole database to {@code file} (replaced if it exists). */
    public void backup(Path file) {
        Path target = file.toAbsolutePath();
        if (postgres()) {
            pg("pg_dump", "--format=custom", "--no-owner", "--file", target.toString(), "--dbname", libpqUri());
        } else {
            h2("SCRIPT TO " + literal(target) + " COMPRESSION GZIP", "back up");
        }
    }

    /** Replaces the database's contents by the backup in {@code file}. */
    public void restore(Path file) {
        Path source = file.toAbsolutePath();
        if (!Files.isRegularFile(source)) {
            throw new SlipwayException(ErrorCode.CONFIG_INVALID, "There is no backup file " + source);
        }
        if (postgres()) {
            pg("pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error",
                    "--dbname", libpqUri(), source.toString());
        } else {
            h2("DROP ALL OBJECTS; RUNSCRIPT FROM " + literal(source) + " COMPRESSION GZIP", "restore");
        }
    }

    private boolean postgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    private void h2(String sql, String what) {
        try (Connection c = DriverManager.getConnection(url, db.user(), db.password());
                Statement st = c.createStatement()) {
            for (String statement : sql.split("; ")) {
                st.execute(statement);
            }
        } catch (SQLException e) {
            throw new SlipwayException(ErrorCode.HUB_UNAVAILABLE, "Tried to " + what + " the H2 database " + url
                    + " but it failed (is a hub still running on it?): " + e.getMessage(), e);
        }
    }

    private void pg(String program, String... args) {
        Command command = Command.of(program);
        if (db.user() != null) {
            command.arg("--username", db.user());
        }
        command.arg(args);
        if (db.password() != null && !db.password().isEmpty()) {
            command.secretEnv("PGPASSWORD", db.password());
        }
        command.timeout(PG_TIMEOUT).failingWith(ErrorCode.HUB_UNAVAILABLE).check();
    }

    /** libpq takes {@code postgresql://host:port/db?...}, which is the JDBC URL without its prefix. */
    private String libpqUri() {
        return url.substring("jdbc:".length());
    }

    private static String literal(Path file) {
        return "'" + file.toString().replace("'", "''") + "'";
    }
}
