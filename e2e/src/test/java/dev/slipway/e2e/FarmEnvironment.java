package dev.slipway.e2e;

import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.hub.Answer;
import dev.slipway.common.hub.HubClient;
import dev.slipway.common.json.Json;
import dev.slipway.testing.rpm.FixtureFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A build farm on one machine: a throw-away PostgreSQL, two hub processes on it behind HAProxy, and three worker
 * daemons, each in its own network namespace that reaches the load balancer and the registry only over its veth
 * link (an in-namespace forwarder gives the registry its usual 127.0.0.1 address, which the host's Docker Engine
 * uses too). Short leases so faults resolve fast. Set-up runs independent parts side by side and waits on
 * readiness signals. {@link #close()} removes every process, namespace and link it made, also after a failed
 * start, and keeps every process's log in {@code target/farm-logs/}.
 */
final class FarmEnvironment extends Installation {
    static final int LEASE_SECONDS = 6;
    /** Two builds (weight 2 each) at once per host: six builds in flight on three hosts. */
    static final int WORKER_CAPACITY = 4;
    final Map<String, Integer> hubPorts = new LinkedHashMap<>();
    final Map<String, JavaProcess> hubs = new LinkedHashMap<>();
    final Map<String, JavaProcess> workers = new LinkedHashMap<>();
    final Map<String, NetNs> hosts = new LinkedHashMap<>();
    final List<HaProxy> forwarders = new ArrayList<>();
    final int lbPort;
    Postgres pg;
    HaProxy lb;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** If the test JVM is stopped (a CI timeout, Ctrl-C), still stop every process and remove every namespace. */
    private final Thread cleanupHook = new Thread(this::closeOnExit, "farm-cleanup");

    private FarmEnvironment(Path dir, int lbPort) {
        super(dir, URI.create("http://127.0.0.1:" + lbPort));
        this.lbPort = lbPort;
    }

    static FarmEnvironment start(int workerCount) {
        FarmEnvironment env = null;
        try {
            env = new FarmEnvironment(Files.createTempDirectory("slipway-farm-"), freePort());
            env.setUp(workerCount);
            return env;
        } catch (IOException e) {
            closeQuietly(env, e);
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            closeQuietly(env, e);
            throw e;
        }
    }

    private void setUp(int workerCount) throws IOException {
        Runtime.getRuntime().addShutdownHook(cleanupHook);
        for (String h : List.of("a", "b")) {
            hubPorts.put(h, freePort());
        }
        // The registry with its base image and the database with its schema are independent: make them together.
        CompletableFuture<Void> registryReady = CompletableFuture.runAsync(() -> unchecked(this::startRegistry));
        pg = Postgres.start();
        for (String h : hubPorts.keySet()) {
            writeHubConfig(h);
        }
        CompletableFuture<Void> schemaReady = CompletableFuture.runAsync(
                () -> unchecked(() -> initAdmin(dir.resolve("hub-a.yaml"))));
        List<String> binds = new ArrayList<>(List.of("127.0.0.1"));
        for (int i = 1; i <= workerCount; i++) {
            NetNs ns = NetNs.create(i);
            hosts.put("w" + i, ns);
            binds.add(ns.gateway());
        }
        join(registryReady);
        Map<String, Integer> servers = new LinkedHashMap<>();
        hubPorts.forEach((h, port) -> servers.put("hub-" + h, port));
        lb = HaProxy.start(dir, "lb", List.of(), HaProxy.balancerConfig(lbStats(), binds, lbPort, servers,
                registry.port()));
        for (NetNs ns : hosts.values()) {
            forwarders.add(HaProxy.start(dir, "fwd-" + ns.name(), ns.exec(),
                    HaProxy.forwarderConfig(ns.gateway(), List.of(registry.port()))));
        }
        join(schemaReady);
        hubPorts.keySet().forEach(this::launchHub);
        hubPorts.keySet().forEach(this::awaitHub);
        addTagsTargetAndPackager();
        for (String w : hosts.keySet()) {
            addHost(w, WORKER_CAPACITY);
            NetNs ns = hosts.get(w);
            URI viaLink = URI.create("http://" + ns.gateway() + ":" + lbPort);
            workers.put(w, launchWorker(w, ns.exec(), viaLink, WORKER_CAPACITY, "", Map.of()));
        }
        hosts.keySet().forEach(w -> awaitWorker(w, workers.get(w)));
    }

    private interface IoStep {
        void run() throws IOException;
    }

    private static void unchecked(IoStep step) {
        try {
            step.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void join(CompletableFuture<Void> step) {
        try {
            step.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    private static void closeQuietly(FarmEnvironment env, Throwable cause) {
        if (env != null) {
            try {
                env.close();
            } catch (RuntimeException e) {
                cause.addSuppressed(e);
            }
        }
    }

    private void writeHubConfig(String h) throws IOException {
        Files.writeString(dir.resolve("hub-" + h + ".yaml"), """
                listen: {host: 127.0.0.1, port: %d}
                data_dir: hub-%s-data
                database: {url: "%s", user: postgres, password: "", pool_size: 8}
                allowed_scms: ["%s"]
                tasks: {lease_seconds: %d, recheck_ms: 1000}
                http: {instances: 1}
                console: {session_key: "farm-test-session-key-shared-by-every-hub"}
                """.formatted(hubPorts.get(h), h, pg.jdbcUrl(), distGit.toUri(), LEASE_SECONDS));
    }

    /** Starts hub {@code h} (again) without waiting for it. */
    void launchHub(String h) {
        hubs.put(h, new JavaProcess("hub-" + h, logging("hub-plugin"), "dev.slipway.hub.HubMain", List.of("serve",
                "--config", dir.resolve("hub-" + h + ".yaml").toString()), dir.resolve("hub-" + h + ".log"),
                Map.of()).start());
    }

    /** Waits until hub {@code h} answers on its own port and the load balancer sends requests to it again. */
    void awaitHub(String h) {
        HubClient direct = direct(h);
        Waits.until(Duration.ofSeconds(120), "hub " + h + " to answer /healthz", () -> {
            try {
                return direct.exchange("GET", "/healthz", null).status() == 200;
            } catch (SlipwayException unreachable) {
                return false;
            }
        }, () -> hubs.get(h).output());
        Waits.until(Duration.ofSeconds(30), "the load balancer to count hub " + h + " UP",
                () -> HaProxy.serverUp(lbStats(), "hubs", "hub-" + h), lb::output);
    }

    private Path lbStats() {
        return dir.resolve("lb.sock");
    }

    /** A client of hub {@code h} itself, past the load balancer. */
    HubClient direct(String h) {
        return new HubClient(URI.create("http://127.0.0.1:" + hubPorts.get(h)), null, Duration.ofSeconds(5),
                Duration.ofSeconds(60), Json.mapper());
    }

    /**
     * Waits until the farm is in its known steady state, which every test leaves it in: both hubs running and
     * counted UP by the balancer, every worker daemon running, its host enabled, connected and registered ready.
     */
    void awaitSteady() {
        hubPorts.keySet().forEach(h -> {
            if (!hubs.get(h).alive()) {
                throw new AssertionError("hub " + h + " is not running:\n" + hubs.get(h).output());
            }
            awaitHub(h);
        });
        hosts.values().forEach(NetNs::restore);
        for (String w : hosts.keySet()) {
            if (!workers.get(w).alive()) {
                throw new AssertionError("worker " + w + " is not running:\n" + workers.get(w).output());
            }
            Waits.until(Duration.ofSeconds(60), w + " to be enabled and ready", () -> {
                var h = http.get("/api/v1/hosts/" + w);
                return h.path("enabled").asBoolean() && h.path("ready").asBoolean();
            }, () -> http.get("/api/v1/hosts/" + w).toString());
        }
    }

    /** Enables or disables every worker host (a disabled host claims nothing). */
    void workersEnabled(boolean enabled) {
        for (String w : hosts.keySet()) {
            Answer a = http.as(token("root")).exchange("PATCH", "/api/v1/hosts/" + w, Map.of("enabled", enabled));
            if (a.status() != 200) {
                throw new AssertionError("PATCH host " + w + ": " + a.status() + " " + a.body());
            }
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<RuntimeException> problems = new ArrayList<>();
        workers.values().forEach(w -> attempt(problems, w::terminate));
        hubs.values().forEach(h -> attempt(problems, h::terminate));
        forwarders.forEach(f -> attempt(problems, f::close));
        if (lb != null) {
            attempt(problems, lb::close);
        }
        attempt(problems, this::removeNetworks);
        attempt(problems, this::keepLogs);
        if (pg != null) {
            attempt(problems, pg::close);
        }
        if (registry != null) {
            attempt(problems, registry::close);
        }
        attempt(problems, () -> FixtureFiles.deleteTree(dir));
        if (!NetNs.noneLeft()) {
            problems.add(new IllegalStateException("a namespace or link of the farm is left: see ip netns list"));
        }
        try {
            Runtime.getRuntime().removeShutdownHook(cleanupHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or ran: nothing to remove
        }
        if (!problems.isEmpty()) {
            throw problems.get(0);
        }
    }

    private void closeOnExit() {
        try {
            close();
        } catch (RuntimeException e) {
            System.err.println("Farm clean-up at exit: " + e.getMessage());
        }
    }

    /** Copies every process's log to target/farm-logs/<dir name>/ (the working directory is removed). */
    private void keepLogs() {
        Path kept = Path.of("target", "farm-logs", dir.getFileName().toString());
        try (var files = Files.list(dir)) {
            Files.createDirectories(kept);
            for (Path log : files.filter(f -> f.toString().endsWith(".log")).toList()) {
                Files.copy(log, kept.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
            if (pg != null) {
                pg.keepLog(kept.resolve("postgres.log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the farm's logs in " + kept, e);
        }
    }

    private void removeNetworks() {
        hosts.values().forEach(NetNs::close);
    }

    private static void attempt(List<RuntimeException> problems, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            problems.add(e);
        }
    }
}
