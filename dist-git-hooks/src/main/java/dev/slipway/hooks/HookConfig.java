package dev.slipway.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The hook's configuration (YAML): the hub, the token it submits with, the anonymous clone URL builds fetch from
 * ({@code {repo}} is the repository's name), and the branches that build, each to its target (null: the default
 * {@code <branch>-container-candidate}).
 */
public record HookConfig(URI hub, Path tokenFile, String anonymousUrl, Map<String, String> branches,
        int timeoutSeconds) {
    private static final Set<String> KEYS = Set.of("hub", "token_file", "anonymous_url", "branches",
            "timeout_seconds");

    public HookConfig {
        branches = Collections.unmodifiableMap(new LinkedHashMap<>(branches));
    }

    /** The target a push to {@code branch} builds for, or null when the branch is not mapped. */
    public String target(String branch) {
        if (!branches.containsKey(branch)) {
            return null;
        }
        String t = branches.get(branch);
        return t != null ? t : branch + "-container-candidate";
    }

    /** The source URL for the repository named {@code repo}. */
    public String sourceUrl(String repo) {
        return anonymousUrl.replace("{repo}", repo);
    }

    public static HookConfig load(Path file) {
        JsonNode n;
        try {
            n = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
        } catch (IOException e) {
            throw invalid("Tried to read the hook configuration " + file + ": " + e.getMessage());
        }
        if (n == null || !n.isObject()) {
            throw invalid("Hook configuration " + file + " must be a YAML mapping");
        }
        n.fieldNames().forEachRemaining(k -> {
            if (!KEYS.contains(k)) {
                throw invalid("Unknown key '" + k + "' in " + file + "; allowed: " + KEYS);
            }
        });
        String hub = n.path("hub").asText(null);
        String url = n.path("anonymous_url").asText(null);
        if (hub == null || url == null || !n.path("branches").isObject()) {
            throw invalid("Hook configuration " + file + " needs hub, anonymous_url and a branches mapping");
        }
        Map<String, String> branches = new LinkedHashMap<>();
        n.path("branches").fields().forEachRemaining(e -> branches.put(e.getKey(),
                e.getValue().isNull() ? null : e.getValue().asText()));
        Path token = n.hasNonNull("token_file") ? file.toAbsolutePath().getParent().resolve(n.get("token_file").asText())
                : null;
        return new HookConfig(URI.create(hub), token, url, branches, n.path("timeout_seconds").asInt(10));
    }

    private static SlipwayException invalid(String message) {
        return new SlipwayException(ErrorCode.CONFIG_INVALID, message);
    }
}
