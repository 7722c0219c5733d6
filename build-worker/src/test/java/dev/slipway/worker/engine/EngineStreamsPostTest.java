package dev.slipway.worker.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.json.Json;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streamed POST (the build's request) against a real unix socket served by the test. */
class EngineStreamsPostTest {
    @TempDir
    Path dir;

    private ServerSocketChannel server;
    private EngineStreams streams;

    /** What the fake engine saw: the request head, the decoded body, or how reading the body failed. */
    private record Seen(String head, byte[] body, Exception bodyFailure) {
    }

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        if (streams != null) {
            streams.close();
        }
    }

    /** Serves one connection: reads the head, the chunked body when {@code readBody}, then writes {@code answer}. */
    private CompletableFuture<Seen> serving(boolean readBody, String answer) throws IOException {
        Path socket = dir.resolve("engine.sock");
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        streams = new EngineStreams(socket, Duration.ofSeconds(5), Json.mapper());
        return CompletableFuture.supplyAsync(() -> {
            try (SocketChannel client = server.accept()) {
                InputStream in = new BufferedInputStream(Channels.newInputStream(client));
                ByteArrayOutputStream head = new ByteArrayOutputStream();
                while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                    int b = in.read();
                    if (b < 0) {
                        break;
                    }
                    head.write(b);
                }
                byte[] body = null;
                Exception failure = null;
                if (readBody) {
                    try {
                        body = new ChunkedBody(in).readAllBytes();
                    } catch (IOException e) {
                        failure = e;
                    }
                }
                if (answer != null) {
                    ByteBuffer out = ByteBuffer.wrap(answer.getBytes(StandardCharsets.ISO_8859_1));
                    while (out.hasRemaining()) {
                        client.write(out);
                    }
                }
                return new Seen(head.toString(StandardCharsets.ISO_8859_1), body, failure);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void post_streamsTheBodyInChunks_andReturnsTheAnswer() throws Exception {
        byte[] payload = new byte[600 * 1024 + 17];
        new Random(7).nextBytes(payload);
        CompletableFuture<Seen> seen = serving(true, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "3\r\nok\n\r\n0\r\n\r\n");
        try (InputStream answer = streams.post("/v1.41/build?t=x", "application/x-tar", out -> out.write(payload),
                "build x", ErrorCode.ENGINE_BUILD_FAILED)) {
            assertEquals("ok\n", new String(answer.readAllBytes(), StandardCharsets.UTF_8));
        }
        Seen request = seen.get(10, TimeUnit.SECONDS);
        assertTrue(request.head().startsWith("POST /v1.41/build?t=x HTTP/1.1\r\n"), request.head());
        assertTrue(request.head().contains("Content-Type: application/x-tar\r\n"), request.head());
        assertTrue(request.head().contains("Transfer-Encoding: chunked\r\n"), request.head());
        assertArrayEquals(payload, request.body());
    }

    @Test
    void post_refusedByTheEngine_isTheGivenCodeWithTheEnginesMessage() throws Exception {
        serving(true, "HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: 38\r\n\r\n"
                + "{\"message\":\"invalid reference format\"}");
        SlipwayException e = assertThrows(SlipwayException.class, () -> streams.post("/v1.41/build?t=BAD",
                "application/x-tar", out -> out.write(new byte[1024]), "build BAD", ErrorCode.ENGINE_BUILD_FAILED));
        assertEquals(ErrorCode.ENGINE_BUILD_FAILED, e.code());
        assertTrue(e.getMessage().contains("400") && e.getMessage().contains("invalid reference format"),
                e.getMessage());
    }

    @Test
    void post_answeredBeforeTheBodyIsRead_isStillTheEnginesAnswer() throws Exception {
        serving(false, "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 27\r\n\r\n"
                + "{\"message\":\"no space left\"}");
        SlipwayException e = assertThrows(SlipwayException.class, () -> streams.post("/v1.41/build",
                "application/x-tar", out -> out.write(new byte[16 * 1024 * 1024]), "build big",
                ErrorCode.ENGINE_BUILD_FAILED));
        assertEquals(ErrorCode.ENGINE_BUILD_FAILED, e.code(), e::getMessage);
        assertTrue(e.getMessage().contains("no space left"), e.getMessage());
    }

    @Test
    void aBodyThatFailsHalfWay_isNeverEndedAsIfItWereWhole() throws Exception {
        CompletableFuture<Seen> seen = serving(true, null);
        SlipwayException e = assertThrows(SlipwayException.class, () -> streams.post("/v1.41/build",
                "application/x-tar", out -> {
                    out.write(new byte[300 * 1024]);
                    throw new SlipwayException(ErrorCode.BUILD_CONTEXT_INVALID, "a context file vanished");
                }, "build x", ErrorCode.ENGINE_BUILD_FAILED));
        assertEquals(ErrorCode.BUILD_CONTEXT_INVALID, e.code());
        Seen request = seen.get(10, TimeUnit.SECONDS);
        assertTrue(request.bodyFailure() instanceof IOException, () -> "the engine saw a whole body: " + request);
    }
}
