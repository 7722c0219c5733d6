package dev.slipway.e2e;

import dev.slipway.common.api.Admin;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.hub.HubClient;
import dev.slipway.common.json.Json;
import dev.slipway.testing.rpm.FixtureFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the dist-git hook's tests need and nothing more: a hub process (H2) without workers, so submitted tasks
 * stay FREE and can be counted; a target; the hook's service users {@code hookbot} (plain token) and
 * {@code signedbot} (whose requests must carry an HMAC signature, {@code hmac_secrets} in hub.yaml); and a
 * directory of bare dist-git repositories.
 */
final class HookHub implements AutoCloseable {
    static final String TARGET = "f40-container-candidate";
    static final String HMAC_SECRET = "signedbot-shared-secret-0123456789";
    final Path dir;
    final Path distGit;
    final int port;
    final HubClient http;
    private JavaProcess hub;
    private String rootToken;

    private HookHub(Path dir, int port) {
        this.dir = dir;
        this.distGit = dir.resolve("dist-git");
        this.port = port;
        this.http = new HubClient(uri(), null, Duration.ofSeconds(5), Duration.ofSeconds(60), Json.mapper());
    }

    static HookHub start() {
        HookHub h = null;
        try {
            h = new HookHub(Files.createTempDirectory("slipway-hook-e2e-"), freePort());
            h.setUp();
            return h;
        } catch (IOException | RuntimeException e) {
            if (h != null) {
                h.close();
            }
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    private void setUp() throws IOException {
        Files.createDirectories(distGit);
        Files.writeString(dir.resolve("signedbot.hmac"), HMAC_SECRET + "\n");
        Files.writeString(dir.resolve("hub.yaml"), """
                listen: {host: 127.0.0.1, port: %d}
                data_dir: hub-data
                allowed_scms: ["%s"]
                http: {instances: 1}
                hmac_secrets: {signedbot: signedbot.hmac}
                """.formatted(port, distGit.toUri()));
        JavaProcess init = new JavaProcess("init-admin", "dev.slipway.hub.HubMain", List.of("init-admin",
                "--config", dir.resolve("hub.yaml").toString(), "--name", "root"), dir.resolve("init.log"), Map.of())
                .start();
        Waits.until(Duration.ofSeconds(60), "init-admin to finish", () -> !init.alive());
        List<String> lines = init.output().lines().filter(l -> l.matches("[A-Za-z0-9_-]{20,}")).toList();
        if (lines.isEmpty()) {
            throw new AssertionError("init-admin printed no token: " + init.output());
        }
        rootToken = lines.get(lines.size() - 1);
        hub = new JavaProcess("hub", "dev.slipway.hub.HubMain", List.of("serve", "--config",
                dir.resolve("hub.yaml").toString()), dir.resolve("hub.log"), Map.of()).start();
        Waits.until(Duration.ofSeconds(90), "the hub to answer /healthz", this::up, hub::output);
        HubClient root = http.as(rootToken);
        root.createTag(new Admin.Tag("f40-container-build", List.of("x86_64"), false));
        root.createTag(new Admin.Tag("f40-candidate", List.of("x86_64"), false));
        root.createTarget(new Admin.Target(TARGET, "f40-container-build", "f40-candidate"));
        for (String user : List.of("hookbot", "signedbot")) {
            root.createUser(new Admin.User(user, List.of("packager"), null));
            Files.writeString(dir.resolve(user + ".token"), root.createToken(new Admin.TokenRequest(user, null,
                    "dist-git hook")).token());
        }
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Adds {@code pkg} to the destination tag's package list, owned by {@code owner}. */
    void addPackage(String pkg, String owner) {
        http.as(rootToken).setPackage("f40-candidate", pkg, new Admin.TagPackage(null, null, owner, false, null));
    }

    /** How many tasks {@code owner} has, in any state. */
    long tasks(String owner) {
        return http.get("/api/v1/tasks?state=all&owner=" + owner + "&limit=1").get("total").asLong();
    }

    private boolean up() {
        try {
            return http.exchange("GET", "/healthz", null).status() == 200;
        } catch (SlipwayException unreachable) {
            return false;
        }
    }

    @Override
    public void close() {
        if (hub != null) {
            hub.terminate();
        }
        FixtureFiles.deleteTree(dir);
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
