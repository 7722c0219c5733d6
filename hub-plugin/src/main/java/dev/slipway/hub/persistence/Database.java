package dev.slipway.hub.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.hub.config.HubConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.hibernate.JDBCException;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.hibernate.exception.JDBCConnectionException;

/**
 * The hub's database: a HikariCP pool, Flyway migrations applied at start, and a Hibernate session factory that
 * only validates the schema (never creates or alters it). All calls block: run them off the event loop.
 */
public final class Database implements AutoCloseable {
    private static final List<Class<?>> ENTITIES = List.of(UserEntity.class, GroupEntity.class, ChannelEntity.class,
            HostEntity.class, TokenEntity.class, TagEntity.class, TargetEntity.class, TagPackageEntity.class,
            TaskEntity.class, LogLineEntity.class, BuildEntity.class, ImageEntity.class, ComponentEntity.class,
            ArchiveEntity.class, PublicationEntity.class);
    private final HikariDataSource dataSource;
    private final SessionFactory sessions;
    private final boolean postgres;
    private final boolean embedded;
    private final WrittenTables written;
    private final List<Consumer<Set<Write>>> committed = new CopyOnWriteArrayList<>();
    /** On PostgreSQL: the NOTIFY payload a transaction's writes call for, sent inside it (null: none). */
    private volatile Function<Set<Write>, String> commitNotice = w -> null;

    private Database(HikariDataSource dataSource, SessionFactory sessions, String url, WrittenTables written) {
        this.dataSource = dataSource;
        this.sessions = sessions;
        this.postgres = url.startsWith("jdbc:postgresql:");
        this.embedded = (url.startsWith("jdbc:h2:file:") || url.startsWith("jdbc:h2:mem:"))
                && !url.toUpperCase(Locale.ROOT).contains("AUTO_SERVER=TRUE");
        this.written = written;
    }

