package dev.slipway.registry.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Credentials from a Docker CLI {@code config.json}: {@code auths.<key>.auth} (base64 {@code user:pass}) or
 * {@code username}/{@code password} fields; keys may be bare hosts or URLs such as
 * {@code https://index.docker.io/v1/}. Error messages never quote the file's content.
 */
public final class DockerConfigCredentials implements CredentialsSource {
    private static final Set<String> DOCKER_HUB = Set.of("docker.io", "index.docker.io", "registry-1.docker.io");
    private final Map<String, Credentials> byHost;

    private DockerConfigCredentials(Map<String, Credentials> byHost) {
        this.byHost = Map.copyOf(byHost);
    }

    /** Reads a config.json file. */
    public static DockerConfigCredentials load(Path file, ObjectMapper json) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), json, file.toString());
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.CREDENTIALS_INVALID, "Tried to read docker credentials from "
                    + file + " but could not: " + e.getClass().getSimpleName());
        }
    }

    /** Parses config.json text; {@code origin} names it in messages. */
    public static DockerConfigCredentials parse(String text, ObjectMapper json, String origin) {
        JsonNode auths;
        try {
            auths = json.readTree(text).path("auths");
        } catch (JsonProcessingException e) {
            // Jackson's message may quote the text around the error, which can be a secret: report the line only.
            throw new SlipwayException(ErrorCode.CREDENTIALS_INVALID, "Tried to read docker credentials from "
                    + origin + " but it is not valid JSON (line " + e.getLocation().getLineNr() + ")");
        }
        Map<String, Credentials> byHost = new HashMap<>();
        for (Map.Entry<String, JsonNode> entry : auths.properties()) {
            entryCredentials(entry.getValue(), origin, entry.getKey())
                    .ifPresent(c -> byHost.putIfAbsent(normalizeKey(entry.getKey()), c));
        }
        return new DockerConfigCredentials(byHost);
    }

    /** {@code $DOCKER_CONFIG/config.json}, else {@code ~/.docker/config.json}. */
    public static Path defaultLocation() {
        String dir = System.getenv("DOCKER_CONFIG");
        return dir != null && !dir.isBlank() ? Path.of(dir, "config.json")
                : Path.of(System.getProperty("user.home"), ".docker", "config.json");
    }

    @Override
    public Optional<Credentials> find(String registryHost) {
        String host = registryHost.toLowerCase(Locale.ROOT);
        Credentials direct = byHost.get(host);
        if (direct != null || !DOCKER_HUB.contains(host)) {
            return Optional.ofNullable(direct);
        }
        // Docker Hub is stored under any of its names, most often https://index.docker.io/v1/.
        return DOCKER_HUB.stream().map(byHost::get).filter(c -> c != null).findFirst();
    }

    /** The hosts this file has credentials for. */
    public Set<String> hosts() {
        return byHost.keySet();
    }

    /** {@code https://Host:443/v1/} and {@code Host} both become {@code host}; ports other than 443 stay. */
    static String normalizeKey(String key) {
        String host = key.strip().toLowerCase(Locale.ROOT);
        int scheme = host.indexOf("://");
        if (scheme >= 0) {
            host = host.substring(scheme + 3);
        }
        int slash = host.indexOf('/');
        if (slash >= 0) {
            host = host.substring(0, slash);
        }
        return host.endsWith(":443") && key.startsWith("https") ? host.substring(0, host.length() - 4) : host;
    }

    private static Optional<Credentials> entryCredentials(JsonNode entry, String origin, String key) {
        String auth = entry.path("auth").asText("");
        if (!auth.isEmpty()) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(auth.strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw invalid(origin, key, "its auth value is not base64");
            }
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                throw invalid(origin, key, "its auth value does not decode to user:password");
            }
            return Optional.of(new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
        }
        String user = entry.path("username").asText("");
        if (!user.isEmpty()) {
            return Optional.of(new Credentials(user, entry.path("password").asText("")));
        }
        return Optional.empty(); // e.g. an entry served by a credential helper, which we do not run
    }

    private static SlipwayException invalid(String origin, String key, String why) {
        return new SlipwayException(ErrorCode.CREDENTIALS_INVALID,
                "Tried to read docker credentials for " + key + " from " + origin + " but " + why);
    }
}
