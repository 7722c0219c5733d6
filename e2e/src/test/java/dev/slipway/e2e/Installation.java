package dev.slipway.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.cli.SlipwayCommand;
import dev.slipway.common.hub.Answer;
import dev.slipway.common.hub.HubClient;
import dev.slipway.common.json.Json;
import dev.slipway.common.process.Command;
import dev.slipway.testing.distgit.DistGitRepo;
import dev.slipway.testing.registry.AuthMode;
import dev.slipway.testing.registry.TestRegistry;
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

/**
 * What every end-to-end installation shares, whatever its shape (one hub, or a farm behind a load balancer): the
 * registry with the RPM-based base image, the dist-git root, the hub's first admin and its set-up with the slipway
 * admin verbs (tags, target, packager alice, hosts), worker daemon processes, and the calls tests make through
 * {@link #hubUri()}. The one place where the tests set up Slipway's processes.
 */
abstract class Installation implements AutoCloseable {
    static final String TARGET = "f40-container-candidate";
    final Path dir;
    final Path distGit;
    final Path mirror;
    final String arch;
    final HubClient http;
    private final URI hubUri;
    TestRegistry registry;
    SampleSource sample;

    Installation(Path dir, URI hubUri) {
        this.dir = dir;
        this.distGit = dir.resolve("dist-git");
        this.mirror = dir.resolve("mirror");
        this.arch = Command.of("/usr/bin/docker", "info", "--format", "{{.Architecture}}").output().strip();
        this.hubUri = hubUri;
        this.http = new HubClient(hubUri, null, Duration.ofSeconds(5), Duration.ofSeconds(60), Json.mapper());
    }

    /** Where clients, the CLI and workers reach the hub (a hub itself, or the load balancer). */
    URI hubUri() {
        return hubUri;
    }

    /** Starts the registry and puts the base image into it. */
    void startRegistry() throws IOException {
        registry = TestRegistry.start(AuthMode.OPEN);
        sample = SampleSource.create(registry.hostPort(), dir.resolve("sample"));
        Files.createDirectories(distGit);
    }

    /** Runs {@code slipway-hub init-admin} with {@code hubConfig} (migrating the database); keeps root's token. */
    void initAdmin(Path hubConfig) throws IOException {
        JavaProcess init = new JavaProcess("init-admin", "dev.slipway.hub.HubMain", List.of("init-admin",
                "--config", hubConfig.toString(), "--name", "root"), dir.resolve("init.log"), Map.of()).start();
        Waits.until(Duration.ofSeconds(90), "init-admin to finish", () -> !init.alive(), init::output);
        List<String> lines = init.output().lines().filter(l -> l.matches("[A-Za-z0-9_-]{20,}")).toList();
        if (lines.isEmpty()) {
            throw new AssertionError("init-admin printed no token: " + init.output());
        }
        Files.writeString(dir.resolve("root.token"), lines.get(lines.size() - 1));
    }

    /** The tags, the target and the packager alice (with a token) every test builds with. */
    void addTagsTargetAndPackager() {
        admin("add-tag", "f40-container-build", "--arches", arch);
        admin("add-tag", "f40-candidate", "--arches", arch);
        admin("add-target", TARGET, "f40-container-build", "f40-candidate");
        admin("add-user", "alice", "--role", "packager");
        admin("create-token", "--user", "alice", "--out", dir.resolve("alice.token").toString());
    }

    /** Registers build host {@code name} with the hub; its token goes to {@code <name>.token}. */
    void addHost(String name, int capacity) {
        admin("add-host", name, arch, "--capacity", String.valueOf(capacity), "--token-out",
                dir.resolve(name + ".token").toString());
    }

    /**
     * Starts the worker daemon of host {@code name} (through {@code prefix}, e.g. into a network namespace), with
     * {@code daemonExtra} lines appended to its {@code daemon:} section; does not wait for it.
     */
    JavaProcess launchWorker(String name, List<String> prefix, URI hub, int capacity, String daemonExtra,
            Map<String, String> env) {
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
                      capacity: %d
                      mirror: "%s"
                    """.formatted(distGit.toUri(), registry.hostPort(), dir.resolve("work-" + name), capacity,
                    mirror) + daemonExtra);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new JavaProcess(name, prefix, logging("build-worker"), "dev.slipway.worker.cli.WorkerCommand",
                List.of("run", "--hub", hub.toString(), "--config", config.toString(), "--token-file",
                        dir.resolve(name + ".token").toString(), "--name", name), dir.resolve(name + ".log"), env)
                .start();
    }

    /** Waits until worker {@code name} registered ready with the hub. */
    void awaitWorker(String name, JavaProcess w) {
        Waits.until(Duration.ofSeconds(120), name + " to register ready", () -> {
            JsonNode h = http.get("/api/v1/hosts/" + name);
            return h.path("ready").asBoolean() && h.hasNonNull("last_seen") && w.output().contains("Registered");
        }, w::output);
    }

    /**
     * The logging configuration the module's own jar carries: this classpath holds every module's logback.xml (the
     * CLI's too), and an installed hub or worker sees only its own.
     */
    static List<String> logging(String module) {
        return List.of("-Dlogback.configurationFile=" + Path.of("..", module, "target", "classes", "logback.xml")
                .toAbsolutePath().normalize());
    }

    /** A dist-git repository named after the component, with a Dockerfile FROM the base image; returns it. */
    DistGitRepo component(String component, String version, String run) {
        return componentWithDockerfile(component, dockerfile(component, version, run));
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
        Answer a = http.as(token("alice")).exchange("POST", "/api/v1/buildContainer", request(src, extraOpts));
        if (a.status() != 201) {
            throw new AssertionError("buildContainer refused: " + a.status() + " " + a.body());
        }
        return a.json().path("task_id").asLong();
    }

    /** The body of a buildContainer call for {@code src} into the test target. */
    static Map<String, Object> request(String src, Map<String, Object> extraOpts) {
        Map<String, Object> opts = new LinkedHashMap<>(Map.of("git_branch", "f40"));
        opts.putAll(extraOpts);
        return Map.of("src", src, "target", TARGET, "opts", opts);
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
        var cmd = SlipwayCommand.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int exit = cmd.execute(all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    /** Runs a {@code slipway} admin verb as root; fails the test if it fails. */
    void admin(String verb, String... args) {
        Run r = slipway("root", verb, args);
        if (r.exit() != 0) {
            throw new AssertionError("slipway " + verb + " " + List.of(args) + " failed: " + r.err() + r.out());
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
