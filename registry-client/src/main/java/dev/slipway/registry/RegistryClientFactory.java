package dev.slipway.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.image.ImageReference;
import dev.slipway.registry.auth.BearerTokenClient;
import dev.slipway.registry.auth.CredentialsSource;
import dev.slipway.registry.auth.RegistryAuthorizer;
import dev.slipway.registry.transport.CallSettings;
import dev.slipway.registry.transport.EndpointCaller;
import dev.slipway.registry.transport.RateLimiter;
import dev.slipway.registry.transport.RegistryErrors;
import dev.slipway.registry.transport.Sleeper;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Objects;

/**
 * Builds {@link RegistryClient}s, one per registry host, sharing one HTTP client, the configuration and a source
 * of credentials.
 */
public final class RegistryClientFactory {
    private final RegistryClientConfig config;
    private final CredentialsSource credentials;
    private final ObjectMapper json;
    private final HttpClient http;
    private final Clock clock;
    private final Sleeper sleeper;

    public RegistryClientFactory(RegistryClientConfig config, CredentialsSource credentials, ObjectMapper json) {
        this(config, credentials, json, Clock.systemUTC(), Sleeper.threadSleep());
    }

    /** With a clock and sleeper of the caller's choosing (tests record backoff instead of waiting). */
    public RegistryClientFactory(RegistryClientConfig config, CredentialsSource credentials, ObjectMapper json,
            Clock clock, Sleeper sleeper) {
        this.config = Objects.requireNonNull(config, "config");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.json = Objects.requireNonNull(json, "json");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1) // no h2c upgrade dance with plain-HTTP registries
                .followRedirects(HttpClient.Redirect.NEVER) // the caller follows them without leaking credentials
                .build();
    }

    /** A client for {@code host[:port]}, e.g. {@code 127.0.0.1:5000} or {@code registry-1.docker.io}. */
    public RegistryClient forHost(String host) {
        new ImageReference(host, "validated", null, null); // rejects anything that is not host[:port]
        String scheme = config.usesPlainHttp(host) ? "http" : "https";
        CallSettings settings = new CallSettings(URI.create(scheme + "://" + host), config.requestTimeout(),
                config.userAgent(), config.retry());
        BearerTokenClient tokens = new BearerTokenClient(http, json, config.requestTimeout(), config.retry(),
                sleeper, clock);
        RegistryAuthorizer authorizer = new RegistryAuthorizer(credentials.find(host), tokens, clock);
        RateLimiter limiter = new RateLimiter(config.requestsPerSecond(), System::nanoTime, sleeper);
        EndpointCaller caller = new EndpointCaller(http, settings, authorizer, limiter, sleeper,
                new RegistryErrors(json), clock);
        return new RegistryClient(host, caller, config, json,
                new BlobPusher(caller, config.retry(), sleeper, config.singlePostUpload()));
    }

    /** A client for the registry an image lives in (Docker Hub's API host for {@code docker.io}). */
    public RegistryClient forImage(ImageReference image) {
        return forHost(image.apiHost());
    }
}
