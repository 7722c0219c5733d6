package dev.slipway.worker.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a worker YAML config strictly: unknown keys are errors, so a typo never silently falls back to a default.
 * See deploy/worker.example.yaml for every key.
 */
public final class ConfigLoader {
    private static final Set<String> TOP = Set.of("allowed_scms", "site", "registries", "engine", "work_dir",
            "publishing", "daemon", "registry_client");
    private static final Set<String> DAEMON = Set.of("hub", "token_file", "channels", "capacity", "mirror",
            "status_listen");
    private static final Set<String> PUBLISHING = Set.of("require_signed_tags", "trusted_keyring", "distro_id",
            "distro_version", "attestation_key");
    private static final Set<String> SITE = Set.of("vendor", "url_format", "authoritative_source_url",
            "distribution_scope", "bug_tracker_url", "support_disclaimer", "licenses");
    private static final Set<String> REGISTRY = Set.of("uri", "namespace", "username", "password", "docker_config");
    private static final Set<String> ENGINE = Set.of("host", "connect_timeout_seconds", "response_timeout_seconds");
    private static final Set<String> REGISTRY_CLIENT = Set.of("connect_timeout_seconds", "request_timeout_seconds",
            "attempts", "initial_backoff_ms", "max_backoff_ms");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public WorkerConfig load(Path file) {
        JsonNode root;
        try {
            root = yaml.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.CONFIG_INVALID, "Tried to read config " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new SlipwayException(ErrorCode.CONFIG_INVALID, "Config " + file + " must be a YAML mapping");
        }
        checkKeys(root, TOP, "top level");
        WorkerConfig defaults = WorkerConfig.defaults();
        List<String> scms = new ArrayList<>();
        list(root, "allowed_scms").forEach(n -> scms.add(n.asText()));
        return new WorkerConfig(scms, site(root.path("site"), defaults.site()), registries(list(root, "registries")),
                engine(root.path("engine"), defaults.engine()), text(root, "work_dir", defaults.workDirectory()),
                publishing(root.path("publishing"), defaults.publishing()), daemon(root.path("daemon")),
                registryClient(root.path("registry_client")));
    }

    private static RegistryClientSettings registryClient(JsonNode n) {
        RegistryClientSettings d = RegistryClientSettings.defaults();
        if (n.isMissingNode()) {
            return d;
        }
        checkKeys(n, REGISTRY_CLIENT, "registry_client");
        JsonNode attempts = n.get("attempts");
        if (attempts != null && !attempts.isIntegralNumber()) {
            throw new SlipwayException(ErrorCode.CONFIG_INVALID, "Config key registry_client.attempts must be a"
                    + " whole number");
        }
        return new RegistryClientSettings(seconds(n, "connect_timeout_seconds", d.connectTimeout()),
                seconds(n, "request_timeout_seconds", d.requestTimeout()),
                attempts == null ? d.attempts() : attempts.asInt(),
                millis(n, "initial_backoff_ms", d.initialBackoff()), millis(n, "max_backoff_ms", d.maxBackoff()));
    }

    private static Duration millis(JsonNode n, String key, Duration fallback) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isIntegralNumber() || v.asLong() < 0) {
            throw new SlipwayException(ErrorCode.CONFIG_INVALID, "Config key registry_client." + key + " is '"
                    + v.asText() + "'; expected a whole number of milliseconds");
        }
        return Duration.ofMillis(v.asLong());
    }

    private static DaemonConfig daemon(JsonNode n) {
        DaemonConfig d = DaemonConfig.defaults();
        if (n.isMissingNode()) {
            return d;
        }
        checkKeys(n, DAEMON, "daemon");
        List<String> channels = new ArrayList<>();
        list(n, "channels").forEach(c -> channels.add(c.asText()));
        JsonNode capacity = n.get("capacity");
        if (capacity != null && !capacity.isNumber()) {
            throw new SlipwayException(ErrorCode.CONFIG_INVALID, "Config key daemon.capacity must be a number");
        }
        return new DaemonConfig(text(n, "hub", d.hub()), text(n, "token_file", d.tokenFile()),
                channels.isEmpty() ? d.channels() : channels, capacity == null ? d.capacity() : capacity.asDouble(),
                text(n, "mirror", d.mirror()), text(n, "status_listen", d.statusListen()));
    }

    private static SiteConfig site(JsonNode n, SiteConfig d) {
        if (n.isMissingNode()) {
            return d;
        }
        checkKeys(n, SITE, "site");
        return new SiteConfig(text(n, "vendor", d.vendor()), text(n, "url_format", d.urlFormat()),
                text(n, "authoritative_source_url", d.authoritativeSourceUrl()),
                text(n, "distribution_scope", d.distributionScope()), text(n, "bug_tracker_url", d.bugTrackerUrl()),
                text(n, "support_disclaimer", d.supportDisclaimer()), text(n, "licenses", d.defaultLicenses()));
    }

    private static List<RegistryConfig> registries(JsonNode n) {
        List<RegistryConfig> out = new ArrayList<>();
        for (JsonNode r : n) {
            checkKeys(r, REGISTRY, "registries[]");
            out.add(new RegistryConfig(uri(text(r, "uri", "")), text(r, "namespace", null),
                    text(r, "username", null), text(r, "password", null), text(r, "docker_config", null)));
        }
        return out;
    }

    private static EngineConfig engine(JsonNode n, EngineConfig d) {
        if (n.isMissingNode()) {
            return d;
        }
        checkKeys(n, ENGINE, "engine");
        return new EngineConfig(text(n, "host", d.host()), seconds(n, "connect_timeout_seconds", d.connectTimeout()),
                seconds(n, "response_timeout_seconds", d.responseTimeout()));
    }

    /** A list-valued key; a scalar or mapping there is a mistake, not an empty list. */
    private static JsonNode list(JsonNode root, String key) {
        JsonNode n = root.path(key);
        if (!n.isMissingNode() && !n.isNull() && !n.isArray()) {
            throw new SlipwayException(ErrorCode.CONFIG_INVALID, "Config key '" + key + "' must be a list");
        }
        return n;
    }

    private static Duration seconds(JsonNode n, String key, Duration fallback) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isIntegralNumber() || v.asLong() <= 0) {
            throw new SlipwayException(ErrorCode.CONFIG_INVALID, "Config key engine." + key + " is '" + v.asText()
                    + "'; expected a whole number of seconds above 0");
        }
        return Duration.ofSeconds(v.asLong());
    }

    private static URI uri(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new SlipwayException(ErrorCode.CONFIG_INVALID, "Registry URI '" + text + "' is not a valid URL: "
                    + e.getReason());
        }
    }

    private static PublishingConfig publishing(JsonNode n, PublishingConfig d) {
        if (n.isMissingNode()) {
            return d;
        }
        checkKeys(n, PUBLISHING, "publishing");
        return new PublishingConfig(n.path("require_signed_tags").asBoolean(d.requireSignedTags()),
                text(n, "trusted_keyring", d.trustedKeyring()), text(n, "distro_id", d.distroId()),
                text(n, "distro_version", d.distroVersion()), text(n, "attestation_key", d.attestationKey()));
    }

    private static String text(JsonNode n, String key, String fallback) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? fallback : v.asText();
    }

    private static void checkKeys(JsonNode node, Set<String> allowed, String where) {
        if (!node.isObject()) {
            throw new SlipwayException(ErrorCode.CONFIG_INVALID, "Config " + where + " must be a mapping");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw new SlipwayException(ErrorCode.CONFIG_INVALID,
                        "Unknown config key '" + key + "' at " + where + "; allowed: " + allowed);
            }
        }
    }
}
