package dev.slipway.registry;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.registry.transport.ContentRange;
import dev.slipway.registry.transport.RegistryEndpoint;
import dev.slipway.registry.transport.RegistryResponse;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.Set;

/**
 * {@code PATCH <location>} (end-5): one chunk with {@code Content-Range}. Registry 2.8 ignores Content-Range, so
 * chunks go strictly in order, the answered {@code Range} must end where this chunk ends, and the next chunk goes
 * to the new {@code Location} (the old one carries a stale {@code _state} and answers 404).
 */
final class UploadChunkEndpoint implements RegistryEndpoint<String> {
    private final String repository;
    private final String location;
    private final byte[] chunk;
    private final int length;
    private final ContentRange range;

    UploadChunkEndpoint(String repository, String location, byte[] chunk, int length, long offset) {
        this.repository = repository;
        this.location = location;
        this.chunk = chunk;
        this.length = length;
        this.range = ContentRange.ofChunk(offset, length);
    }

    @Override
    public String method() {
        return "PATCH";
    }

    @Override
    public String target() {
        return location;
    }

    @Override
    public Set<String> scopes() {
        return ApiPaths.push(repository);
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Content-Type", "application/octet-stream", "Content-Range", range.toString());
    }

    @Override
    public HttpRequest.BodyPublisher body() {
        return HttpRequest.BodyPublishers.ofByteArray(chunk, 0, length);
    }

    @Override
    public boolean accepts(int status) {
        return status == 202;
    }

    @Override
    public boolean retryable() {
        return false;
    }

    @Override
    public ErrorCode clientErrorCode() {
        return ErrorCode.REGISTRY_UPLOAD_FAILED;
    }

    /** Returns the Location for the next step. */
    @Override
    public String handle(RegistryResponse response) {
        response.header("Range").map(ContentRange::parse).ifPresent(stored -> {
            if (stored.end() != range.end()) {
                throw new SlipwayException(ErrorCode.REGISTRY_UPLOAD_FAILED, "Tried to " + response.action()
                        + " with bytes " + range + " but the registry holds bytes " + stored);
            }
        });
        return response.requireLocation();
    }
}
