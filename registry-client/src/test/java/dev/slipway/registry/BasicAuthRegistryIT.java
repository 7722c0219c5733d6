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
import dev.slipway.testing.registry.UseRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The client against a registry with htpasswd (HTTP Basic) authentication. */
@UseRegistry(AuthMode.BASIC)
class BasicAuthRegistryIT extends RegistryClientScenarios {

    @Test
    void wrongPassword_isUnauthorizedAndTheMessageKeepsTheSecret() {
        String wrong = "not-" + registry.password();
        RegistryClient client = new RegistryClientFactory(config(), CredentialsSource.of(Map.of(
                registry.hostPort(), new Credentials(registry.username(), wrong))), json).forHost(registry.hostPort());
        TestImage image = TestImage.create("w.txt", "wrong password", TestImage.Format.OCI);

        SlipwayException e = assertThrows(SlipwayException.class,
                () -> push(client, repo("denied"), "1", image));

        assertEquals(ErrorCode.REGISTRY_UNAUTHORIZED, e.code());
        assertTrue(e.getMessage().startsWith("Tried to HEAD " + registry.hostPort() + "/v2/"), e.getMessage());
        assertTrue(e.getMessage().contains("answered 401"), e.getMessage());
        assertFalse(e.getMessage().contains(wrong), "the password must never appear in messages");
    }

    @Test
    void noCredentials_isUnauthorized() {
        RegistryClient anonymous = new RegistryClientFactory(config(), CredentialsSource.none(), json)
                .forHost(registry.hostPort());

        SlipwayException e = assertThrows(SlipwayException.class, anonymous::checkApiVersion);

        assertEquals(ErrorCode.REGISTRY_UNAUTHORIZED, e.code());
        assertTrue(e.getMessage().contains("UNAUTHORIZED"), e.getMessage());
    }
}
