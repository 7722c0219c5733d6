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
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The hook's configuration (YAML): the hub, the token it submits with, the anonymous clone URL builds fetch from
 * ({@code {repo}} is the repository's name), the branches that build, each to its target (null: the default
 * {@code <branch>-container-candidate}), the spool directory, the optional HMAC secret, and how long a push may
 * wait for the hub ({@code submit_deadline_ms}) and a flush for each request ({@code timeout_seconds}).
 */
public record HookConfig(URI hub, Path tokenFile, String anonymousUrl, Map<String, String> branches,
        int timeoutSeconds, Path spoolDir, Path hmacSecretFile, int submitDeadlineMs) {
    /** Where requests wait when {@code spool_dir} is not set. */
    public static final Path DEFAULT_SPOOL = Path.of("/var/spool/slipway-hook");
    private static final Set<String> KEYS = Set.of("hub", "token_file", "anonymous_url", "branches",
            "timeout_seconds", "spool_dir", "hmac_secret_file", "submit_deadline_ms");

    public HookConfig {
        branches = Collections.unmodifiableMap(new LinkedHashMap<>(branches));
        spoolDir = spoolDir == null ? DEFAULT_SPOOL : spoolDir;
        if (submitDeadlineMs < 0 || submitDeadlineMs > 950) {
            // A push must come back well under a second even when the hub hangs.
            throw invalid("submit_deadline_ms must be between 0 and 950, not " + submitDeadlineMs);
        }
        if (timeoutSeconds < 1) {
            throw invalid("timeout_seconds must be at least 1");
        }
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

    /** Where a task's record is: its API URL and its console page. */
    public String taskUrls(long taskId) {
        return hub.resolve("/api/v1/tasks/" + taskId) + " (console: " + hub.resolve("/console/tasks/" + taskId) + ")";
    }

    /** How long the hook itself waits for the hub before saying "queued, will be submitted". */
    public Duration submitDeadline() {
        return Duration.ofMillis(submitDeadlineMs);
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
        Path base = file.toAbsolutePath().getParent();
        return new HookConfig(URI.create(hub), path(base, n, "token_file"), url, branches,
                n.path("timeout_seconds").asInt(10), path(base, n, "spool_dir"), path(base, n, "hmac_secret_file"),
                n.path("submit_deadline_ms").asInt(800));
    }

    /** A path setting, relative to the configuration file's directory; null when absent. */
    private static Path path(Path base, JsonNode n, String key) {
        return n.hasNonNull(key) ? base.resolve(n.get(key).asText()) : null;
    }

    private static SlipwayException invalid(String message) {
        return new SlipwayException(ErrorCode.CONFIG_INVALID, message);
    }
}
