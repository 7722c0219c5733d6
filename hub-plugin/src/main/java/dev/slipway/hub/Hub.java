package dev.slipway.hub;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.api.TaskState;
import dev.slipway.hub.admin.Accounts;
import dev.slipway.hub.admin.Catalog;
import dev.slipway.hub.admin.Directory;
import dev.slipway.hub.admin.Hosts;
import dev.slipway.hub.auth.Authenticator;
import dev.slipway.hub.auth.Sessions;
import dev.slipway.hub.auth.Tokens;
import dev.slipway.hub.build.BuildCompletion;
import dev.slipway.hub.build.BuildQueries;
import dev.slipway.hub.build.BuildReservations;
import dev.slipway.hub.config.HubConfig;
import dev.slipway.hub.console.Console;
import dev.slipway.hub.http.HubServices;
import dev.slipway.hub.http.HubSignals;
import dev.slipway.hub.http.HubVerticle;
import dev.slipway.hub.http.WireJson;
import dev.slipway.hub.koji.KojiApi;
import dev.slipway.hub.metrics.HubMetrics;
import dev.slipway.hub.persistence.Database;
import dev.slipway.hub.persistence.PgNotifications;
import dev.slipway.hub.publication.Publications;
import dev.slipway.hub.task.Scheduler;
import dev.slipway.hub.task.TaskEvents;
import dev.slipway.hub.task.TaskLog;
import dev.slipway.hub.task.TaskService;
import dev.slipway.hub.task.TaskView;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running hub process: the database, the services, the HTTP verticles and the lease reaper. Built from one
 * configuration; nothing here is global, so tests run several hubs in one JVM.
 */
