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
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The {@code docker-registry serve} child process: started on a free port (a new one when another process takes
 * it first), ready once {@code GET /v2/} answers, stopped by its own handle only, and on JVM exit at the latest.
 */
final class RegistryProcess {
    private static final int PORT_ATTEMPTS = 5;
    private static final Duration STARTUP = Duration.ofSeconds(20);

    private final Process process;
    private final int port;
    private final Path accessLog;
    private final Path registryLog;
    private final Thread shutdownHook;

    private RegistryProcess(Process process, int port, Path accessLog, Path registryLog) {
        this.process = process;
        this.port = port;
        this.accessLog = accessLog;
        this.registryLog = registryLog;
        this.shutdownHook = new Thread(process::destroyForcibly, "slipway-registry-" + port + "-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    static RegistryProcess start(Path dir, AuthMode mode, TokenServer tokens, String secret, HttpClient http)
            throws IOException {
        Path accessLog = dir.resolve("access.log");
        Path registryLog = dir.resolve("registry.log");
        String lastLog = "";
        for (int attempt = 1; attempt <= PORT_ATTEMPTS; attempt++) {
            int port = FreePorts.find();
            Path config = RegistryConfigFile.write(dir, port, secret, mode, tokens);
            Process process;
            try {
                process = new ProcessBuilder("docker-registry", "serve", config.toString())
                        .redirectOutput(accessLog.toFile()) // distribution writes its access log to stdout
                        .redirectError(registryLog.toFile())
                        .start();
            } catch (IOException e) {
                throw new IOException("Tried to run docker-registry but could not; install the Debian package"
                        + " docker-registry (apt-get install --no-install-recommends docker-registry)", e);
            }
            if (awaitReady(process, port, http)) {
                return new RegistryProcess(process, port, accessLog, registryLog);
            }
            stop(process);
            lastLog = Files.readString(registryLog, StandardCharsets.UTF_8);
            if (!lastLog.contains("address already in use")) {
                break;
            }
        }
        throw new IllegalStateException("Tried to start docker-registry in " + dir + " but it did not answer"
                + " GET /v2/ within " + STARTUP.toSeconds() + " s; its log ends with:\n" + tail(lastLog));
    }

    int port() {
        return port;
    }

    Path accessLog() {
        return accessLog;
    }

    Path registryLog() {
        return registryLog;
    }

    void stop() {
        stop(process);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs anyway
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Tried to delete " + dir + " but could not", e);
        }
    }

    private static boolean awaitReady(Process process, int port, HttpClient http) {
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (process.isAlive() && System.nanoTime() < deadline) {
            try {
                int status = http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200 || status == 401) {
                    return true;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String tail(String log) {
        return log.length() > 2000 ? log.substring(log.length() - 2000) : log;
    }
}
