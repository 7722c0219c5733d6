package dev.slipway.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.registry.auth.Credentials;
import dev.slipway.registry.auth.CredentialsSource;
import dev.slipway.testing.registry.AuthMode;
import dev.slipway.testing.registry.TestImage;
import dev.slipway.testing.registry.TokenRequest;
import dev.slipway.testing.registry.TokenServer;
import dev.slipway.testing.registry.UseRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The client against a registry with Docker Hub's Bearer token flow. */
@UseRegistry(AuthMode.TOKEN)
class TokenAuthRegistryIT extends RegistryClientScenarios {

    private TokenServer tokens() {
        return registry.tokenServer().orElseThrow();
    }

    @Test
    void wrongPassword_isUnauthorizedByTheTokenServerAndTheMessageKeepsTheSecret() {
        String wrong = "not-" + registry.password();
        RegistryClient client = new RegistryClientFactory(config(), CredentialsSource.of(Map.of(
                registry.hostPort(), new Credentials(registry.username(), wrong))), json).forHost(registry.hostPort());

        SlipwayException e = assertThrows(SlipwayException.class, () -> client.headManifest(repo("denied"), "1"));

        assertEquals(ErrorCode.REGISTRY_UNAUTHORIZED, e.code());
        assertTrue(e.getMessage().startsWith("Tried to get a bearer token from 127.0.0.1:"), e.getMessage());
        assertTrue(e.getMessage().contains("token server answered 401"), e.getMessage());
        assertFalse(e.getMessage().contains(wrong), "the password must never appear in messages");
    }

    @Test
    void mount_asksOneTokenForBothRepositories() {
        String source = repo("tmount-src");
        String target = repo("tmount-dst");
        TestImage image = TestImage.create("m.txt", "token mount " + source, TestImage.Format.OCI);
        push(client(), source, "1", image);
        int mark = tokens().requests().size();

        client().pushImage(target, "1", image.manifest(), image.mediaType(), blobs(image), source);

        List<TokenRequest> asked = tokens().requests().subList(mark, tokens().requests().size());
        assertTrue(asked.stream().anyMatch(r -> r.status() == 200 && r.scopes().contains(
                "repository:" + target + ":pull,push") && r.scopes().contains("repository:" + source + ":pull")),
                asked.toString());
        assertEquals(image.manifestDigest().toString(), skopeo.inspectDigest(target, "1"));
    }

    @Test
    void tokens_areCachedPerScopeUntilTheyExpire() {
        String repository = repo("cached");
        TestImage image = TestImage.create("c.txt", "cache " + repository, TestImage.Format.OCI);
        push(client(), repository, "1", image);
        RegistryClient client = client();
        client.headManifest(repository, "1");
        int mark = tokens().requests().size();

        for (int i = 0; i < 5; i++) {
            client.headManifest(repository, "1");
            client.getManifest(repository, "1");
        }

        assertEquals(mark, tokens().requests().size(), "no new token for the same scope");
    }
}