public final class Hub implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Hub.class);
    private final Database db;
    private final Vertx vertx;
    private final HubServices services;
    private final int port;
    private final long reaper;
    private final PgNotifications peers;

    private Hub(Database db, Vertx vertx, HubServices services, int port, long reaper, PgNotifications peers) {
        this.db = db;
        this.vertx = vertx;
        this.services = services;
        this.port = port;
        this.reaper = reaper;
        this.peers = peers;
    }

    /** Opens the database, migrates it, and serves the API until {@link #close()}. */
    public static Hub start(HubConfig config) {
        return start(config, Clock.systemUTC());
    }

    public static Hub start(HubConfig config, Clock clock) {
        Database db = Database.open(config.database(), config.dataDir());
        Vertx vertx = Vertx.vertx();
        PgNotifications peers = null;
        try {
            HubServices services = services(config, db, clock);
            services.accounts().seedAdminHashes(config.adminTokenSha256());
            WorkerExecutor workers = vertx.createSharedWorkerExecutor("slipway-hub-db",
                    config.database().poolSize() + 4);
            TaskEvents events = services.events();
            HubSignals signals = HubSignals.listen(vertx, events);
            if (db.postgres()) {
                // Other hub processes on this database hear this hub's signals and this hub theirs; until the
                // listener is connected, this hub cannot know of their changes.
                events.peersLost();
                PgNotifications relay = PgNotifications.start(config.database().jdbcUrl(config.dataDir()),
                        config.database(), events::receive, events::resync, events::peersLost);
                peers = relay;
                events.relayTo(relay::publish, relay::live);
                db.commitNotice(writes -> TaskService.changesRecords(writes) ? relay.payload(TaskEvents.TASKS) : null);
            } else if (!db.embedded()) {
                // An H2 server other processes may write to, with no relay between them: never complete.
                events.peersLost();
            }
            int port = config.listen().port() == 0 ? freePort() : config.listen().port();
            HubConfig bound = config.withListen(config.listen().withPort(port));
            HubServices shared = services.with(bound);
            await(vertx.deployVerticle(() -> new HubVerticle(shared, signals, workers),
                    new DeploymentOptions().setInstances(config.http().instances())));
            long reaper = vertx.setPeriodic(1000, id -> workers.executeBlocking(() -> shared.scheduler().reapExpiredLeases(), false)
                    .onFailure(e -> LOG.warn("Lease reaper failed: {}", e.getMessage())));
            LOG.info("slipway-hub listening on {}://{}:{}/ (database {})", config.listen().scheme(),
                    config.listen().host(), port,
                    config.database().jdbcUrl(config.dataDir()));
            return new Hub(db, vertx, shared, port, reaper, peers);
        } catch (RuntimeException e) {
            if (peers != null) {
                peers.close();
            }
            vertx.close();
            db.close();
            throw e;
        }
    }

    /** Builds the services over an open database (also used by the init-admin command). */
    static HubServices services(HubConfig config, Database db, Clock clock) {
        ObjectMapper json = WireJson.strict();
        HubMetrics metrics = new HubMetrics();
        TaskEvents events = new TaskEvents();
        TaskView view = new TaskView(json);
        Authenticator auth = new Authenticator(db);
        Scheduler scheduler = new Scheduler(db, config.tasks(), clock, events, metrics, view);
        BuildReservations reservations = new BuildReservations(db, clock, view);
        TaskService tasks = new TaskService(db, config, clock, events, metrics, json);
        TaskLog log = new TaskLog(db, events);
        BuildQueries builds = new BuildQueries(db, json);
        Catalog catalog = new Catalog(db);
        Hosts hosts = new Hosts(db, clock, events);
        Accounts accounts = new Accounts(db, clock, new Tokens(), auth);
        Publications publications = new Publications(db, json);
        KojiApi koji = new KojiApi(new KojiApi.Services(tasks, log, builds, catalog, hosts, accounts,
                new Directory(db), auth, new Sessions(db, auth, clock), json, clock,
                config.tasks().defaultPriority(), config.tasks().channel()), config.http().bodyLimitBytes());
        return new HubServices(config, json, auth, tasks, scheduler, log, builds, reservations,
                new BuildCompletion(db, clock, events, metrics, view, reservations), catalog, hosts, accounts,
                publications, koji, metrics, events,
                () -> db.tx(s -> s.createNativeQuery("select 1", Integer.class).getSingleResult() != null),
                () -> {
                    metrics.queue(counts(db));
                    metrics.queues(queues(db, clock));
                },
                Console.of(config.console(), config.lookasideDir() != null, new Console.Services(auth, tasks, log,
                        builds, hosts, catalog, accounts, publications, new Directory(db)), clock));
    }

    private static Map<TaskState, Long> counts(Database db) {
        Map<TaskState, Long> counts = new EnumMap<>(TaskState.class);
        db.tx(s -> s.createSelectionQuery("select t.state, count(*) from TaskEntity t group by t.state",
                Object[].class).getResultList()).forEach(row -> counts.put((TaskState) row[0], (Long) row[1]));
        return counts;
    }

    /** The FREE tasks per channel and arch, with the creation time of the oldest. */
    private static List<HubMetrics.Queue> queues(Database db, Clock clock) {
        Instant now = clock.instant();
        return db.tx(s -> s.createSelectionQuery("select c.name, t.arch, count(*), min(t.created) from TaskEntity t,"
                + " ChannelEntity c where c.id = t.channelId and t.state = :free group by c.name, t.arch",
                Object[].class).setParameter("free", TaskState.FREE).getResultList()).stream()
                .map(r -> new HubMetrics.Queue((String) r[0], r[1] == null ? "noarch" : (String) r[1], (Long) r[2],
                        r[3] == null ? Duration.ZERO : Duration.between((Instant) r[3], now)))
                .toList();
    }

    /** The HTTP port the hub listens on. */
    public int port() {
        return port;
    }

    /** The services, for in-process callers such as tests and the benchmark. */
    public HubServices services() {
        return services;
    }

    @Override
    public void close() {
        try {
            vertx.cancelTimer(reaper);
            await(vertx.close());
        } finally {
            if (peers != null) {
                peers.close();
            }
            services.tasks().close();
            db.close();
        }
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting or stopping the hub", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("The hub did not start or stop within 60 s", e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port for the hub", e);
        }
    }
}
