package dev.slipway.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.image.Digest;
import dev.slipway.registry.transport.RegistryEndpoint;
import dev.slipway.registry.transport.RegistryResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /v2/<name>/manifests/<reference>} (end-3): the exact bytes, hashed here and checked against both
 * {@code Docker-Content-Digest} and a requested digest ("clients SHOULD verify", spec §Pulling manifests).
 */
final class ManifestGetEndpoint implements RegistryEndpoint<Manifest> {
    /** Far above the 4 MB a registry must accept, low enough that a hostile answer cannot exhaust memory. */
    static final int MAX_MANIFEST = 32 * 1024 * 1024;

    private final String repository;
    private final String reference;
    private final ObjectMapper json;

    ManifestGetEndpoint(String repository, String reference, ObjectMapper json) {
        this.repository = repository;
        this.reference = ApiPaths.checkReference(repository, reference);
        this.json = json;
    }

    @Override
    public String method() {
        return "GET";
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
    public Manifest handle(RegistryResponse response) throws IOException {
        byte[] bytes = response.readBody(MAX_MANIFEST);
        Optional<Digest> requested = ApiPaths.isDigest(reference) ? Optional.of(Digest.parse(reference))
                : Optional.empty();
        String algorithm = requested.map(Digest::algorithm).orElse("sha256");
        Digest actual = ContentDigests.of(algorithm, bytes);
        requested.ifPresent(d -> ContentDigests.check(response.action(), d, actual, "the content's digest"));
        Optional<Digest> header = response.contentDigest();
        if (header.isPresent() && header.get().algorithm().equals(algorithm)) {
            ContentDigests.check(response.action(), header.get(), actual, "the content's digest");
        }
        return new Manifest(bytes, mediaType(response, bytes), actual);
    }

    /** The Content-Type when it is a manifest type, else the manifest's own {@code mediaType} field. */
    private String mediaType(RegistryResponse response, byte[] bytes) {
        String contentType = response.header("Content-Type").map(ManifestGetEndpoint::withoutParameters).orElse("");
        if (MediaTypes.MANIFESTS.contains(contentType)) {
            return contentType;
        }
        try {
            String field = json.readTree(bytes).path("mediaType").asText("");
            return field.isEmpty() ? contentType : field;
        } catch (IOException e) {
            return contentType;
        }
    }

    static String withoutParameters(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon >= 0 ? contentType.substring(0, semicolon) : contentType).strip();
    }
}