    /** Opens the database the configuration names, migrating it to the current schema. */
    public static Database open(HubConfig.Database db, Path dataDir) {
        String url = db.jdbcUrl(dataDir);
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(url);
        pool.setUsername(db.user());
        pool.setPassword(db.password());
        pool.setMaximumPoolSize(db.poolSize());
        pool.setPoolName("slipway-hub-db");
        pool.setAutoCommit(false);
        pool.setConnectionTimeout(10_000);
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(pool);
        } catch (RuntimeException e) {
            throw new SlipwayException(ErrorCode.HUB_UNAVAILABLE,
                    "Tried to connect to the hub database " + url + " but could not: " + e.getMessage(), e);
        }
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
            Configuration cfg = new Configuration();
            ENTITIES.forEach(cfg::addAnnotatedClass);
            cfg.getProperties().put(AvailableSettings.DATASOURCE, ds);
            cfg.setProperty(AvailableSettings.HBM2DDL_AUTO, "validate");
            cfg.setProperty(AvailableSettings.STATEMENT_BATCH_SIZE, "50");
            cfg.setProperty(AvailableSettings.ORDER_INSERTS, "true");
            cfg.setProperty(AvailableSettings.CONNECTION_PROVIDER_DISABLES_AUTOCOMMIT, "true");
            // Lazy collections (a page of builds' tags, hosts' channels) load for up to 64 owners in one query.
            cfg.setProperty(AvailableSettings.DEFAULT_BATCH_FETCH_SIZE, "64");
            WrittenTables written = new WrittenTables();
            cfg.setStatementInspector(written);
            return new Database(ds, cfg.buildSessionFactory(), url, written);
        } catch (RuntimeException e) {
            ds.close();
            throw new SlipwayException(ErrorCode.HUB_UNAVAILABLE,
                    "Tried to migrate and open the hub database " + url + " but failed: " + e.getMessage(), e);
        }
    }

    /**
     * Calls {@code listener} after every committed transaction that wrote something, with what it wrote (on the
     * committing thread, after the commit: a reader that starts after the call sees the change).
     */
    public void afterCommit(Consumer<Set<Write>> listener) {
        committed.add(listener);
    }

    /**
     * On PostgreSQL, lets every transaction tell the other hub processes what it changed, atomically with its
     * commit: {@code notice} gets the transaction's writes once it has flushed them and returns the payload of a
     * NOTIFY on channel {@value PgNotifications#CHANNEL} sent inside the same transaction (or null for none).
     * PostgreSQL delivers it to the listeners if and only if the transaction commits, and after its changes are
     * visible, so a hub killed right after a commit still has told the others.
     */
    public void commitNotice(Function<Set<Write>, String> notice) {
        this.commitNotice = notice;
    }

    /** Runs {@code work} in one transaction, committed when it returns and rolled back when it throws. */
    public <T> T tx(Function<Session, T> work) {
        Set<Write> outer = written.begin();
        boolean done = false;
        try {
            T result = sessions.fromTransaction(s -> {
                T r = work.apply(s);
                if (postgres && s.getHibernateFlushMode() != FlushMode.MANUAL) { // db.read() never writes
                    s.flush();
                    String payload = commitNotice.apply(written.current());
                    if (payload != null) {
                        s.doWork(c -> {
                            try (PreparedStatement st = c.prepareStatement("select pg_notify(?, ?)")) {
                                st.setString(1, PgNotifications.CHANNEL);
                                st.setString(2, payload);
                                st.execute();
                            }
                        });
                    }
                }
                return r;
            });
            done = true;
            return result;
        } catch (JDBCConnectionException e) {
            throw new SlipwayException(ErrorCode.HUB_UNAVAILABLE,
                    "Tried to reach the hub database but the connection failed: " + e.getMessage(), e);
        } catch (JDBCException e) {
            if (unavailable(e)) {
                throw new SlipwayException(ErrorCode.HUB_UNAVAILABLE,
                        "Tried to reach the hub database but it is not available: " + e.getMessage(), e);
            }
            throw e;
        } finally {
            Set<Write> writes = written.end(outer);
            if (done && !writes.isEmpty()) {
                committed.forEach(l -> l.accept(writes));
            }
        }
    }

    /**
     * Runs read-only {@code work} in one transaction: entities are loaded read-only and nothing is flushed, so a
     * read costs no dirty checking (a hot path: task status polls, console pages).
     */
    public <T> T read(Function<Session, T> work) {
        return tx(s -> {
            s.setDefaultReadOnly(true);
            s.setHibernateFlushMode(FlushMode.MANUAL);
            return work.apply(s);
        });
    }

    /** Work on a plain JDBC connection. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T apply(Connection c) throws SQLException;
    }

    /**
     * Runs one read-only statement's {@code work} on a pooled connection in autocommit mode, without a session or
     * a transaction around it: for the hottest reads (task status polls), where a single statement is its own
     * consistent snapshot and Hibernate's session, transaction and entity loading would cost more than the query.
     * Failures map as in {@link #tx}.
     */
    public <T> T query(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            return work.apply(c);
        } catch (SQLException e) {
            if (unavailable(e)) {
                throw new SlipwayException(ErrorCode.HUB_UNAVAILABLE,
                        "Tried to reach the hub database but it is not available: " + e.getMessage(), e);
            }
            throw new IllegalStateException("Tried to read from the hub database but failed: " + e.getMessage(), e);
        }
    }

    /**
     * Whether a failure means the database is away rather than the statement wrong: no connection within the
     * pool's timeout, or PostgreSQL's SQLSTATE class 08 (connection exception) or 57P (operator intervention:
     * shutting down, restarting), which Hibernate does not always report as a connection problem.
     */
    static boolean unavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Makes what was committed so far survive a killed process before the caller acknowledges it. PostgreSQL's
     * commit already does; H2's MVStore may leave the last commit in memory when another thread is storing at the
     * same moment, so H2 is asked for a CHECKPOINT (which stores and syncs the file).
     */
    public void flush() {
        if (postgres) {
            return;
        }
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("CHECKPOINT");
            c.commit();
        } catch (SQLException e) {
            throw new SlipwayException(ErrorCode.HUB_UNAVAILABLE,
                    "Tried to flush the hub database to disk but it failed: " + e.getMessage(), e);
        }
    }

    /** The schema version Flyway last applied (e.g. "3"). */
    public String schemaVersion() {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().info().current()
                .getVersion().getVersion();
    }

    /** True when the database lives inside this process (H2 file or memory): no other process writes to it. */
    public boolean embedded() {
        return embedded;
    }

    /** True when the database is PostgreSQL (some queries lock rows differently). */
    public boolean postgres() {
        return postgres;
    }

    @Override
    public void close() {
        sessions.close();
        dataSource.close();
    }
}
