package dev.slipway.worker.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.json.Json;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export client against a real unix socket served by the test: answers, engine errors, timeouts, cuts. */
class EngineStreamsTest {
    private static final Duration IDLE = Duration.ofMillis(300);

    @TempDir
    Path dir;

    private ServerSocketChannel server;
    private EngineStreams streams;
    private final AtomicReference<String> request = new AtomicReference<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() throws IOException {
        release.countDown();
        if (server != null) {
            server.close();
        }
        if (streams != null) {
            streams.close();
        }
    }

    /** Serves one connection: reads the request, writes {@code parts} in order, pausing where a part is null. */
    private EngineStreams serving(String... parts) throws IOException {
        Path socket = dir.resolve("engine.sock");
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Thread t = new Thread(() -> {
            try (SocketChannel client = server.accept()) {
                StringBuilder seen = new StringBuilder();
                ByteBuffer in = ByteBuffer.allocate(4096);
                while (!seen.toString().contains("\r\n\r\n") && client.read(in) > 0) {
                    seen.append(new String(in.array(), 0, in.position(), StandardCharsets.ISO_8859_1));
                    in.clear();
                }
                request.set(seen.toString());
                for (String part : parts) {
                    if (part == null) {
                        release.await(10, TimeUnit.SECONDS);
                        continue;
                    }
                    ByteBuffer out = ByteBuffer.wrap(part.getBytes(StandardCharsets.ISO_8859_1));
                    while (out.hasRemaining()) {
                        client.write(out);
                    }
                }
            } catch (IOException | InterruptedException e) {
                // The client went away first: what the test checks happened on its side.
            }
        }, "fake-engine");
        t.setDaemon(true);
        t.start();
        return streams(socket, IDLE);
    }

    private EngineStreams streams(Path socket, Duration idle) {
        streams = new EngineStreams(socket, idle, Json.mapper());
        return streams;
    }

    @Test
    void chunkedAnswer_isTheBody_andTheRequestNamesThePath() throws Exception {
        EngineStreams streams = serving("HTTP/1.1 200 OK\r\nContent-Type: application/x-tar\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n3\r\ntar\r\n4\r\nball\r\n0\r\n\r\n");
        try (InputStream body = streams.get("/v1.41/images/a/b:1/get", "save image a/b:1")) {
            assertEquals("tarball", new String(body.readAllBytes(), StandardCharsets.US_ASCII));
        }
        assertTrue(request.get().startsWith("GET /v1.41/images/a/b:1/get HTTP/1.1\r\n"), request.get());
        assertTrue(request.get().contains("\r\nHost: "), request.get());
    }

    @Test
    void sizedAnswer_isTheBody() throws Exception {
        EngineStreams streams = serving("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello");
        try (InputStream body = streams.get("/x", "save image x")) {
            assertEquals("hello", new String(body.readAllBytes(), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void engineError_carriesTheEnginesMessage() throws Exception {
        String json = "{\"message\":\"reference does not exist\"}";
        EngineStreams streams = serving("HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: "
                + json.length() + "\r\n\r\n" + json);
        SlipwayException e = assertThrows(SlipwayException.class, () -> streams.get("/x", "save image nope:1"));
        assertEquals(ErrorCode.ENGINE_ERROR, e.code());
        assertTrue(e.getMessage().contains("save image nope:1") && e.getMessage().contains("404")
                && e.getMessage().contains("reference does not exist"), e.getMessage());
    }

    @Test
    void noEngineOnTheSocket_isUnreachable() {
        EngineStreams streams = streams(dir.resolve("missing.sock"), IDLE);
        SlipwayException e = assertThrows(SlipwayException.class, () -> streams.get("/x", "save image x"));
        assertEquals(ErrorCode.ENGINE_UNREACHABLE, e.code());
        assertTrue(e.getMessage().contains("missing.sock"), e.getMessage());
    }

    @Test
    void engineSilentBeforeItsAnswer_timesOut() throws Exception {
        EngineStreams streams = serving((String) null);
        SlipwayException e = assertThrows(SlipwayException.class, () -> streams.get("/x", "save image x"));
        assertEquals(ErrorCode.ENGINE_TIMEOUT, e.code());
    }

    @Test
    void engineStallingInsideTheBody_failsTheReadAfterTheIdleTimeout() throws Exception {
        EngineStreams streams = serving("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n", null);
        try (InputStream body = streams.get("/x", "save image x")) {
            assertEquals(3, body.read(new byte[10]));
            assertThrows(SocketTimeoutException.class, body::read);
        }
    }

    @Test
    void connectionCutInsideTheBody_isAnEof() throws Exception {
        EngineStreams streams = serving("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n8000\r\nabc");
        try (InputStream body = streams.get("/x", "save image x")) {
            assertThrows(EOFException.class, body::readAllBytes);
        }
    }

    @Test
    void connectionCutBeforeTheAnswer_isUnreachable() throws Exception {
        EngineStreams streams = serving("HTTP/1.1 200 OK\r\nTransfer-");
        SlipwayException e = assertThrows(SlipwayException.class, () -> streams.get("/x", "save image x"));
        assertEquals(ErrorCode.ENGINE_UNREACHABLE, e.code());
    }

    @Test
    void notHttp_isRefused() throws Exception {
        EngineStreams streams = serving("SSH-2.0-OpenSSH\r\n\r\n");
        SlipwayException e = assertThrows(SlipwayException.class, () -> streams.get("/x", "save image x"));
        assertEquals(ErrorCode.ENGINE_UNREACHABLE, e.code());
        assertTrue(e.getMessage().contains("HTTP/1.1"), e.getMessage());
    }

    @Test
    void interruptWhileTheEnginePrepares_endsTheCallAtOnce() throws Exception {
        serving((String) null).close();
        EngineStreams slow = streams(dir.resolve("engine.sock"), Duration.ofMinutes(5));
        AtomicReference<Thread> caller = new AtomicReference<>();
        CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
            caller.set(Thread.currentThread());
            try {
                slow.get("/x", "save image x").close();
                return null;
            } catch (Exception e) {
                return e;
            }
        });
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (request.get() == null && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        caller.get().interrupt();
        Throwable thrown = outcome.get(5, TimeUnit.SECONDS);
        assertTrue(thrown instanceof InterruptedException, String.valueOf(thrown));
    }
}
