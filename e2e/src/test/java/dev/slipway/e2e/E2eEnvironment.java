package dev.slipway.e2e;

import dev.slipway.common.error.SlipwayException;
import dev.slipway.testing.rpm.FixtureFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Slipway installation for the end-to-end tests, made once per test run from local material: a registry with
 * the RPM-based base image, a hub process (H2, short leases), two worker daemon processes on the real Docker
 * Engine, and the hub set up with the slipway admin verbs (tags, target, packager alice, hosts w1 and w2).
 */
final class E2eEnvironment extends Installation {
    final int hubPort;
    final Map<String, JavaProcess> workers = new LinkedHashMap<>();
    /** Each worker's status port (/healthz, /metrics). */
    final Map<String, Integer> statusPorts = new LinkedHashMap<>();
    /** The hub and the workers log JSON lines (SLIPWAY_LOG_FORMAT), as an operator shipping logs would run them. */
    static final Map<String, String> JSON_LOGS = Map.of("SLIPWAY_LOG_FORMAT", "json");
    JavaProcess hub;

    private E2eEnvironment(Path dir, int hubPort) {
        super(dir, URI.create("http://127.0.0.1:" + hubPort));
        this.hubPort = hubPort;
    }

    static E2eEnvironment start() {
        E2eEnvironment env = null;
        try {
            env = new E2eEnvironment(Files.createTempDirectory("slipway-e2e-"), freePort());
            env.setUp();
            return env;
        } catch (IOException | RuntimeException e) {
            if (env != null) {
                env.close();
            }
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    private void setUp() throws IOException {
        startRegistry();
        Files.writeString(dir.resolve("hub.yaml"), """
                listen: {host: 127.0.0.1, port: %d}
                data_dir: hub-data
                allowed_scms: ["%s"]
                tasks: {lease_seconds: 5, recheck_ms: 100}
                http: {instances: 1}
                """.formatted(hubPort, distGit.toUri()));
        initAdmin(dir.resolve("hub.yaml"));
        startHub();
        addTagsTargetAndPackager();
        for (String w : List.of("w1", "w2")) {
            addHost(w, 4);
            startWorker(w);
        }
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

    void startWorker(String name) {
        String status = "  status_listen: \"127.0.0.1:%d\"\n".formatted(
                statusPorts.computeIfAbsent(name, n -> freePort()));
        JavaProcess w = launchWorker(name, List.of(), hubUri(), 4, status, JSON_LOGS);
        workers.put(name, w);
        awaitWorker(name, w);
    }

    @Override
    public void close() {
        workers.values().forEach(JavaProcess::terminate);
        if (hub != null) {
            hub.terminate();
        }
        if (registry != null) {
            registry.close();
        }
        FixtureFiles.deleteTree(dir);
    }
}
