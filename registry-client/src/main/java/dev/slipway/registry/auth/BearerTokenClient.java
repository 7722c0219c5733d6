package dev.slipway.registry.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.registry.transport.Actions;
import dev.slipway.registry.transport.RetryPolicy;
import dev.slipway.registry.transport.Sleeper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.SortedSet;

/**
 * Asks a token server (the challenge's {@code realm}) for a bearer token: {@code GET
 * <realm>?service=<service>&scope=<s1>&scope=<s2>} with Basic credentials when known, as Docker Hub expects.
 *
 * @see <a href="https://distribution.github.io/distribution/spec/auth/token/">token authentication</a>
 */
public final class BearerTokenClient {
    private static final int MAX_BODY = 1024 * 1024;
    /** The spec's default and minimum lifetime. */
    private static final long MIN_EXPIRES_IN = 60;

    private final HttpClient http;
    private final ObjectMapper json;
    private final Duration timeout;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final Clock clock;

    public BearerTokenClient(HttpClient http, ObjectMapper json, Duration timeout, RetryPolicy retry,
            Sleeper sleeper, Clock clock) {
        this.http = http;
        this.json = json;
        this.timeout = timeout;
        this.retry = retry;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /** Fetches a token for these scopes (possibly none, as for {@code GET /v2/}). */
    public BearerToken fetch(AuthChallenge challenge, SortedSet<String> scopes, Optional<Credentials> credentials) {
        String realm = challenge.param("realm").orElseThrow(() -> new SlipwayException(ErrorCode.REGISTRY_PROTOCOL,
                "The registry asked for a bearer token but its challenge names no realm"));
        URI uri = tokenUri(realm, challenge.param("service"), scopes);
        String action = "get a bearer token from " + uri.getRawAuthority() + uri.getRawPath() + " for "
                + (scopes.isEmpty() ? "no scope" : String.join(" ", scopes));
        for (int attempt = 1; ; attempt++) {
            SlipwayException failure;
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
                credentials.ifPresent(c -> request.header("Authorization", c.basicAuthorization()));
                HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                int status = response.statusCode();
                if (status == 200) {
                    return parse(response.body(), action);
                }
                failure = new SlipwayException(code(status),
                        "Tried to " + action + " but the token server answered " + status
                                + (status == 401 && credentials.isEmpty() ? " (no credentials are configured)" : ""));
                if (status < 500 && status != 429) {
                    throw failure;
                }
            } catch (IOException e) {
                failure = new SlipwayException(ErrorCode.REGISTRY_UNREACHABLE,
                        "Tried to " + action + " but the connection failed: " + Actions.describe(e), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SlipwayException(ErrorCode.CANCELED, "Interrupted while trying to " + action, e);
            }
            if (!retry.mayRetry(attempt)) {
                throw failure;
            }
            try {
                sleeper.sleep(retry.delay(attempt, Optional.empty()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SlipwayException(ErrorCode.CANCELED, "Interrupted while trying to " + action, e);
            }
        }
    }

    static URI tokenUri(String realm, Optional<String> service, SortedSet<String> scopes) {
        StringBuilder uri = new StringBuilder(realm);
        char separator = realm.contains("?") ? '&' : '?';
        if (service.isPresent()) {
            uri.append(separator).append("service=").append(encode(service.get()));
            separator = '&';
        }
        for (String scope : scopes) {
            uri.append(separator).append("scope=").append(encode(scope));
            separator = '&';
        }
        URI parsed = URI.create(uri.toString());
        if (!"https".equals(parsed.getScheme()) && !"http".equals(parsed.getScheme())) {
            throw new SlipwayException(ErrorCode.REGISTRY_PROTOCOL,
                    "The registry named a token realm that is not an http(s) URL: " + realm);
        }
        return parsed;
    }

    private BearerToken parse(byte[] body, String action) {
        JsonNode node;
        try {
            node = json.readTree(body.length > MAX_BODY ? new byte[0] : body);
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.REGISTRY_PROTOCOL,
                    "Tried to " + action + " but the token server's answer is not JSON");
        }
        String token = node.path("token").asText("");
        if (token.isEmpty()) {
            token = node.path("access_token").asText("");
        }
        if (token.isEmpty()) {
            throw new SlipwayException(ErrorCode.REGISTRY_PROTOCOL,
                    "Tried to " + action + " but the token server's answer has neither token nor access_token");
        }
        long expiresIn = Math.max(MIN_EXPIRES_IN, node.path("expires_in").asLong(MIN_EXPIRES_IN));
        // Measure from our own clock (not issued_at) so clock skew cannot make a token look valid too long, and
        // stop using it a little early so it does not expire in flight.
        long margin = Math.min(10, expiresIn / 10);
        return new BearerToken(token, clock.instant().plusSeconds(expiresIn - margin));
    }

    private static ErrorCode code(int status) {
        return switch (status) {
            case 401 -> ErrorCode.REGISTRY_UNAUTHORIZED;
            case 403 -> ErrorCode.REGISTRY_DENIED;
            case 429 -> ErrorCode.REGISTRY_RATE_LIMITED;
            default -> status >= 500 ? ErrorCode.REGISTRY_SERVER_ERROR : ErrorCode.REGISTRY_PROTOCOL;
        };
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
