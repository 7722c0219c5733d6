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
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * One Slipway installation for the end-to-end tests, made once per test run from local material: a registry with
 * the RPM-based base image, a hub process (H2, short leases), two worker daemon processes on the real Docker
 * Engine, and the hub set up with the slipway admin verbs (tags, target, packager alice, hosts w1 and w2).
 */
final class E2eEnvironment implements AutoCloseable {
    static final String TARGET = "f40-container-candidate";
    final Path dir;
    final TestRegistry registry;
    final SampleSource sample;
    final Path distGit;
    final Path mirror;
    final int hubPort;
    final HubClient http;
    final String arch;
    final Map<String, JavaProcess> workers = new LinkedHashMap<>();
    /** Each worker's status port (/healthz, /metrics). */
    final Map<String, Integer> statusPorts = new LinkedHashMap<>();
    /** The hub and the workers log JSON lines (SLIPWAY_LOG_FORMAT), as an operator shipping logs would run them. */
    static final Map<String, String> JSON_LOGS = Map.of("SLIPWAY_LOG_FORMAT", "json");
    JavaProcess hub;

    private E2eEnvironment(Path dir, TestRegistry registry, SampleSource sample, int hubPort, String arch) {
        this.dir = dir;
        this.registry = registry;
        this.sample = sample;
        this.distGit = dir.resolve("dist-git");
        this.mirror = dir.resolve("mirror");
        this.hubPort = hubPort;
        this.http = new HubClient(hubUri(), null, Duration.ofSeconds(5), Duration.ofSeconds(60), Json.mapper());
        this.arch = arch;
    }

