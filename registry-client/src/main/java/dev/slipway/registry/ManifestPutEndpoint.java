package dev.slipway.registry;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.image.Digest;
import dev.slipway.registry.transport.RegistryEndpoint;
import dev.slipway.registry.transport.RegistryResponse;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code PUT /v2/<name>/manifests/<reference>} (end-7): the exact bytes with {@code Content-Type} equal to the
 * manifest's media type; the registry's {@code Docker-Content-Digest} must equal the digest of those bytes. The
 * result is that confirmed digest, or empty when the registry's answer names none.
 */
final class ManifestPutEndpoint implements RegistryEndpoint<Optional<Digest>> {
    private final String repository;
    private final String reference;
    private final byte[] bytes;
    private final String mediaType;
    private final Digest digest;

    /** {@code bytes} is not copied: the caller hands over a private copy. */
    ManifestPutEndpoint(String repository, String reference, byte[] bytes, String mediaType) {
        this.repository = repository;
        this.reference = ApiPaths.checkReference(repository, reference);
        this.bytes = bytes;
        this.mediaType = mediaType;
        this.digest = Digest.sha256(bytes);
    }

    /** The digest of the bytes being pushed. */
    Digest digest() {
        return digest;
    }

    @Override
    public String method() {
        return "PUT";
    }

    @Override
    public String target() {
        return ApiPaths.manifest(repository, reference);
    }

    @Override
    public Set<String> scopes() {
        return ApiPaths.push(repository);
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Content-Type", mediaType);
    }

    @Override
    public HttpRequest.BodyPublisher body() {
        return HttpRequest.BodyPublishers.ofByteArray(bytes);
    }

    @Override
    public ErrorCode clientErrorCode() {
        return ErrorCode.REGISTRY_UPLOAD_FAILED;
    }

    @Override
    public Optional<Digest> handle(RegistryResponse response) {
        Optional<Digest> confirmed = response.contentDigest();
        confirmed.ifPresent(d -> ContentDigests.check(response.action(), digest, d, "the registry's digest"));
        return confirmed;
    }
}
