package dev.slipway.hub.http;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.hub.config.HubConfig;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** The hub's server socket options: where it listens and, when configured, HTTPS with the PEM certificate and key. */
final class Listener {
    private Listener() {
    }

    static HttpServerOptions options(HubConfig.Listen listen) {
        HttpServerOptions options = new HttpServerOptions().setHost(listen.host()).setPort(listen.port())
                .setCompressionSupported(false);
        if (listen.tls() == null) {
            return options;
        }
        // The files are read here, once per verticle, so an unreadable one fails the start with its name.
        return options.setSsl(true)
                .setKeyCertOptions(new PemKeyCertOptions()
                        .setCertValue(read(listen.tls().certificate(), "certificate"))
                        .setKeyValue(read(listen.tls().key(), "key")))
                .setEnabledSecureTransportProtocols(Set.of("TLSv1.2", "TLSv1.3"));
    }

    private static Buffer read(Path file, String what) {
        try {
            return Buffer.buffer(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.CONFIG_INVALID, "Tried to read the hub's TLS " + what + " from "
                    + file + " but could not: " + e.getMessage(), e);
        }
    }
}
