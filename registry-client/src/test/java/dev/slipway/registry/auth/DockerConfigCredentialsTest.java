package dev.slipway.registry.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerConfigCredentialsTest {
    private final ObjectMapper json = new ObjectMapper();

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void find_authFieldAndUsernamePasswordFields() {
        DockerConfigCredentials config = DockerConfigCredentials.parse("{\"auths\":{"
                + "\"127.0.0.1:5000\":{\"auth\":\"" + b64("alice:s3:cr3t") + "\"},"
                + "\"https://quay.example/v2/\":{\"username\":\"bob\",\"password\":\"pw\"},"
                + "\"helper.example\":{}}}", json, "test");

        assertEquals(Optional.of(new Credentials("alice", "s3:cr3t")), config.find("127.0.0.1:5000"));
        assertEquals(Optional.of(new Credentials("bob", "pw")), config.find("quay.example"));
        assertEquals(Optional.empty(), config.find("helper.example"));
        assertEquals(Optional.empty(), config.find("127.0.0.1:5001"));
    }

    @Test
    void find_dockerHubUnderItsLegacyKey_servesEveryHubName() {
        DockerConfigCredentials config = DockerConfigCredentials.parse("{\"auths\":{"
                + "\"https://index.docker.io/v1/\":{\"auth\":\"" + b64("hub:token") + "\"}}}", json, "test");

        Credentials hub = new Credentials("hub", "token");
        assertEquals(Optional.of(hub), config.find("registry-1.docker.io"));
        assertEquals(Optional.of(hub), config.find("docker.io"));
    }

    @Test
    void load_fromAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("config.json");
        Files.writeString(file, "{\"auths\":{\"r.example\":{\"auth\":\"" + b64("u:p") + "\"}}}");

        assertEquals(Optional.of(new Credentials("u", "p")),
                DockerConfigCredentials.load(file, json).find("r.example"));
    }

    @Test
    void parse_badEntries_failWithoutQuotingTheSecret() {
        String secret = "c3VwZXItc2VjcmV0LXZhbHVl"; // base64 without a colon inside
        SlipwayException noColon = assertThrows(SlipwayException.class, () -> DockerConfigCredentials.parse(
                "{\"auths\":{\"r.example\":{\"auth\":\"" + secret + "\"}}}", json, "config.json"));
        SlipwayException badJson = assertThrows(SlipwayException.class, () -> DockerConfigCredentials.parse(
                "{\"auths\":{\"r.example\":{\"auth\":\"" + secret + "\"}}", json, "config.json"));

        assertEquals(ErrorCode.CREDENTIALS_INVALID, noColon.code());
        assertTrue(noColon.getMessage().contains("r.example"), noColon.getMessage());
        assertEquals(ErrorCode.CREDENTIALS_INVALID, badJson.code());
        for (SlipwayException e : new SlipwayException[] {noColon, badJson}) {
            assertFalse(e.getMessage().contains(secret), e.getMessage());
            assertEquals(null, e.getCause(), "a cause could carry the text into logs");
        }
    }

    @Test
    void credentials_toStringHidesThePassword() {
        assertEquals("Credentials[username=u, password=***]", new Credentials("u", "hunter2").toString());
    }
}
