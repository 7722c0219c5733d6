package dev.slipway.testing.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads the registry's access log. The registry writes a line just after answering, so a reader first sends a
 * marker request and waits for its line: every request answered before the marker is then in the file.
 */
final class AccessLog {
    private static final String MARKER = "slipway-access-log-marker=";

    private final Path file;
    private final URI base;
    private final HttpClient http;
    private final AtomicLong markers = new AtomicLong();

    AccessLog(Path file, URI base, HttpClient http) {
        this.file = file;
        this.base = base;
        this.http = http;
    }

    /** Every request so far, oldest first, without the marker requests. */
    List<AccessLogEntry> entries() {
        String marker = MARKER + markers.incrementAndGet();
        try {
            http.send(HttpRequest.newBuilder(base.resolve("/v2/?" + marker)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding());
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!Files.readString(file, StandardCharsets.UTF_8).contains(marker)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The registry never logged the request " + marker + " in " + file);
                }
                Thread.sleep(10);
            }
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .map(AccessLogEntry::parse).flatMap(Optional::stream)
                    .filter(e -> !e.uri().contains(MARKER))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Tried to read the registry access log " + file, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading " + file, e);
        }
    }
}