    static E2eEnvironment start() {
        TestRegistry registry = TestRegistry.start(AuthMode.OPEN);
        E2eEnvironment env = null;
        try {
            Path dir = Files.createTempDirectory("slipway-e2e-");
            SampleSource sample = SampleSource.create(registry.hostPort(), dir.resolve("sample"));
            String arch = Command.of("/usr/bin/docker", "info", "--format", "{{.Architecture}}").output()
                    .strip();
            env = new E2eEnvironment(dir, registry, sample, freePort(), arch);
            env.setUp();
            return env;
        } catch (IOException | RuntimeException e) {
            if (env != null) {
                env.close();
            } else {
                registry.close();
            }
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    private void setUp() throws IOException {
        Files.createDirectories(distGit);
        Files.writeString(dir.resolve("hub.yaml"), """
                listen: {host: 127.0.0.1, port: %d}
                data_dir: hub-data
                allowed_scms: ["%s"]
                tasks: {lease_seconds: 5, recheck_ms: 100}
                http: {instances: 1}
                """.formatted(hubPort, distGit.toUri()));
        JavaProcess init = new JavaProcess("init-admin", "dev.slipway.hub.HubMain", List.of("init-admin",
                "--config", dir.resolve("hub.yaml").toString(), "--name", "root"), dir.resolve("init.log"), Map.of())
                .start();
        Waits.until(Duration.ofSeconds(60), "init-admin to finish", () -> !init.alive());
        List<String> lines = init.output().lines().filter(l -> l.matches("[A-Za-z0-9_-]{20,}")).toList();
        if (lines.isEmpty()) {
            throw new AssertionError("init-admin printed no token: " + init.output());
        }
        Files.writeString(dir.resolve("root.token"), lines.get(lines.size() - 1));
        startHub();
        admin("add-tag", "f40-container-build", "--arches", arch);
        admin("add-tag", "f40-candidate", "--arches", arch);
        admin("add-target", TARGET, "f40-container-build", "f40-candidate");
        admin("add-user", "alice", "--role", "packager");
        admin("create-token", "--user", "alice", "--out", dir.resolve("alice.token").toString());
        for (String w : List.of("w1", "w2")) {
            admin("add-host", w, arch, "--capacity", "4", "--token-out", dir.resolve(w + ".token").toString());
            startWorker(w);
        }
    }

    /**
     * The logging configuration the module's own jar carries: this classpath holds every module's logback.xml (the
     * CLI's too), and an installed hub or worker sees only its own.
     */
    private static List<String> logging(String module) {
        return List.of("-Dlogback.configurationFile=" + Path.of("..", module, "target", "classes", "logback.xml")
                .toAbsolutePath().normalize());
    }

    URI hubUri() {
        return URI.create("http://127.0.0.1:" + hubPort);
    }

    void startHub() {
        hub = new JavaProcess("hub", logging("hub-plugin"), "dev.slipway.hub.HubMain", List.of("serve", "--config",
                dir.resolve("hub.yaml").toString()), dir.resolve("hub.log"), JSON_LOGS).start();
        Waits.until(Duration.ofSeconds(90), "the hub to answer /healthz", this::hubUp);
    }

    /** The hub answers /healthz: it is listening and its database answers. */
    private boolean hubUp() {
        try {
            return http.exchange("GET", "/healthz", null).status() == 200;
        } catch (SlipwayException unreachable) {
            return false;
        }
    }

    void startWorker(String name) throws IOException {
        Path config = dir.resolve(name + ".yaml");
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
                  capacity: 4
                  mirror: "%s"
                  status_listen: "127.0.0.1:%d"
                """.formatted(distGit.toUri(), registry.hostPort(), dir.resolve("work-" + name), mirror,
                statusPorts.computeIfAbsent(name, n -> freePort())));
        JavaProcess w = new JavaProcess(name, logging("build-worker"), "dev.slipway.worker.cli.WorkerCommand",
                List.of("run", "--hub",
                hubUri().toString(), "--config", config.toString(), "--token-file",
                dir.resolve(name + ".token").toString(), "--name", name), dir.resolve(name + ".log"), JSON_LOGS).start();
        workers.put(name, w);
        Waits.until(Duration.ofSeconds(90), name + " to register ready", () -> {
            JsonNode h = http.get("/api/v1/hosts/" + name);
            return h.path("ready").asBoolean() && h.hasNonNull("last_seen") && w.output().contains("Registered");
        });
    }

    /** A dist-git repository named after the component, with a Dockerfile FROM the base image; returns it. */
    DistGitRepo component(String component, String version, String run) {
        DistGitRepo repo = DistGitRepo.create(distGit, component, "f40");
        repo.commit(Map.of("Dockerfile", dockerfile(component, version, run).getBytes(StandardCharsets.UTF_8)),
                "Import " + component);
        admin("add-pkg", "f40-candidate", component, "--owner", "alice");
        return repo;
    }

    /** A dist-git repository named after the component with this Dockerfile, in the candidate tag; returns it. */
    DistGitRepo componentWithDockerfile(String component, String dockerfile) {
        DistGitRepo repo = DistGitRepo.create(distGit, component, "f40");
        repo.commit(Map.of("Dockerfile", dockerfile.getBytes(StandardCharsets.UTF_8)), "Import " + component);
        admin("add-pkg", "f40-candidate", component, "--owner", "alice");
        return repo;
    }

    String dockerfile(String component, String version, String run) {
        return """
                FROM %s
                LABEL com.redhat.component="%s" name="slipway/%s" version="%s" \\
                      summary="An end-to-end test image" description="Built by Slipway's end-to-end tests." \\
                      io.k8s.description="Test image" license="MIT"
                RUN %s
                CMD ["/bin/sh"]
                """.formatted(sample.parent(), component, component, version, run);
    }

    /** buildContainer as alice; returns the task id. */
    long submit(String src, Map<String, Object> extraOpts) {
        Map<String, Object> opts = new LinkedHashMap<>(Map.of("git_branch", "f40"));
        opts.putAll(extraOpts);
        Answer a = http.as(token("alice")).exchange("POST", "/api/v1/buildContainer",
                Map.of("src", src, "target", TARGET, "opts", opts));
        if (a.status() != 201) {
            throw new AssertionError("buildContainer refused: " + a.status() + " " + a.body());
        }
        return a.json().path("task_id").asLong();
    }

    JsonNode task(long id) {
        return http.get("/api/v1/tasks/" + id);
    }

    /** Waits for the task to reach one of the states; returns it. */
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

    /** What one in-process slipway command printed and returned. */
    record Run(int exit, String out, String err) {
    }

    /** Runs {@code slipway <verb> --hub URL --token-file <who>.token args...} in this JVM. */
    Run slipway(String who, String verb, String... args) {
        List<String> all = new ArrayList<>(List.of(verb, "--hub", hubUri().toString(), "--token-file",
                dir.resolve(who + ".token").toString()));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = SlipwayCommand.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int exit = cmd.execute(all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    private void admin(String verb, String... args) {
        Run r = slipway("root", verb, args);
        if (r.exit() != 0) {
            throw new AssertionError("slipway " + verb + " " + List.of(args) + " failed: " + r.err() + r.out());
        }
    }

    @Override
    public void close() {
        workers.values().forEach(JavaProcess::terminate);
        if (hub != null) {
            hub.terminate();
        }
        registry.close();
        FixtureFiles.deleteTree(dir);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
