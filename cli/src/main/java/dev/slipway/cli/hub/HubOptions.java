package dev.slipway.cli.hub;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.hub.HubClient;
import dev.slipway.common.json.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where the hub is and who the caller is, for every hub verb. Each value comes from the first of: the flag
 * ({@code --hub}, {@code --token-file}), the environment ({@code $SLIPWAY_HUB}; {@code $SLIPWAY_TOKEN} holding the
 * token itself, or {@code $SLIPWAY_TOKEN_FILE}), the config file ({@code hub}, {@code token_file}; see
 * {@link ClientConfig}). No token at all means anonymous calls, which may still read.
 */
public final class HubOptions {
    @Option(names = "--hub", paramLabel = "URL",
            description = "The hub's URL (default: $SLIPWAY_HUB, else 'hub' in the config file)")
    String hub;

    @Option(names = "--token-file", paramLabel = "FILE", description = "File holding your token (default: "
            + "$SLIPWAY_TOKEN, $SLIPWAY_TOKEN_FILE, else 'token_file' in the config file)")
    Path tokenFile;

    /** Resolved settings: where the hub is and the token, with what each came from. */
    public record Resolved(URI hub, String token, String hubFrom, String tokenFrom) {
        @Override
        public String toString() {
            return "Resolved[hub=" + hub + " (" + hubFrom + "), token from " + tokenFrom + "]";
        }
    }

    /** The settings these flags, this environment and its config file give. */
    public Resolved resolve(Map<String, String> env) {
        return resolve(hub, tokenFile, env);
    }

    /** The settings these flag values (null: not given), this environment and its config file give. */
    public static Resolved resolve(String hub, Path tokenFile, Map<String, String> env) {
        ClientConfig file = ClientConfig.load(env);
        String url;
        String hubFrom;
        if (hub != null) {
            url = hub;
            hubFrom = "--hub";
        } else if (env.get("SLIPWAY_HUB") != null) {
            url = env.get("SLIPWAY_HUB");
            hubFrom = "$SLIPWAY_HUB";
        } else if (file.hub() != null) {
            url = file.hub();
            hubFrom = file.source().toString();
        } else {
            throw new SlipwayException(ErrorCode.CLIENT_CONFIG_INVALID, "No hub given: use --hub URL, $SLIPWAY_HUB "
                    + "or 'hub:' in " + ClientConfig.location(env));
        }
        URI uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
            throw new SlipwayException(ErrorCode.CLIENT_CONFIG_INVALID, "Hub URL '" + url + "' (from " + hubFrom
                    + ") must be http(s)://host[:port]");
        }
        if (tokenFile != null) {
            return new Resolved(uri, read(tokenFile), hubFrom, "--token-file");
        }
        if (env.get("SLIPWAY_TOKEN") != null) {
            return new Resolved(uri, env.get("SLIPWAY_TOKEN").strip(), hubFrom, "$SLIPWAY_TOKEN");
        }
        if (env.get("SLIPWAY_TOKEN_FILE") != null) {
            return new Resolved(uri, read(Path.of(env.get("SLIPWAY_TOKEN_FILE"))), hubFrom, "$SLIPWAY_TOKEN_FILE");
        }
        if (file.tokenFile() != null) {
            return new Resolved(uri, read(file.tokenFile()), hubFrom, file.source().toString());
        }
        return new Resolved(uri, null, hubFrom, "nowhere (anonymous)");
    }

    /** The API client for these options; the environment is passed in so tests can set it. */
    public HubClient api(Map<String, String> env) {
        Resolved r = resolve(env);
        return new HubClient(r.hub(), r.token(), Json.mapper());
    }

    public HubClient api() {
        return api(System.getenv());
    }

    private static String read(Path path) {
        try {
            return Files.readString(path).strip();
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.CLIENT_CONFIG_INVALID, "Tried to read the token from " + path + ": "
                    + e.getMessage(), e);
        }
    }
}
