package dev.slipway.hub.persistence;

import dev.slipway.hub.config.HubConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signals between hub processes that share one PostgreSQL database, over LISTEN/NOTIFY on channel
 * {@value #CHANNEL} (https://www.postgresql.org/docs/15/sql-notify.html). Each hub sends what it raises, many
 * signals coalesced into one NOTIFY, and hears the others' on a dedicated connection of its own (outside the pool,
 * since a listening session must stay open). A signal is a wake-up, never data: a lost one (database restart,
 * broken connection) only delays a waiter until its periodic re-check, and {@code onGap} tells the hub to re-check
 * at once after reconnecting.
 */
public final class PgNotifications implements AutoCloseable {
    static final String CHANNEL = "slipway_events";
    private static final Logger LOG = LoggerFactory.getLogger(PgNotifications.class);
    /** PostgreSQL refuses payloads of 8000 bytes or more. */
    private static final int MAX_PAYLOAD = 7_000;
    private static final int MAX_QUEUED = 100_000;
    private final String url;
    private final HubConfig.Database config;
    private final String self = UUID.randomUUID().toString().substring(0, 8);
    private final LinkedBlockingQueue<String> outbox = new LinkedBlockingQueue<>(MAX_QUEUED);
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;
    /** When the listener last heard its own ping (nanoTime), 0 while not connected. */
    private volatile long heardSelf;
    /** The listener pings itself this often, and counts as deaf when its last ping is older than {@link #DEAF_NANOS}. */
    private static final long PING_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    private static final long DEAF_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final String PING = "~";

    private PgNotifications(String url, HubConfig.Database config) {
        this.url = url;
        this.config = config;
    }

    /**
     * Starts sending and listening; {@code onSignal} gets each signal another hub sent (on the listener thread),
     * {@code onGap} runs after every (re)connection of the listener, {@code onLost} whenever it loses its
     * connection (signals sent meanwhile are never heard).
     */
    public static PgNotifications start(String url, HubConfig.Database config, Consumer<String> onSignal,
            Runnable onGap, Runnable onLost) {
        PgNotifications n = new PgNotifications(url, config);
        n.threads.add(daemon("slipway-hub-listen", () -> n.listen(onSignal, onGap, onLost)));
        n.threads.add(daemon("slipway-hub-notify", n::send));
        return n;
    }

    /** Queues a signal for the other hubs; never blocks (when the database is away for long, signals drop). */
    public void publish(String signal) {
        outbox.offer(signal);
    }

    /** The payload that carries {@code signal} from this hub, for a NOTIFY sent by a transaction itself. */
    public String payload(String signal) {
        return self + " " + signal;
    }

    /**
     * Whether this hub hears the others now: the listener is connected and heard its own ping, sent through the
     * database after every notification before it, within the last 2 s. PostgreSQL delivers one session's
     * notifications in commit order, so everything another hub committed before that ping has been delivered.
     */
    public boolean live() {
        long heard = heardSelf;
        return heard != 0 && System.nanoTime() - heard < DEAF_NANOS;
    }

    private void listen(Consumer<String> onSignal, Runnable onGap, Runnable onLost) {
        while (running) {
            try (Connection c = connect(); Statement st = c.createStatement()) {
                st.execute("LISTEN " + CHANNEL);
                onGap.run();
                PGConnection pg = c.unwrap(PGConnection.class);
                long pinged = 0;
                try (PreparedStatement ping = c.prepareStatement("select pg_notify(?, ?)")) {
                    ping.setString(1, CHANNEL);
                    ping.setString(2, payload(PING));
                    while (running) {
                        if (System.nanoTime() - pinged >= PING_NANOS) {
                            ping.execute();
                            pinged = System.nanoTime();
                        }
                        PGNotification[] got = pg.getNotifications(500);
                        if (got == null) {
                            continue;
                        }
                        for (PGNotification n : got) {
                            deliver(n.getParameter(), onSignal);
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                heardSelf = 0;
                onLost.run();
                pause("listen", e);
            }
        }
    }

    /** Payload: the sending hub's id, then its signals, space-separated. A hub ignores its own, but its ping. */
    private void deliver(String payload, Consumer<String> onSignal) {
        String[] parts = payload.split(" ");
        if (parts.length < 2) {
            return;
        }
        if (parts[0].equals(self)) {
            if (parts[1].equals(PING)) {
                heardSelf = System.nanoTime();
            }
            return;
        }
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].equals(PING)) {
                continue;
            }
            try {
                onSignal.accept(parts[i]);
            } catch (RuntimeException e) {
                LOG.warn("A listener failed on signal {}: {}", parts[i], e.toString());
            }
        }
    }

    private void send() {
        Connection c = null;
        while (running) {
            try {
                String first = outbox.poll(500, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                Set<String> batch = new LinkedHashSet<>();
                batch.add(first);
                List<String> more = new ArrayList<>();
                outbox.drainTo(more, 10_000);
                batch.addAll(more);
                if (c == null || c.isClosed()) {
                    c = connect();
                }
                try (PreparedStatement ps = c.prepareStatement("select pg_notify(?, ?)")) {
                    for (String payload : payloads(batch)) {
                        ps.setString(1, CHANNEL);
                        ps.setString(2, payload);
                        ps.execute();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (SQLException | RuntimeException e) {
                closeQuietly(c);
                c = null;
                pause("notify", e);
            }
        }
        closeQuietly(c);
    }

    private List<String> payloads(Set<String> signals) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder(self);
        for (String s : signals) {
            if (sb.length() + 1 + s.length() > MAX_PAYLOAD) {
                out.add(sb.toString());
                sb = new StringBuilder(self);
            }
            sb.append(' ').append(s);
        }
        out.add(sb.toString());
        return out;
    }

    private Connection connect() throws SQLException {
        Properties p = new Properties();
        if (config.user() != null) {
            p.setProperty("user", config.user());
        }
        if (config.password() != null) {
            p.setProperty("password", config.password());
        }
        p.setProperty("connectTimeout", "5");
        p.setProperty("tcpKeepAlive", "true");
        p.setProperty("ApplicationName", "slipway-hub-events");
        Connection c = DriverManager.getConnection(url, p);
        c.setAutoCommit(true);
        return c;
    }

    private void pause(String what, Exception e) {
        if (!running) {
            return;
        }
        LOG.warn("Cross-hub signals ({}) lost their database connection, retrying in 1 s: {}", what, e.toString());
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // already broken: nothing to give back
            }
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Override
    public void close() {
        running = false;
        threads.forEach(Thread::interrupt);
        for (Thread t : threads) {
            try {
                t.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
