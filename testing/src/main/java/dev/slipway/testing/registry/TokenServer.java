package dev.slipway.testing.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal Docker-style token server for {@link TestRegistry}'s TOKEN mode: {@code GET /token?service=&scope=}
 * with Basic credentials grants every requested action to a known user, nothing to anonymous callers, and 401 to
 * wrong credentials; tokens are JWTs the registry verifies against {@link #certificatePem()}.
 *
 * @see <a href="https://distribution.github.io/distribution/spec/auth/jwt/">token implementation</a>
 */
public final class TokenServer implements AutoCloseable {
    private static final long LIFETIME_SECONDS = 300;

    private final HttpServer server;
    private final String service;
    private final String issuer;
    private final Map<String, String> users;
    private final JwtIssuer jwt;
    private final ObjectMapper json;
    private final SecureRandom random;
    private final List<TokenRequest> requests = new CopyOnWriteArrayList<>();

    private TokenServer(HttpServer server, String service, String issuer, Map<String, String> users,
            ObjectMapper json, SecureRandom random) {
        this.server = server;
        this.service = service;
        this.issuer = issuer;
        this.users = Map.copyOf(users);
        this.json = json;
        this.random = random;
        this.jwt = new JwtIssuer(json, random);
        server.createContext("/token", this::handle);
        server.start();
    }

    /** Starts on a free loopback port. */
    public static TokenServer start(String service, String issuer, Map<String, String> users) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            return new TokenServer(server, service, issuer, users, new ObjectMapper(), new SecureRandom());
        } catch (IOException e) {
            throw new UncheckedIOException("Tried to start a token server on loopback but could not", e);
        }
    }

    /** The URL registries send clients to ({@code auth.token.realm}). */
    public String realm() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    public String service() {
        return service;
    }

    public String issuer() {
        return issuer;
    }

    /** The certificate the registry trusts ({@code auth.token.rootcertbundle}). */
    public String certificatePem() {
        return jwt.certificatePem();
    }

    /** Every request answered so far, oldest first. */
    public List<TokenRequest> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            Map<String, List<String>> query = query(exchange.getRequestURI().getRawQuery());
            List<String> scopes = new ArrayList<>();
            query.getOrDefault("scope", List.of()).forEach(s -> scopes.addAll(List.of(s.trim().split("\\s+"))));
            scopes.removeIf(String::isEmpty);
            String requestedService = query.getOrDefault("service", List.of("")).get(0);
            String user = authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
            if (user == null) {
                answer(exchange, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"bad credentials\"}]}");
            } else if (!service.equals(requestedService)) {
                answer(exchange, 400, "{\"errors\":[{\"code\":\"UNSUPPORTED\",\"message\":\"unknown service\"}]}");
            } else {
                answer(exchange, 200, json.writeValueAsString(tokenResponse(user, scopes)));
            }
            requests.add(new TokenRequest(user == null ? "?" : user, requestedService, scopes,
                    exchange.getResponseCode()));
        } finally {
            exchange.close();
        }
    }

    /** The user name, "" for anonymous, null for wrong credentials. */
    private String authenticate(String authorization) {
        if (authorization == null) {
            return "";
        }
        if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        String user = colon > 0 ? decoded.substring(0, colon) : "";
        String expected = users.get(user);
        boolean ok = expected != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8));
        return ok ? user : null;
    }

    private Map<String, Object> tokenResponse(String user, List<String> scopes) {
        List<Map<String, Object>> access = new ArrayList<>();
        if (!user.isEmpty()) {
            for (String scope : scopes) {
                // type:name:actions, where the name may itself hold a ':port'.
                int first = scope.indexOf(':');
                int last = scope.lastIndexOf(':');
                if (first > 0 && last > first) {
                    access.add(Map.of("type", scope.substring(0, first), "name", scope.substring(first + 1, last),
                            "actions", List.of(scope.substring(last + 1).split(","))));
                }
            }
        }
        long now = Instant.now().getEpochSecond();
        byte[] id = new byte[16];
        random.nextBytes(id);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", user);
        claims.put("aud", service);
        claims.put("exp", now + LIFETIME_SECONDS);
        claims.put("nbf", now - 60);
        claims.put("iat", now);
        claims.put("jti", HexFormat.of().formatHex(id));
        claims.put("access", access);
        String token = jwt.sign(claims);
        return Map.of("token", token, "access_token", token, "expires_in", LIFETIME_SECONDS,
                "issued_at", Instant.ofEpochSecond(now).toString());
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq >= 0 ? pair.substring(0, eq) : pair, StandardCharsets.UTF_8);
            String value = eq >= 0 ? URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8) : "";
            params.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return params;
    }
}
