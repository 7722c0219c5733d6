package dev.slipway.cli.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.hub.HubClient;
import dev.slipway.common.json.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * Where the hub is and who the caller is, for every hub verb: {@code --hub} and {@code --token-file}, else
 * {@code $SLIPWAY_HUB} and {@code $SLIPWAY_TOKEN}, else {@code hub} and {@code token_file} in
 * {@code ~/.config/slipway/config.yaml} (or {@code $SLIPWAY_CONFIG}).
 */
public final class HubOptions {
    private static final Set<String> KEYS = Set.of("hub", "token_file");

    @Option(names = "--hub", description = "The hub's URL (default: $SLIPWAY_HUB or 'hub' in the config file)")
    String hub;

    @Option(names = "--token-file", description = "File holding your token (default: $SLIPWAY_TOKEN or "
            + "'token_file' in the config file)")
    Path tokenFile;

    /** The API client for these options; the environment is passed in so tests can set it. */
    public HubClient api(Map<String, String> env) {
        JsonNode file = configFile(env);
        String url = hub != null ? hub : env.getOrDefault("SLIPWAY_HUB", file.path("hub").asText(null));
        if (url == null) {
            throw new SlipwayException(ErrorCode.CLIENT_CONFIG_INVALID,
                    "No hub given: use --hub URL, $SLIPWAY_HUB or 'hub:' in ~/.config/slipway/config.yaml");
        }
        URI uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new SlipwayException(ErrorCode.CLIENT_CONFIG_INVALID, "Hub URL '" + url + "' must be http(s)://host[:port]");
        }
        return new HubClient(uri, token(env, file), Json.mapper());
    }

    public HubClient api() {
        return api(System.getenv());
    }

    private String token(Map<String, String> env, JsonNode file) {
        Path path = tokenFile;
        if (path == null && env.get("SLIPWAY_TOKEN") != null) {
            return env.get("SLIPWAY_TOKEN").strip();
        }
        if (path == null && file.hasNonNull("token_file")) {
            path = Path.of(file.get("token_file").asText().replaceFirst("^~", System.getProperty("user.home")));
        }
        if (path == null) {
            return null; // anonymous: read-only calls still work
        }
        try {
            return Files.readString(path).strip();
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.CLIENT_CONFIG_INVALID, "Tried to read the token from " + path + ": "
                    + e.getMessage(), e);
        }
    }

    private static JsonNode configFile(Map<String, String> env) {
        Path path = env.containsKey("SLIPWAY_CONFIG") ? Path.of(env.get("SLIPWAY_CONFIG"))
                : Path.of(env.getOrDefault("XDG_CONFIG_HOME", System.getProperty("user.home") + "/.config"),
                        "slipway", "config.yaml");
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        if (!Files.isRegularFile(path)) {
            return yaml.createObjectNode();
        }
        try {
            JsonNode n = yaml.readTree(path.toFile());
            if (n == null || !n.isObject()) {
                throw new SlipwayException(ErrorCode.CLIENT_CONFIG_INVALID, "Config " + path + " must be a mapping");
            }
            n.fieldNames().forEachRemaining(k -> {
                if (!KEYS.contains(k)) {
                    throw new SlipwayException(ErrorCode.CLIENT_CONFIG_INVALID, "Unknown key '" + k + "' in " + path
                            + "; allowed: " + KEYS);
                }
            });
            return n;
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.CLIENT_CONFIG_INVALID, "Tried to read " + path + ": "
                    + e.getMessage(), e);
        }
    }
}
