package dev.slipway.common.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.slipway.common.api.BuildContainerRequest;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.json.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shared hub client against a stand-in hub on a loopback port. */
class HubClientTest {
    private HttpServer server;
    private final AtomicReference<String> authorization = new AtomicReference<>();
    private final CountDownLatch never = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/buildContainer", x -> {
            authorization.set(x.getRequestHeaders().getFirst("Authorization"));
            answer(x, 201, "application/json", "{\"task_id\": 42}");
        });
        server.createContext("/api/v1/tasks/7", x -> answer(x, 404, "application/json",
                "{\"code\": 10011, \"name\": \"TASK_NOT_FOUND\", \"message\": \"No task 7\"}"));
        server.createContext("/api/v1/tasks/8", x -> answer(x, 502, "text/html", "<html>Bad gateway</html>"));
        server.createContext("/api/v1/tasks/9", x -> answer(x, 200, "application/json", "[1, 2"));
        server.createContext("/api/v1/slow", x -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        never.countDown();
        server.stop(0);
    }

    private HubClient client(String token) {
        return new HubClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), token,
                Duration.ofSeconds(2), Duration.ofSeconds(2), Json.mapper());
    }

    private static void answer(HttpExchange x, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", type);
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    @Test
    void buildContainer_sendsTheBearerToken_andReadsTheTaskId() {
        long id = client("s3cret").buildContainer(new BuildContainerRequest("https://x/foo.git#" + "a".repeat(40),
                "f40-candidate", null, null)).taskId();
        assertEquals(42, id);
        assertEquals("Bearer s3cret", authorization.get());
    }

    @Test
    void task_refusedWithJsonError_throwsTheHubsCodeAndMessage() {
        SlipwayException e = assertThrows(SlipwayException.class, () -> client(null).task(7));
        assertEquals(ErrorCode.TASK_NOT_FOUND, e.code());
        assertEquals("No task 7", e.getMessage());
    }

    @Test
    void task_refusedWithoutJson_isHubProtocol() {
        SlipwayException e = assertThrows(SlipwayException.class, () -> client(null).task(8));
        assertEquals(ErrorCode.HUB_PROTOCOL, e.code());
        assertTrue(e.getMessage().contains("502"), e.getMessage());
    }

    @Test
    void task_answerNotJson_isHubProtocol() {
        assertEquals(ErrorCode.HUB_PROTOCOL, assertThrows(SlipwayException.class, () -> client(null).task(9)).code());
    }

    @Test
    void exchange_refusal_returnsStatusAndBodyWithoutThrowing() {
        Answer a = client(null).exchange("GET", "/api/v1/tasks/7", null);
        assertEquals(404, a.status());
        assertEquals(10011, a.code());
        assertTrue(a.body().contains("No task 7"));
    }

    @Test
    void send_noHubListening_isHubUnreachable() throws IOException {
        int free;
        try (ServerSocket s = new ServerSocket(0)) {
            free = s.getLocalPort();
        }
        HubClient nobody = new HubClient(URI.create("http://127.0.0.1:" + free), null, Json.mapper());
        assertEquals(ErrorCode.HUB_UNREACHABLE, assertThrows(SlipwayException.class,
                () -> nobody.get("/api/v1/tasks")).code());
    }

    @Test
    void send_hubNeverAnswers_endsWithinTheRequestTimeout() {
        long t0 = System.nanoTime();
        SlipwayException e = assertThrows(SlipwayException.class, () -> client(null).get("/api/v1/slow"));
        assertEquals(ErrorCode.HUB_UNREACHABLE, e.code());
        assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(10).toNanos());
    }
}
