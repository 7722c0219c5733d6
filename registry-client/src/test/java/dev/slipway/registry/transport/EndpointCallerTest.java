package dev.slipway.registry.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.registry.FakeServer;
import dev.slipway.registry.FakeServer.Reply;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EndpointCallerTest {
    private final List<Duration> waits = new ArrayList<>();
    private final List<FakeServer> servers = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @AfterEach
    void stopServers() {
        servers.forEach(FakeServer::close);
    }

    /** GET a path and return the body text; retryable unless told otherwise. */
    private record Get(String target, boolean retryable) implements RegistryEndpoint<String> {
        @Override
        public String method() {
            return "GET";
        }

        @Override
        public Set<String> scopes() {
            return Set.of("repository:app:pull");
        }

        @Override
        public String handle(RegistryResponse response) throws IOException {
            return new String(response.readBody(1000), StandardCharsets.UTF_8);
        }
    }

    private FakeServer server(Function<FakeServer.Request, Reply> handler) {
        FakeServer server = new FakeServer(handler);
        servers.add(server);
        return server;
    }

    private EndpointCaller caller(String hostPort, RequestAuthorizer authorizer) {
        CallSettings settings = new CallSettings(URI.create("http://" + hostPort), Duration.ofSeconds(5), "test",
                new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1)));
        return new EndpointCaller(http, settings, authorizer, RateLimiter.off(), waits::add,
                new RegistryErrors(new ObjectMapper()), Clock.systemUTC());
    }

    private static Function<FakeServer.Request, Reply> failingThen(int failures, Reply failure) {
        AtomicInteger calls = new AtomicInteger();
        return request -> calls.incrementAndGet() <= failures ? failure : Reply.of(200).body("ok");
    }

    @Test
    void call_serverErrorsThenSuccess_retriesWithExponentialBackoff() {
        FakeServer server = server(failingThen(2, Reply.of(503)));

        String body = caller(server.hostPort(), RequestAuthorizer.anonymous()).call(new Get("/v2/", true));

        assertEquals("ok", body);
        assertEquals(3, server.requests().size());
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200)), waits);
    }

    @Test
    void call_429WithRetryAfter_waitsAsTheRegistryAsks() {
        FakeServer server = server(failingThen(1, Reply.of(429).header("Retry-After", "2")));

        assertEquals("ok", caller(server.hostPort(), RequestAuthorizer.anonymous()).call(new Get("/v2/", true)));
        assertEquals(List.of(Duration.ofSeconds(2)), waits);
    }

    @Test
    void call_alwaysFailing_givesUpAfterTheLastAttempt() {
        FakeServer server = server(r -> Reply.of(500));

        SlipwayException e = assertThrows(SlipwayException.class,
                () -> caller(server.hostPort(), RequestAuthorizer.anonymous()).call(new Get("/v2/", true)));

        assertEquals(ErrorCode.REGISTRY_SERVER_ERROR, e.code());
        assertEquals("Tried to GET " + server.hostPort() + "/v2/ but the registry answered 500 (gave up after 3"
                + " attempts)", e.getMessage());
        assertEquals(3, server.requests().size());
    }

    @Test
    void call_notRetryable_failsOnTheFirstServerError() {
        FakeServer server = server(r -> Reply.of(503));

        SlipwayException e = assertThrows(SlipwayException.class,
                () -> caller(server.hostPort(), RequestAuthorizer.anonymous()).call(new Get("/v2/", false)));

        assertEquals(ErrorCode.REGISTRY_SERVER_ERROR, e.code());
        assertEquals(1, server.requests().size());
    }

    @Test
    void call_nobodyListening_isUnreachableAfterRetries() {
        FakeServer server = server(r -> Reply.of(200));
        String hostPort = server.hostPort();
        server.close();

        SlipwayException e = assertThrows(SlipwayException.class,
                () -> caller(hostPort, RequestAuthorizer.anonymous()).call(new Get("/v2/", true)));

        assertEquals(ErrorCode.REGISTRY_UNREACHABLE, e.code());
        assertTrue(e.getMessage().startsWith("Tried to GET " + hostPort + "/v2/ but the connection failed: "),
                e.getMessage());
        assertEquals(2, waits.size());
    }

    @Test
    void call_registryThatStaysSilent_timesOutWithItsOwnCodeAfterBoundedRetries() {
        FakeServer server = server(r -> {
            try {
                Thread.sleep(600);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Reply.of(200);
        });
        CallSettings settings = new CallSettings(URI.create("http://" + server.hostPort()), Duration.ofMillis(150),
                "test", new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(10)));
        EndpointCaller caller = new EndpointCaller(http, settings, RequestAuthorizer.anonymous(), RateLimiter.off(),
                waits::add, new RegistryErrors(new ObjectMapper()), Clock.systemUTC());

        SlipwayException e = assertThrows(SlipwayException.class, () -> caller.call(new Get("/v2/", true)));

        assertEquals(ErrorCode.REGISTRY_TIMEOUT, e.code());
        assertTrue(e.getMessage().contains("did not answer within 150 ms") && e.getMessage().contains("gave up after 2"),
                e.getMessage());
        assertEquals(1, waits.size());
    }

    @Test
    void call_404WithErrorBody_namesTheRegistryErrorCodes() {
        FakeServer server = server(r -> Reply.of(404).body(
                "{\"errors\":[{\"code\":\"NAME_UNKNOWN\",\"message\":\"repository name not known to registry\","
                        + "\"detail\":{\"name\":\"app\"}}]}"));

        SlipwayException e = assertThrows(SlipwayException.class, () -> caller(server.hostPort(),
                RequestAuthorizer.anonymous()).call(new Get("/v2/app/tags/list", true)));

        assertEquals(ErrorCode.REGISTRY_NOT_FOUND, e.code());
        assertEquals("Tried to GET " + server.hostPort() + "/v2/app/tags/list but the registry answered 404"
                + " (NAME_UNKNOWN: repository name not known to registry [{\"name\":\"app\"}])", e.getMessage());
    }

    @Test
    void call_401ThatCannotBeAnswered_isUnauthorizedWithoutRetry() {
        FakeServer server = server(r -> Reply.of(401).header("WWW-Authenticate", "Basic realm=\"r\""));

        SlipwayException e = assertThrows(SlipwayException.class,
                () -> caller(server.hostPort(), RequestAuthorizer.anonymous()).call(new Get("/v2/", true)));

        assertEquals(ErrorCode.REGISTRY_UNAUTHORIZED, e.code());
        assertEquals(1, server.requests().size());
    }

    @Test
    void call_statusesMapToCodes() {
        for (int[] pair : new int[][] {{403, 0}, {400, 1}}) {
            FakeServer server = server(r -> Reply.of(pair[0]));
            SlipwayException e = assertThrows(SlipwayException.class,
                    () -> caller(server.hostPort(), RequestAuthorizer.anonymous()).call(new Get("/v2/", true)));
            assertEquals(pair[1] == 0 ? ErrorCode.REGISTRY_DENIED : ErrorCode.REGISTRY_PROTOCOL, e.code());
        }
    }

    @Test
    void call_redirectToAnotherHost_followsWithoutTheCredentials() {
        FakeServer storage = server(r -> Reply.of(200).body("blob"));
        FakeServer registry = server(r -> Reply.of(307)
                .header("Location", "http://" + storage.hostPort().replace("127.0.0.1", "localhost") + "/b"));
        RequestAuthorizer basic = new RequestAuthorizer() {
            @Override
            public Optional<String> authorization(Set<String> scopes) {
                return Optional.of("Basic c2VjcmV0");
            }

            @Override
            public Optional<String> onChallenge(List<String> wwwAuthenticate, Set<String> scopes) {
                return Optional.empty();
            }
        };

        assertEquals("blob", caller(registry.hostPort(), basic).call(new Get("/v2/app/blobs/x", true)));
        assertEquals("Basic c2VjcmV0", registry.requests().get(0).header("Authorization"));
        assertNull(storage.requests().get(0).header("Authorization"));
    }
}
