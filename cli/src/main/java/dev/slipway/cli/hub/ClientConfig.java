package dev.slipway.cli.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The client's config file, {@code $SLIPWAY_CONFIG} or else {@code $XDG_CONFIG_HOME/slipway/config.yaml}
 * ({@code ~/.config/slipway/config.yaml}); every key is optional and unknown keys are refused. The environment and
 * the flags override it (see {@link HubOptions}).
 *
 * @param hub the hub's URL ({@code hub:})
 * @param tokenFile the file holding the caller's token ({@code token_file:}, {@code ~} expanded)
 * @param insecureRegistries registries reached over plain HTTP besides loopback ({@code insecure_registries:})
 * @param source the file read, or null when there was none
 */
public record ClientConfig(String hub, Path tokenFile, List<String> insecureRegistries, Path source) {
    private static final Set<String> KEYS = Set.of("hub", "token_file", "insecure_registries");

    public ClientConfig {
        insecureRegistries = List.copyOf(insecureRegistries);
    }

    /** The config file the environment points at (it may not exist). */
    public static Path location(Map<String, String> env) {
        if (env.get("SLIPWAY_CONFIG") != null) {
            return Path.of(env.get("SLIPWAY_CONFIG"));
        }
        String base = env.getOrDefault("XDG_CONFIG_HOME", env.getOrDefault("HOME", System.getProperty("user.home"))
                + "/.config");
        return Path.of(base, "slipway", "config.yaml");
    }

    /** Reads the config file {@link #location} names; none is an empty config, $SLIPWAY_CONFIG missing is not. */
    public static ClientConfig load(Map<String, String> env) {
        Path path = location(env);
        if (!Files.isRegularFile(path)) {
            if (env.get("SLIPWAY_CONFIG") != null) {
                throw invalid("$SLIPWAY_CONFIG names " + path + ", which is not a file");
            }
            return new ClientConfig(null, null, List.of(), null);
        }
        JsonNode n;
        try {
            n = new ObjectMapper(new YAMLFactory()).readTree(path.toFile());
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.CLIENT_CONFIG_INVALID, "Tried to read " + path + ": "
                    + e.getMessage(), e);
        }
        if (n == null || n.isMissingNode()) {
            return new ClientConfig(null, null, List.of(), path);
        }
        if (!n.isObject()) {
            throw invalid("Config " + path + " must be a mapping");
        }
        n.fieldNames().forEachRemaining(k -> {
            if (!KEYS.contains(k)) {
                throw invalid("Unknown key '" + k + "' in " + path + "; allowed: " + KEYS);
            }
        });
        List<String> insecure = new ArrayList<>();
        n.path("insecure_registries").forEach(r -> insecure.add(r.asText()));
        String tokenFile = n.path("token_file").asText(null);
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return new ClientConfig(n.path("hub").asText(null), tokenFile == null ? null
                : Path.of(tokenFile.replaceFirst("^~(?=/|$)", home)), insecure, path);
    }

    private static SlipwayException invalid(String message) {
        return new SlipwayException(ErrorCode.CLIENT_CONFIG_INVALID, message);
    }
}
