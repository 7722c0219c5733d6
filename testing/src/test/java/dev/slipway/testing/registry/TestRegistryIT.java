package dev.slipway.testing.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fixture itself: a real registry that starts, authenticates as configured, logs requests and goes away. */
class TestRegistryIT {
    private final HttpClient http = HttpClient.newHttpClient();

    private int status(URI uri, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void open_answersLogsRequestsAndDisappearsOnClose() throws Exception {
        TestRegistry registry = TestRegistry.start(AuthMode.OPEN);
        Path storage = registry.storageDir();
        URI v2 = registry.baseUri().resolve("/v2/");
        try {
            assertEquals(200, status(v2, null));
            assertEquals(404, status(registry.baseUri().resolve("/v2/x/manifests/1"), null));
            assertEquals(1, registry.countRequests("GET", "/v2/x/manifests/1"));
            assertEquals(404, registry.requests().get(registry.requests().size() - 1).status());
        } finally {
            registry.close();
        }
        assertThrows(IOException.class, () -> status(v2, null), "nothing listens after close()");
        assertFalse(Files.exists(storage.getParent()), "the work directory is deleted");
    }

    @Test
    void basic_acceptsTheUserAndRefusesWrongPasswords() throws Exception {
        try (TestRegistry registry = TestRegistry.start(AuthMode.BASIC)) {
            URI v2 = registry.baseUri().resolve("/v2/");
            assertEquals(401, status(v2, null));
            assertEquals(401, status(v2, basic(registry.username(), "wrong")));
            assertEquals(200, status(v2, basic(registry.username(), registry.password())));
        }
    }

    @Test
    void token_registryAcceptsOurTokensAndRefusesOnesSignedByAnotherKey() throws Exception {
        try (TestRegistry registry = TestRegistry.start(AuthMode.TOKEN)) {
            TokenServer tokens = registry.tokenServer().orElseThrow();
            URI tokenUri = URI.create(tokens.realm() + "?service=" + tokens.service() + "&scope=repository:a:pull");
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(tokenUri)
                    .header("Authorization", basic(registry.username(), registry.password())).build(),
                    HttpResponse.BodyHandlers.ofString());
            String token = new ObjectMapper().readTree(answer.body()).path("token").asText();
            JwtIssuer stranger = new JwtIssuer(new ObjectMapper(), new SecureRandom());
            String forged = stranger.sign(Map.of("iss", tokens.issuer(), "aud", tokens.service(), "sub", "x",
                    "exp", System.currentTimeMillis() / 1000 + 300, "nbf", 0, "iat", 0, "jti", "f",
                    "access", List.of()));
            URI v2 = registry.baseUri().resolve("/v2/");

            assertEquals(200, answer.statusCode());
            assertEquals(200, status(v2, "Bearer " + token));
            assertEquals(401, status(v2, "Bearer " + forged));
            assertEquals(401, status(v2, null));
            assertTrue(tokens.requests().get(0).scopes().contains("repository:a:pull"));
        }
    }
}
