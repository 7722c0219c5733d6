package dev.slipway.registry;

import dev.slipway.common.image.Digest;
import dev.slipway.registry.transport.RegistryEndpoint;
import dev.slipway.registry.transport.RegistryResponse;
import java.util.Optional;
import java.util.Set;

/** {@code HEAD /v2/<name>/blobs/<digest>} (end-2): whether the repository has the blob, and its size. */
final class BlobHeadEndpoint implements RegistryEndpoint<Optional<BlobInfo>> {
    private final String repository;
    private final Digest digest;

    BlobHeadEndpoint(String repository, Digest digest) {
        this.repository = repository;
        this.digest = digest;
    }

    @Override
    public String method() {
        return "HEAD";
    }

    @Override
    public String target() {
        return ApiPaths.blob(repository, digest);
    }

    @Override
    public Set<String> scopes() {
        return ApiPaths.pull(repository);
    }

    @Override
    public boolean accepts(int status) {
        return status == 200 || status == 404;
    }

    @Override
    public Optional<BlobInfo> handle(RegistryResponse response) {
        if (response.status() == 404) {
            return Optional.empty();
        }
        response.contentDigest().ifPresent(
                d -> ContentDigests.check(response.action(), digest, d, "the registry's digest"));
        return Optional.of(new BlobInfo(digest, response.contentLength().orElse(-1)));
    }
}
