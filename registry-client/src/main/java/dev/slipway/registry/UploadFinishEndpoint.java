package dev.slipway.registry;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.image.Digest;
import dev.slipway.registry.transport.RegistryEndpoint;
import dev.slipway.registry.transport.RegistryResponse;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.Set;

/**
 * {@code PUT <location>?digest=<digest>} (end-6): closes an upload, with the whole blob (monolithic) or empty
 * (after chunks); {@code &digest=} is appended when the Location already has a query. The registry verifies the
 * digest (400 {@code DIGEST_INVALID} otherwise) and we check the digest it confirms.
 */
final class UploadFinishEndpoint implements RegistryEndpoint<Digest> {
    private final String repository;
    private final String location;
    private final Digest digest;
    private final BlobSource body;

    /** {@code body} null closes a chunked upload. */
    UploadFinishEndpoint(String repository, String location, Digest digest, BlobSource body) {
        this.repository = repository;
        this.location = location;
        this.digest = digest;
        this.body = body;
    }

    @Override
    public String method() {
        return "PUT";
    }

    @Override
    public String target() {
        // A validated digest has only [a-z0-9:], all legal in a query: sent as is, like the spec's examples.
        return location + (location.contains("?") ? "&" : "?") + "digest=" + digest;
    }

    @Override
    public Set<String> scopes() {
        return ApiPaths.push(repository);
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Content-Type", "application/octet-stream");
    }

    @Override
    public HttpRequest.BodyPublisher body() {
        return body == null ? HttpRequest.BodyPublishers.noBody() : UploadBodies.of(body);
    }

    @Override
    public boolean accepts(int status) {
        return status == 201 || status == 204;
    }

    @Override
    public boolean retryable() {
        return false;
    }

    @Override
    public ErrorCode clientErrorCode() {
        return ErrorCode.REGISTRY_UPLOAD_FAILED;
    }

    @Override
    public Digest handle(RegistryResponse response) {
        response.contentDigest().ifPresent(
                confirmed -> ContentDigests.check(response.action(), digest, confirmed, "the registry's digest"));
        return digest;
    }
}
