package dev.slipway.registry;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import dev.slipway.registry.transport.RegistryEndpoint;
import dev.slipway.registry.transport.RegistryResponse;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code HEAD /v2/<name>/manifests/<reference>} (end-3): which digest a tag points to, or nothing on 404. */
final class ManifestHeadEndpoint implements RegistryEndpoint<Optional<ManifestInfo>> {
    private final String repository;
    private final String reference;

    ManifestHeadEndpoint(String repository, String reference) {
        this.repository = repository;
        this.reference = ApiPaths.checkReference(repository, reference);
    }

    @Override
    public String method() {
        return "HEAD";
    }

    @Override
    public String target() {
        return ApiPaths.manifest(repository, reference);
    }

    @Override
    public Set<String> scopes() {
        return ApiPaths.pull(repository);
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Accept", MediaTypes.MANIFEST_ACCEPT);
    }

    @Override
    public boolean accepts(int status) {
        return status == 200 || status == 404;
    }

    @Override
    public Optional<ManifestInfo> handle(RegistryResponse response) {
        if (response.status() == 404) {
            return Optional.empty();
        }
        Digest digest = response.contentDigest().orElseThrow(() -> new SlipwayException(ErrorCode.REGISTRY_PROTOCOL,
                "Tried to " + response.action() + " but the registry sent no Docker-Content-Digest"));
        if (ApiPaths.isDigest(reference)) {
            ContentDigests.check(response.action(), Digest.parse(reference), digest, "the registry's digest");
        }
        String mediaType = response.header("Content-Type").map(ManifestGetEndpoint::withoutParameters).orElse("");
        return Optional.of(new ManifestInfo(digest, mediaType, response.contentLength().orElse(-1)));
    }
}
