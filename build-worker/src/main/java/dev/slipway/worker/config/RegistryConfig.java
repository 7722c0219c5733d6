package dev.slipway.worker.config;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.net.URI;

/**
 * One registry builds are pushed to. Credentials come from here or from a docker {@code config.json}.
 *
 * @param uri {@code http://host:port} or {@code https://host}; http only for loopback or explicitly insecure
 * @param namespace an optional organisation the image name is enclosed in (OSBS's registries_organization)
 */
public record RegistryConfig(URI uri, String namespace, String username, String password, String dockerConfig) {
    public RegistryConfig {
        if (uri == null || uri.getHost() == null) {
            throw new SlipwayException(ErrorCode.CONFIG_INVALID,
                    "Registry URI '" + uri + "' must be http(s)://host[:port]");
        }
    }

    /** A registry given only by URI (as on the command line). */
    public static RegistryConfig of(URI uri) {
        return new RegistryConfig(uri, null, null, null, null);
    }

    /** {@code host[:port]}, the registry part of image references. */
    public String hostAndPort() {
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    @Override
    public String toString() {
        // Never print credentials.
        return "RegistryConfig[" + uri + (namespace == null ? "" : ", namespace=" + namespace) + "]";
    }
}
