package dev.slipway.registry.transport;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one generic caller every {@link RegistryEndpoint} goes through: it owns the rate limit, authorization
 * (answering a 401 challenge once), redirects, bounded retries with backoff and the mapping of failures to
 * {@link SlipwayException} codes. Never logs or reports headers, so secrets stay out of logs and messages.
 */
public final class EndpointCaller {
    private static final Logger LOG = LoggerFactory.getLogger(EndpointCaller.class);
    private static final int MAX_REDIRECTS = 5;
    private static final int MAX_ERROR_BODY = 64 * 1024;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final HttpClient http;
    private final CallSettings settings;
    private final RequestAuthorizer authorizer;
    private final RateLimiter limiter;
    private final Sleeper sleeper;
    private final RegistryErrors errors;
    private final Clock clock;

    public EndpointCaller(HttpClient http, CallSettings settings, RequestAuthorizer authorizer, RateLimiter limiter,
            Sleeper sleeper, RegistryErrors errors, Clock clock) {
        this.http = Objects.requireNonNull(http, "http");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The registry's base URI, e.g. {@code http://127.0.0.1:5000}. */
    public URI baseUri() {
        return settings.baseUri();
    }

    /** Runs the endpoint and returns its result, or throws a {@link SlipwayException} saying what was tried. */
    public <T> T call(RegistryEndpoint<T> endpoint) {
        URI uri = settings.baseUri().resolve(endpoint.target());
        String action = Actions.describe(endpoint.method(), uri);
        Optional<String> challengeAnswer = Optional.empty();
        boolean challenged = false;
        for (int attempt = 1; ; attempt++) {
            Optional<Duration> retryAfter = Optional.empty();
            SlipwayException failure;
            try {
                limiter.acquire();
                Optional<String> authorization = challengeAnswer.isPresent()
                        ? challengeAnswer : authorizer.authorization(endpoint.scopes());
                HttpResponse<InputStream> response = send(endpoint, uri, authorization.orElse(null));
                int status = response.statusCode();
                if (endpoint.accepts(status)) {
                    try (InputStream body = response.body()) {
                        return endpoint.handle(
                                new RegistryResponse(action, response.uri(), status, response.headers(), body));
                    }
                }
                byte[] errorBody = readQuietly(response.body());
                if (status == 401 && !challenged) {
                    challenged = true;
                    challengeAnswer = authorizer.onChallenge(
                            response.headers().allValues("WWW-Authenticate"), endpoint.scopes());
                    if (challengeAnswer.isPresent()) {
                        attempt--; // answering the challenge is part of the same attempt
                        continue;
                    }
                }
                failure = errors.forStatus(action, status, errorBody, endpoint.clientErrorCode());
                if (status != 429 && status < 500) {
                    throw failure;
                }
                retryAfter = RetryPolicy.parseRetryAfter(response.headers().firstValue("Retry-After"), clock);
            } catch (HttpTimeoutException e) {
                // A registry that accepted the connection and then went silent (a stalled upload, a hung answer, a
                // blob whose bytes stopped coming).
                failure = new SlipwayException(ErrorCode.REGISTRY_TIMEOUT, "Tried to " + action
                        + " but the registry did not answer within " + settings.requestTimeout().toMillis() + " ms"
                        + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), e);
            } catch (IOException e) {
                failure = new SlipwayException(ErrorCode.REGISTRY_UNREACHABLE,
                        "Tried to " + action + " but the connection failed: " + Actions.describe(e), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SlipwayException(ErrorCode.CANCELED, "Interrupted while trying to " + action, e);
            }
            if (!endpoint.retryable() || !settings.retry().mayRetry(attempt)) {
                throw attempt == 1 ? failure : new SlipwayException(failure.code(),
                        failure.getMessage() + " (gave up after " + attempt + " attempts)", failure.getCause());
            }
            Duration delay = settings.retry().delay(attempt, retryAfter);
            LOG.debug("Attempt {} to {} failed ({}); retrying in {} ms", attempt, action, failure.code(),
                    delay.toMillis());
            pause(delay, action);
        }
    }

    private HttpResponse<InputStream> send(RegistryEndpoint<?> endpoint, URI first, String authorization)
            throws IOException, InterruptedException {
        URI uri = first;
        String auth = authorization;
        for (int hop = 0; ; hop++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .timeout(settings.requestTimeout())
                    .method(endpoint.method(), endpoint.body())
                    .header("User-Agent", settings.userAgent());
            endpoint.headers().forEach(request::header);
            if (auth != null) {
                request.header("Authorization", auth);
            }
            // Every read of the body is bounded too: a registry that stops sending mid-blob times out like a stalled upload.
            HttpResponse<InputStream> response = http.send(request.build(),
                    IdleTimeoutBody.handler(settings.requestTimeout()));
            boolean followable = "GET".equals(endpoint.method()) || "HEAD".equals(endpoint.method());
            Optional<String> location = response.headers().firstValue("Location");
            if (!followable || !REDIRECTS.contains(response.statusCode()) || endpoint.accepts(response.statusCode())
                    || location.isEmpty() || hop >= MAX_REDIRECTS) {
                return response;
            }
            readQuietly(response.body());
            URI next = uri.resolve(location.get());
            // Blob storage behind a redirect (S3, CDN) must not see the registry's credentials.
            if (!Objects.equals(next.getAuthority(), first.getAuthority())) {
                auth = null;
            }
            uri = next;
        }
    }

    private void pause(Duration delay, String action) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlipwayException(ErrorCode.CANCELED, "Interrupted while waiting to retry " + action, e);
        }
    }

    private static byte[] readQuietly(InputStream body) {
        try (InputStream in = body) {
            return in.readNBytes(MAX_ERROR_BODY);
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
