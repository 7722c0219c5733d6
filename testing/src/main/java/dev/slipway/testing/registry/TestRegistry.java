package dev.slipway.testing.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real CNCF distribution 2.8 registry ({@code docker-registry serve}) on a free loopback port with throw-away
 * filesystem storage, in one of three {@link AuthMode}s; its access log tells tests which requests a client made.
 * {@link #close()} stops the process and deletes its directory.
 */
public final class TestRegistry implements AutoCloseable {
    public static final String USERNAME = "slipway";
    public static final String TOKEN_SERVICE = "slipway-test-registry";
    public static final String TOKEN_ISSUER = "slipway-test-token-server";

    private final AuthMode mode;
    private final Path dir;
    private final String password;
    private final RegistryProcess process;
    private final TokenServer tokenServer;
    private final AccessLog accessLog;

    private TestRegistry(AuthMode mode, Path dir, String password, RegistryProcess process,
            TokenServer tokenServer, HttpClient http) {
        this.mode = mode;
        this.dir = dir;
        this.password = password;
        this.process = process;
        this.tokenServer = tokenServer;
        this.accessLog = new AccessLog(process.accessLog(), baseUri(), http);
    }

    /** Starts a registry; fails (never skips) when {@code docker-registry} is missing or does not come up. */
    public static TestRegistry start(AuthMode mode) {
        SecureRandom random = new SecureRandom();
        Path dir = null;
        TokenServer tokens = null;
        try {
            dir = Files.createTempDirectory("slipway-registry-");
            String password = "pw-" + randomHex(random, 12);
            if (mode == AuthMode.BASIC) {
                Files.writeString(dir.resolve("htpasswd"), Htpasswd.line(USERNAME, password, random));
            }
            if (mode == AuthMode.TOKEN) {
                tokens = TokenServer.start(TOKEN_SERVICE, TOKEN_ISSUER, Map.of(USERNAME, password));
                Files.writeString(dir.resolve("token-root.pem"), tokens.certificatePem());
            }
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            RegistryProcess process = RegistryProcess.start(dir, mode, tokens, randomHex(random, 16), http);
            return new TestRegistry(mode, dir, password, process, tokens, http);
        } catch (IOException | RuntimeException e) {
            if (tokens != null) {
                tokens.close();
            }
            if (dir != null) {
                RegistryProcess.deleteTree(dir);
            }
            throw e instanceof IOException io ? new UncheckedIOException(
                    "Tried to start a " + mode + " test registry but could not", io) : (RuntimeException) e;
        }
    }

    public AuthMode mode() {
        return mode;
    }

    /** {@code 127.0.0.1:<port>}, the registry part of image references. */
    public String hostPort() {
        return "127.0.0.1:" + process.port();
    }

    public int port() {
        return process.port();
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI baseUri() {
        return URI.create("http://" + hostPort());
    }

    /** The user the BASIC and TOKEN modes accept. */
    public String username() {
        return USERNAME;
    }

    /** That user's password (random per registry). */
    public String password() {
        return password;
    }

    /** True when clients must authenticate. */
    public boolean requiresAuth() {
        return mode != AuthMode.OPEN;
    }

    /** The filesystem storage root ({@code docker/registry/v2/...} below it). */
    public Path storageDir() {
        return RegistryConfigFile.storage(dir);
    }

    /** The raw access log file (Apache combined format). */
    public Path accessLogFile() {
        return process.accessLog();
    }

    /** The registry's own log (errors, auth failures). */
    public Path registryLogFile() {
        return process.registryLog();
    }

    /** The token server of TOKEN mode. */
    public Optional<TokenServer> tokenServer() {
        return Optional.ofNullable(tokenServer);
    }

    /** Every request the registry answered so far, oldest first; use {@code size()} as a mark. */
    public List<AccessLogEntry> requests() {
        return accessLog.entries();
    }

    /** Requests answered after {@code mark} (an earlier {@code requests().size()}). */
    public List<AccessLogEntry> requestsSince(int mark) {
        List<AccessLogEntry> all = requests();
        return all.subList(Math.min(mark, all.size()), all.size());
    }

    /** How many requests used this method on a path (without query) matching the regular expression. */
    public long countRequests(String method, String pathRegex) {
        return requests().stream().filter(e -> e.is(method, pathRegex)).count();
    }

    /** The file holding a blob's bytes in the storage directory, e.g. to tamper with it. */
    public Path blobDataFile(String digest) {
        String[] parts = digest.split(":", 2);
        return storageDir().resolve("docker/registry/v2/blobs").resolve(parts[0])
                .resolve(parts[1].substring(0, 2)).resolve(parts[1]).resolve("data");
    }

    @Override
    public void close() {
        try {
            process.stop();
        } finally {
            if (tokenServer != null) {
                tokenServer.close();
            }
            RegistryProcess.deleteTree(dir);
        }
    }

    @Override
    public String toString() {
        return "TestRegistry[" + mode + " at " + hostPort() + "]";
    }

    private static String randomHex(SecureRandom random, int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
