package dev.slipway.release.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import dev.slipway.common.image.Digest;
import dev.slipway.common.image.ImageReference;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LookasideHttpHandlerTest {
    private static final Digest DIGEST = Digest.sha256(new byte[] {1});
    private static final ImageReference IMAGE = ImageReference.parse("registry.example.org/team/app:1.0");

    @TempDir
    Path dir;
    private HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private String base;

    @BeforeEach
    void start() throws IOException {
        Path root = dir.resolve("lookaside");
        new LookasideStore(root).add(IMAGE, DIGEST, "sig-one".getBytes(StandardCharsets.UTF_8));
        Files.writeString(dir.resolve("secret.txt"), "secret");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sigs", new LookasideHttpHandler(new LookasideResolver(root)));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort() + "/sigs/";
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void get_signature_servesItsBytes() throws Exception {
        HttpResponse<String> response = get(base + "team/app@sha256=" + DIGEST.hex() + "/signature-1");

        assertEquals(200, response.statusCode());
        assertEquals("sig-one", response.body());
    }

    @Test
    void get_nextMissingSignature_is404() throws Exception {
        assertEquals(404, get(base + "team/app@sha256=" + DIGEST.hex() + "/signature-2").statusCode());
    }

    @Test
    void get_directory_isNotListed() throws Exception {
        assertEquals(404, get(base + "team/app@sha256=" + DIGEST.hex() + "/").statusCode());
        assertEquals(404, get(base).statusCode());
    }

    @Test
    void get_traversal_isRefused() throws Exception {
        assertEquals(404, raw("GET /sigs/../secret.txt HTTP/1.1"));
        assertEquals(404, raw("GET /sigs/team/..%2F..%2Fsecret.txt HTTP/1.1"));
        assertEquals(404, raw("GET /sigs/team/app@sha256=" + DIGEST.hex() + "/../../../secret.txt HTTP/1.1"));
    }

    @Test
    void put_isMethodNotAllowed() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "team/app@sha256="
                + DIGEST.hex() + "/signature-1")).PUT(HttpRequest.BodyPublishers.ofString("x")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(405, response.statusCode());
        assertEquals("sig-one", Files.readString(dir.resolve("lookaside/team/app@sha256=" + DIGEST.hex()
                + "/signature-1")));
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends a request line exactly as written (HttpClient would normalise dot segments away). */
    private int raw(String requestLine) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.getAddress().getPort())) {
            socket.getOutputStream().write((requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(status.substring(9, 12));
        }
    }
}
