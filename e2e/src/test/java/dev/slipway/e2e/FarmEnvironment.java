package dev.slipway.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.cli.SlipwayCommand;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.hub.Answer;
import dev.slipway.common.hub.HubClient;
import dev.slipway.common.json.Json;
import dev.slipway.common.process.Command;
import dev.slipway.testing.distgit.DistGitRepo;
import dev.slipway.testing.registry.AuthMode;
import dev.slipway.testing.registry.TestRegistry;
import dev.slipway.testing.rpm.FixtureFiles;
import dev.slipway.testing.sample.SampleSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * A build farm on one machine: a throw-away PostgreSQL, two hub processes on it behind HAProxy, and three worker
 * daemons, each in its own network namespace that reaches the load balancer and the registry only over its veth
 * link (an in-namespace forwarder gives the registry its usual 127.0.0.1 address, which the host's Docker Engine
 * uses too). Short leases so faults resolve fast. {@link #close()} removes every process, namespace and link it
 * made, also after a failed start.
 */
final class FarmEnvironment implements AutoCloseable {
    static final String TARGET = "f40-container-candidate";
    static final int LEASE_SECONDS = 6;
    final Path dir;
    final Path distGit;
    final String arch;
    final Map<String, Integer> hubPorts = new LinkedHashMap<>();
    final Map<String, JavaProcess> hubs = new LinkedHashMap<>();
    final Map<String, JavaProcess> workers = new LinkedHashMap<>();
    final Map<String, NetNs> hosts = new LinkedHashMap<>();
    final List<HaProxy> forwarders = new ArrayList<>();
    final int lbPort;
    TestRegistry registry;
    SampleSource sample;
    Postgres pg;
    HaProxy lb;
    HubClient http;
    private final Thread cleanupHook = new Thread(this::removeNetworks, "farm-netns-cleanup");

    private FarmEnvironment(Path dir, String arch) {
        this.dir = dir;
        this.distGit = dir.resolve("dist-git");
        this.arch = arch;
        this.lbPort = freePort();
    }

    static FarmEnvironment start(int workerCount) {
        FarmEnvironment env = null;
        try {
            String arch = Command.of("/usr/bin/docker", "info", "--format", "{{.Architecture}}").output().strip();
            env = new FarmEnvironment(Files.createTempDirectory("slipway-farm-"), arch);
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
        registry = TestRegistry.start(AuthMode.OPEN);
        sample = SampleSource.create(registry.hostPort(), dir.resolve("sample"));
        Files.createDirectories(distGit);
        pg = Postgres.start();
        List<String> binds = new ArrayList<>(List.of("127.0.0.1"));
        for (int i = 1; i <= workerCount; i++) {
            NetNs ns = NetNs.create(i);
            hosts.put("w" + i, ns);
            binds.add(ns.gateway());
        }
        for (String h : List.of("a", "b")) {
            hubPorts.put(h, freePort());
            writeHubConfig(h);
        }
        Map<String, Integer> servers = new LinkedHashMap<>();
        hubPorts.forEach((h, port) -> servers.put("hub-" + h, port));
        lb = HaProxy.start(dir, "lb", List.of(), HaProxy.balancerConfig(lbStats(), binds, lbPort, servers,
                registry.port()));
        for (NetNs ns : hosts.values()) {
            forwarders.add(HaProxy.start(dir, "fwd-" + ns.name(), ns.exec(),
                    HaProxy.forwarderConfig(ns.gateway(), List.of(registry.port()))));
        }
        http = new HubClient(URI.create("http://127.0.0.1:" + lbPort), null, Duration.ofSeconds(5),
                Duration.ofSeconds(60), Json.mapper());
        JavaProcess init = new JavaProcess("init-admin", "dev.slipway.hub.HubMain", List.of("init-admin",
                "--config", dir.resolve("hub-a.yaml").toString(), "--name", "root"), dir.resolve("init.log"), Map.of())
                .start();
        Waits.until(Duration.ofSeconds(90), "init-admin to finish", () -> !init.alive());
        List<String> lines = init.output().lines().filter(l -> l.matches("[A-Za-z0-9_-]{20,}")).toList();
        if (lines.isEmpty()) {
            throw new AssertionError("init-admin printed no token: " + init.output());
        }
        Files.writeString(dir.resolve("root.token"), lines.get(lines.size() - 1));
        hubPorts.keySet().forEach(this::launchHub);
        hubPorts.keySet().forEach(this::awaitHub);
        admin("add-tag", "f40-container-build", "--arches", arch);
        admin("add-tag", "f40-candidate", "--arches", arch);
        admin("add-target", TARGET, "f40-container-build", "f40-candidate");
        admin("add-user", "alice", "--role", "packager");
        admin("create-token", "--user", "alice", "--out", dir.resolve("alice.token").toString());
        for (String w : hosts.keySet()) {
            admin("add-host", w, arch, "--capacity", "2", "--token-out", dir.resolve(w + ".token").toString());
            launchWorker(w);
        }
        hosts.keySet().forEach(this::awaitWorker);
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
        hubs.put(h, new JavaProcess("hub-" + h, "dev.slipway.hub.HubMain", List.of("serve", "--config",
                dir.resolve("hub-" + h + ".yaml").toString()), dir.resolve("hub-" + h + ".log"), Map.of()).start());
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

    private void launchWorker(String name) {
        NetNs ns = hosts.get(name);
        Path config = dir.resolve(name + ".yaml");
        try {
            Files.writeString(config, """
                    allowed_scms: ["%s"]
                    site:
                      vendor: "Slipway Test Team"
                      url_format: "https://images.slipway.invalid/{name}/{version}-{release}"
                      authoritative_source_url: "registry.slipway.invalid"
                      distribution_scope: public
                      bug_tracker_url: "https://bugs.slipway.invalid/{component}"
                      support_disclaimer: "Test image; no support promised."
                      licenses: "MIT"
                    registries:
                      - uri: "http://%s"
                    work_dir: "%s"
                    daemon:
                      channels: [container]
                      capacity: 2
                      mirror: "%s"
                    """.formatted(distGit.toUri(), registry.hostPort(), dir.resolve("work-" + name),
                    dir.resolve("mirror")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        workers.put(name, new JavaProcess(name, ns.exec(), List.of(), "dev.slipway.worker.cli.WorkerCommand", List.of("run",
                "--hub", "http://" + ns.gateway() + ":" + lbPort, "--config", config.toString(), "--token-file",
                dir.resolve(name + ".token").toString(), "--name", name), dir.resolve(name + ".log"), Map.of())
                .start());
    }

    private void awaitWorker(String name) {
        JavaProcess w = workers.get(name);
        Waits.until(Duration.ofSeconds(120), name + " to register ready", () -> {
            JsonNode h = http.get("/api/v1/hosts/" + name);
            return h.path("ready").asBoolean() && h.hasNonNull("last_seen") && w.output().contains("Registered");
        }, w::output);
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

    /** A dist-git repository named after the component, with a Dockerfile FROM the base image. */
    DistGitRepo component(String component, String version, String run) {
        DistGitRepo repo = DistGitRepo.create(distGit, component, "f40");
        repo.commit(Map.of("Dockerfile", ("""
                FROM %s
                LABEL com.redhat.component="%s" name="slipway/%s" version="%s" \\
                      summary="A farm test image" description="Built by Slipway's farm tests." \\
                      io.k8s.description="Test image" license="MIT"
                RUN %s
                CMD ["/bin/sh"]
                """.formatted(sample.parent(), component, component, version, run))
                .getBytes(StandardCharsets.UTF_8)), "Import " + component);
        admin("add-pkg", "f40-candidate", component, "--owner", "alice");
        return repo;
    }

    /** buildContainer as alice through the load balancer; returns the task id. */
    long submit(String src, Map<String, Object> extraOpts) {
        Answer a = http.as(token("alice")).exchange("POST", "/api/v1/buildContainer", request(src, extraOpts));
        if (a.status() != 201) {
            throw new AssertionError("buildContainer refused: " + a.status() + " " + a.body());
        }
        return a.json().path("task_id").asLong();
    }

    static Map<String, Object> request(String src, Map<String, Object> extraOpts) {
        Map<String, Object> opts = new LinkedHashMap<>(Map.of("git_branch", "f40"));
        opts.putAll(extraOpts);
        return Map.of("src", src, "target", TARGET, "opts", opts);
    }

    JsonNode task(long id) {
        return http.get("/api/v1/tasks/" + id);
    }

    JsonNode awaitTask(long id, Duration timeout, String... states) {
        List<String> wanted = List.of(states);
        JsonNode[] last = new JsonNode[1];
        Waits.until(timeout, "task " + id + " to become " + wanted, () -> {
            last[0] = task(id);
            return wanted.contains(last[0].path("state").asText());
        }, () -> "last seen " + last[0] + "\nlog:\n" + log(id));
        return last[0];
    }

    String log(long id) {
        return http.exchange("GET", "/api/v1/tasks/" + id + "/log", null).body();
    }

    String token(String who) {
        try {
            return Files.readString(dir.resolve(who + ".token")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a {@code slipway} admin verb as root through the load balancer; fails the test if it fails. */
    void slipwayAdmin(String verb, String... args) {
        admin(verb, args);
    }

    private void admin(String verb, String... args) {
        List<String> all = new ArrayList<>(List.of(verb, "--hub", "http://127.0.0.1:" + lbPort, "--token-file",
                dir.resolve("root.token").toString()));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        CommandLine cmd = new CommandLine(new SlipwayCommand());
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(out, true));
        if (cmd.execute(all.toArray(String[]::new)) != 0) {
            throw new AssertionError("slipway " + verb + " " + List.of(args) + " failed: " + out);
        }
    }

    @Override
    public void close() {
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
        try {
            Runtime.getRuntime().removeShutdownHook(cleanupHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or ran: nothing to remove
        }
        if (!problems.isEmpty()) {
            throw problems.get(0);
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

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
