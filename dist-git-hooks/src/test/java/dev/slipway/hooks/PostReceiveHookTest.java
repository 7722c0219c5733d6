package dev.slipway.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.slipway.common.hub.HubClient;
import dev.slipway.common.hub.RequestSignature;
import dev.slipway.common.json.Json;
import dev.slipway.testing.distgit.DistGitRepo;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hook in-process against a stand-in hub: what the pusher reads, and what the hub receives. */
class PostReceiveHookTest {
    private static final String SECRET = "hook-secret-0123456789";
    @TempDir
    Path dir;
    private HttpServer server;
    private final AtomicReference<HttpExchange> seen = new AtomicReference<>();
    private final AtomicReference<byte[]> body = new AtomicReference<>();
    private final AtomicInteger count = new AtomicInteger();
    private volatile int status = 201;
    private volatile String answer = "{\"task_id\": 42}";

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/buildContainer", x -> {
            seen.set(x);
            count.incrementAndGet();
            body.set(x.getRequestBody().readAllBytes());
            byte[] b = answer.getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().set("Content-Type", "application/json");
            x.sendResponseHeaders(status, b.length);
            x.getResponseBody().write(b);
            x.close();
        });
        server.createContext("/healthz", x -> {
            x.sendResponseHeaders(200, -1);
            x.close();
        });
        server.start();
        // Load the JDK's HTTP client once, so the hook's deadline measures the exchange, not this JVM's class loading.
        new HubClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), null, Json.mapper())
                .exchange("GET", "/healthz", null);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void answeredPush_printsTheTaskAndItsUrls_andSendsTheKeyAndASignature() throws Exception {
        DistGitRepo repo = repo();
        String sha = repo.head();
        String out = run(repo, sha);
        String src = repo.url() + "#" + sha;
        assertTrue(out.contains("queued container build task 42 of " + src + " for f40-container-candidate"), out);
        String hub = "http://127.0.0.1:" + server.getAddress().getPort();
        assertTrue(out.contains("task: " + hub + "/api/v1/tasks/42 (console: " + hub + "/console/tasks/42)"), out);
        HttpExchange x = seen.get();
        assertEquals(BuildRequest.key(repo.url().toString(), "refs/heads/f40", sha),
                x.getRequestHeaders().getFirst("Idempotency-Key"));
        long at = Long.parseLong(x.getRequestHeaders().getFirst(RequestSignature.TIMESTAMP_HEADER));
        assertTrue(RequestSignature.matches(SECRET.getBytes(StandardCharsets.UTF_8), at, body.get(),
                x.getRequestHeaders().getFirst(RequestSignature.SIGNATURE_HEADER)), "signed over the exact body");
        assertEquals(List.of(), Files.list(dir.resolve("spool/pending")).toList(), "submitted: no longer spooled");
    }

    @Test
    void refusedRequest_isKeptWithTheHubsCodeAsTheReason_andNotRetried() throws Exception {
        status = 401;
        answer = "{\"code\": 10008, \"name\": \"REQUEST_SIGNATURE_INVALID\", \"message\": \"wrong\"}";
        DistGitRepo repo = repo();
        String out = run(repo, repo.head(), 0); // spool only; the flusher meets the refusal
        assertTrue(out.contains("queued, will be submitted"), out);
        Spool spool = Spool.open(dir.resolve("spool"), Json.mapper());
        new Flusher(spool, new HubSubmitter(config(repo, 0), Json.mapper(), Duration.ofSeconds(10),
                Clock.systemUTC())).flush(spool.pending(), r -> { });
        assertEquals(List.of(), spool.pending());
        assertEquals(1, spool.refused().size());
        assertTrue(spool.refused().get(0).reason().startsWith("HTTP 401 REQUEST_SIGNATURE_INVALID (10008)"));
        int requests = count.get();
        new Flusher(spool, new HubSubmitter(config(repo, 0), Json.mapper(), Duration.ofSeconds(10),
                Clock.systemUTC())).flush(spool.pending(), r -> { });
        assertEquals(requests, count.get(), "a refused request is not sent again");
    }

    private DistGitRepo repo() {
        DistGitRepo repo = DistGitRepo.create(dir.resolve("git"), "foo", "f40");
        repo.commit(Map.of("Dockerfile", "FROM scratch\n".getBytes(StandardCharsets.UTF_8)), "Import");
        return repo;
    }

    private HookConfig config(DistGitRepo repo, int deadlineMs) throws IOException {
        Files.writeString(dir.resolve("hook.hmac"), SECRET + "\n");
        return new HookConfig(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), null,
                repo.url().toString().replace("foo.git", "{repo}.git"), Map.of("f40", "f40-container-candidate"), 10,
                dir.resolve("spool"), dir.resolve("hook.hmac"), deadlineMs);
    }

    private String run(DistGitRepo repo, String sha) throws Exception {
        return run(repo, sha, 950);
    }

    private String run(DistGitRepo repo, String sha, int deadlineMs) throws Exception {
        HookConfig config = config(repo, deadlineMs);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        new PostReceiveHook(config, new GitRepository(repo.bare()), out, Clock.systemUTC(), Json.mapper())
                .run(new BufferedReader(new StringReader("0".repeat(40) + " " + sha + " refs/heads/f40\n")));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
