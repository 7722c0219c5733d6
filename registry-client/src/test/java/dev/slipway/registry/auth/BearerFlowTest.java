package dev.slipway.registry.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import dev.slipway.registry.FakeServer;
import dev.slipway.registry.FakeServer.Reply;
import dev.slipway.registry.RegistryClient;
import dev.slipway.registry.RegistryClientConfig;
import dev.slipway.registry.RegistryClientFactory;
import dev.slipway.registry.transport.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Docker Hub's Bearer flow and HTTP Basic, against a fake registry whose token realm is on the same server. */
class BearerFlowTest {
    private static final Digest DIGEST = Digest.sha256("manifest".getBytes());
    private final MutableClock clock = new MutableClock();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private FakeServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    /** A clock tests can move forward. */
    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2025-01-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private RegistryClient client(String password) {
        RegistryClientConfig config = RegistryClientConfig.defaults().withRetry(RetryPolicy.none());
        CredentialsSource credentials = CredentialsSource.of(Map.of(server.hostPort(), new Credentials("u", password)));
        return new RegistryClientFactory(config, credentials, new ObjectMapper(), clock, d -> { })
                .forHost(server.hostPort());
    }

    /** Registry answering HEAD manifest when the current token is presented, token realm checking u:pw. */
    private void startBearerRegistry(String challengeScope) {
        String[] current = {null};
        server = new FakeServer(request -> {
            if (request.uri().getPath().equals("/token")) {
                if (!new Credentials("u", "pw").basicAuthorization().equals(request.header("Authorization"))) {
                    return Reply.of(401);
                }
                current[0] = "tok-" + tokensIssued.incrementAndGet();
                return Reply.of(200).body("{\"token\":\"" + current[0] + "\",\"expires_in\":300}");
            }
            if (current[0] != null && ("Bearer " + current[0]).equals(request.header("Authorization"))) {
                return Reply.of(200).header("Docker-Content-Digest", DIGEST.toString())
                        .header("Content-Type", "application/vnd.oci.image.manifest.v1+json");
            }
            return Reply.of(401).header("WWW-Authenticate", "Bearer realm=\"http://" + server.hostPort()
                    + "/token\",service=\"fake-registry\",scope=\"" + challengeScope + "\"");
        });
    }

    @Test
    void bearerChallenge_fetchesATokenWithServiceScopeAndBasicCredentials_thenRetries() {
        startBearerRegistry("repository:app:pull");

        assertEquals(DIGEST, client("pw").headManifest("app", "1").orElseThrow().digest());

        List<FakeServer.Request> requests = server.requests();
        assertEquals(3, requests.size(), requests.toString());
        FakeServer.Request token = requests.get(1);
        assertEquals("service=fake-registry&scope=repository:app:pull", token.uri().getQuery());
        assertEquals(new Credentials("u", "pw").basicAuthorization(), token.header("Authorization"));
        assertEquals("Bearer tok-1", requests.get(2).header("Authorization"));
    }

    @Test
    void bearerToken_isCachedPerScopeUntilItExpires() {
        startBearerRegistry("repository:app:pull");
        RegistryClient client = client("pw");
        client.headManifest("app", "1");
        int afterFirst = server.requests().size();

        client.headManifest("app", "2");
        assertEquals(afterFirst + 1, server.requests().size(), "the cached token goes up front");
        assertEquals(1, tokensIssued.get());

        clock.now = clock.now.plus(Duration.ofMinutes(10));
        client.headManifest("app", "3");
        assertEquals(2, tokensIssued.get(), "an expired token is replaced before use");
    }

    @Test
    void bearerChallenge_withExtraScopes_asksForAllOfThemInOneToken() {
        startBearerRegistry("repository:app:pull repository:other:pull");

        client("pw").headManifest("app", "1");

        FakeServer.Request token = server.requests().get(1);
        assertEquals("service=fake-registry&scope=repository:app:pull&scope=repository:other:pull",
                token.uri().getQuery());
    }

    @Test
    void tokenServerRefusingTheCredentials_isUnauthorizedWithoutTheSecret() {
        startBearerRegistry("repository:app:pull");

        RegistryClient client = client("wrong-pw-123");

        SlipwayException e = assertThrows(SlipwayException.class, () -> client.headManifest("app", "1"));

        assertEquals(ErrorCode.REGISTRY_UNAUTHORIZED, e.code());
        assertEquals("Tried to get a bearer token from " + server.hostPort() + "/token for repository:app:pull but"
                + " the token server answered 401", e.getMessage());
        assertFalse(e.getMessage().contains("wrong-pw-123"));
    }

    @Test
    void basicChallenge_retriesWithBasicAndKeepsSendingItUpFront() {
        server = new FakeServer(request -> new Credentials("u", "pw").basicAuthorization()
                .equals(request.header("Authorization"))
                ? Reply.of(200).header("Docker-Content-Digest", DIGEST.toString())
                : Reply.of(401).header("WWW-Authenticate", "Basic realm=\"fake\""));
        RegistryClient client = client("pw");

        assertTrue(client.headManifest("app", "1").isPresent());
        assertTrue(client.headManifest("app", "2").isPresent());

        assertEquals(3, server.requests().size(), "one challenge, then Basic up front");
    }
}
