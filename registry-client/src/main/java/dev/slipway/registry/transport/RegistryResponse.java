package dev.slipway.registry.transport;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.Optional;
import java.util.OptionalLong;

/** An accepted registry response as an endpoint sees it: status, headers and the (streamed) body. */
public final class RegistryResponse {
    private final String action;
    private final URI uri;
    private final int status;
    private final HttpHeaders headers;
    private final InputStream body;

    public RegistryResponse(String action, URI uri, int status, HttpHeaders headers, InputStream body) {
        this.action = action;
        this.uri = uri;
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    /** What was tried, e.g. {@code GET 127.0.0.1:5000/v2/app/manifests/1.0}, for messages. */
    public String action() {
        return action;
    }

    /** The URI the response came from (after redirects), to resolve relative Location headers against. */
    public URI uri() {
        return uri;
    }

    public int status() {
        return status;
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    public HttpHeaders headers() {
        return headers;
    }

    public InputStream body() {
        return body;
    }

    /** Reads the whole body, refusing more than {@code limit} bytes (a registry must not make us buffer blobs). */
    public byte[] readBody(int limit) throws IOException {
        byte[] bytes = body.readNBytes(limit + 1);
        if (bytes.length > limit) {
            throw new SlipwayException(ErrorCode.REGISTRY_PROTOCOL,
                    "Tried to " + action + " but the registry sent more than " + limit + " bytes");
        }
        return bytes;
    }

    public OptionalLong contentLength() {
        return headers.firstValueAsLong("Content-Length");
    }

    /** The {@code Docker-Content-Digest} header, parsed; a malformed one is a protocol violation. */
    public Optional<Digest> contentDigest() {
        Optional<String> value = header("Docker-Content-Digest");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Digest.parse(value.get().strip()));
        } catch (SlipwayException e) {
            throw new SlipwayException(ErrorCode.REGISTRY_PROTOCOL,
                    "Tried to " + action + " but the registry sent a malformed Docker-Content-Digest", e);
        }
    }

    /** The {@code Location} header resolved against the request URI; required on upload answers. */
    public String requireLocation() {
        String location = header("Location").orElseThrow(() -> new SlipwayException(ErrorCode.REGISTRY_PROTOCOL,
                "Tried to " + action + " but the registry answered " + status + " without a Location header"));
        return uri.resolve(location).toString();
    }
}
