package dev.slipway.cli.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The config file, the environment and the flags, in that order of precedence. */
class HubOptionsTest {
    @TempDir
    Path home;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void configFileInHome() throws IOException {
        env.put("HOME", home.toString());
        Files.createDirectories(home.resolve(".config/slipway"));
        Files.writeString(home.resolve("file.token"), "from-config-file\n");
        Files.writeString(home.resolve("flag.token"), "from-flag\n");
        Files.writeString(home.resolve("env.token"), "from-env-file\n");
        Files.writeString(home.resolve(".config/slipway/config.yaml"), """
                hub: http://config.example:8440/
                token_file: ~/file.token
                insecure_registries: [registry.lab:5000]
                """);
    }

    @Test
    void resolve_onlyTheConfigFile_givesItsHubAndToken() {
        HubOptions.Resolved r = new HubOptions().resolve(env);
        assertEquals(URI.create("http://config.example:8440"), r.hub());
        assertEquals("from-config-file", r.token());
        assertTrue(r.hubFrom().endsWith("config.yaml"), r.hubFrom());
    }

    @Test
    void resolve_environment_winsOverTheConfigFile() {
        env.put("SLIPWAY_HUB", "http://env.example:1");
        env.put("SLIPWAY_TOKEN", " from-env\n");
        HubOptions.Resolved r = new HubOptions().resolve(env);
        assertEquals(URI.create("http://env.example:1"), r.hub());
        assertEquals("from-env", r.token());
        env.remove("SLIPWAY_TOKEN");
        env.put("SLIPWAY_TOKEN_FILE", home.resolve("env.token").toString());
        assertEquals("from-env-file", new HubOptions().resolve(env).token());
    }

    @Test
    void resolve_flags_winOverEnvironmentAndConfigFile() {
        env.put("SLIPWAY_HUB", "http://env.example:1");
        env.put("SLIPWAY_TOKEN", "from-env");
        HubOptions flags = new HubOptions();
        flags.hub = "https://flag.example";
        flags.tokenFile = home.resolve("flag.token");
        HubOptions.Resolved r = flags.resolve(env);
        assertEquals(URI.create("https://flag.example"), r.hub());
        assertEquals("from-flag", r.token());
        assertEquals("--hub", r.hubFrom());
        assertEquals("--token-file", r.tokenFrom());
    }

    @Test
    void resolve_slipwayConfig_pointsAtAnotherFile_andAMissingOneIsAnError() throws IOException {
        Path other = Files.writeString(home.resolve("other.yaml"), "hub: http://other.example:2\n");
        env.put("SLIPWAY_CONFIG", other.toString());
        HubOptions.Resolved r = new HubOptions().resolve(env);
        assertEquals(URI.create("http://other.example:2"), r.hub());
        assertNull(r.token(), "no token anywhere: anonymous");
        env.put("SLIPWAY_CONFIG", home.resolve("missing.yaml").toString());
        SlipwayException e = assertThrows(SlipwayException.class, () -> new HubOptions().resolve(env));
        assertEquals(ErrorCode.CLIENT_CONFIG_INVALID, e.code());
    }

    @Test
    void load_unknownKeyOrBadHub_isAClientConfigError() throws IOException {
        Files.writeString(home.resolve(".config/slipway/config.yaml"), "hub: http://x:1\ntoken: secret\n");
        SlipwayException unknown = assertThrows(SlipwayException.class, () -> new HubOptions().resolve(env));
        assertEquals(ErrorCode.CLIENT_CONFIG_INVALID, unknown.code());
        assertTrue(unknown.getMessage().contains("'token'"), unknown.getMessage());
        Files.writeString(home.resolve(".config/slipway/config.yaml"), "hub: ftp://x\n");
        SlipwayException scheme = assertThrows(SlipwayException.class, () -> new HubOptions().resolve(env));
        assertEquals(ErrorCode.CLIENT_CONFIG_INVALID, scheme.code());
    }

    @Test
    void load_readsInsecureRegistries() {
        assertEquals(List.of("registry.lab:5000"), ClientConfig.load(env).insecureRegistries());
    }

    @Test
    void resolve_noHubAnywhere_saysWhereToPutIt() throws IOException {
        Files.delete(home.resolve(".config/slipway/config.yaml"));
        SlipwayException e = assertThrows(SlipwayException.class, () -> new HubOptions().resolve(env));
        assertTrue(e.getMessage().contains("--hub") && e.getMessage().contains("SLIPWAY_HUB"), e.getMessage());
    }
}
