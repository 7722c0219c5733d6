package dev.slipway.registry.transport;

import dev.slipway.common.error.ErrorCode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.Set;

/**
 * One registry operation (one HTTP exchange of the distribution API), handed to {@link EndpointCaller}, which owns
 * authentication, retries, rate limiting and error mapping.
 *
 * @param <T> what the operation returns
 * @see <a href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#endpoints">OCI endpoints</a>
 */
public interface RegistryEndpoint<T> {

    /** The HTTP method, e.g. {@code HEAD}. */
    String method();

    /** A path starting with {@code /v2/}, or a URL the registry handed out (upload Location, Link). */
    String target();

    /** Token scopes the operation needs, e.g. {@code repository:app:pull}. */
    Set<String> scopes();

    /** Request headers besides authorization. */
    default Map<String, String> headers() {
        return Map.of();
    }

    /** A fresh body for each attempt (the caller may send the request more than once). */
    default HttpRequest.BodyPublisher body() {
        return HttpRequest.BodyPublishers.noBody();
    }

    /** Whether {@link #handle} deals with this status; others are failures the caller maps. */
    default boolean accepts(int status) {
        return status >= 200 && status < 300;
    }

    /**
     * Whether the caller may repeat the exchange after a server error or a broken connection. Upload steps say
     * no: the registry changes the upload URL on every step, so their retry restarts the whole upload.
     */
    default boolean retryable() {
        return true;
    }

    /** The code for a 4xx the caller cannot classify more precisely (400, 405, 413, 416...). */
    default ErrorCode clientErrorCode() {
        return ErrorCode.REGISTRY_PROTOCOL;
    }

    /** Turns an accepted response into the result; the caller closes the body afterwards. */
    T handle(RegistryResponse response) throws IOException;
}
