package dev.slipway.hub.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the hub's YAML configuration file strictly: snake_case keys, unknown keys refused. */
public final class ConfigLoader {
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * Loads {@code file}; a relative data_dir, lookaside_dir, TLS file or hmac_secrets file is taken relative to the
     * file's directory.
     */
    public HubConfig load(Path file) {
        try {
            HubConfig raw = yaml.readValue(Files.readAllBytes(file), HubConfig.class);
            if (raw == null) {
                throw new SlipwayException(ErrorCode.CONFIG_INVALID, "Hub configuration " + file + " is empty");
            }
            Path base = file.toAbsolutePath().getParent();
            HubConfig.Listen listen = raw.listen().tls() == null ? raw.listen() : new HubConfig.Listen(
                    raw.listen().host(), raw.listen().port(), raw.listen().tls().resolvedAgainst(base));
            return new HubConfig(listen, base.resolve(raw.dataDir()), raw.database(), raw.allowedScms(),
                    raw.tasks(), raw.http(), raw.adminTokenSha256(),
                    raw.lookasideDir() == null ? null : base.resolve(raw.lookasideDir()), raw.console(),
                    resolved(base, raw.hmacSecrets()));
        } catch (JacksonException e) {
            throw new SlipwayException(ErrorCode.CONFIG_INVALID,
                    "Tried to read the hub configuration " + file + " but it is invalid: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.CONFIG_INVALID,
                    "Tried to read the hub configuration " + file + " but could not: " + e.getMessage(), e);
        }
    }

    private static Map<String, Path> resolved(Path base, Map<String, Path> files) {
        Map<String, Path> out = new LinkedHashMap<>();
        files.forEach((user, file) -> out.put(user, base.resolve(file)));
        return out;
    }
}
