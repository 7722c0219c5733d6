package dev.slipway.registry;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.image.Digest;
import dev.slipway.registry.transport.RegistryEndpoint;
import dev.slipway.registry.transport.RegistryResponse;
import java.net.http.HttpRequest;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /v2/<name>/blobs/uploads/}: opens an upload session (end-4a), tries a cross-repository mount
 * (end-11, {@code ?mount=&from=}) or a single-POST upload (end-4b, {@code ?digest=} with the body). 201 means
 * done; 202 hands out a {@code Location} to continue at, which is also how a registry declines a mount.
 */
final class UploadStartEndpoint implements RegistryEndpoint<UploadStartEndpoint.Started> {

    /** The answer: done (201) or an upload URL to continue with (202). */
    record Started(boolean completed, Optional<String> location, Optional<Digest> digest) {
    }

    private final String repository;
    private final String query;
    private final Set<String> scopes;
    private final BlobSource body;

    private UploadStartEndpoint(String repository, String query, Set<String> scopes, BlobSource body) {
        this.repository = repository;
        this.query = query;
        this.scopes = Set.copyOf(scopes);
        this.body = body;
    }

    /** An empty POST that opens a session. */
    static UploadStartEndpoint open(String repository) {
        return new UploadStartEndpoint(repository, "", ApiPaths.push(repository), null);
    }

    /** A mount of {@code digest} from {@code fromRepository}; token auth must grant pull on the source. */
    static UploadStartEndpoint mount(String repository, Digest digest, String fromRepository) {
        // Validated names and digests use only characters legal in a query, so they go in unencoded.
        ApiPaths.tags(fromRepository);
        Set<String> scopes = new HashSet<>(ApiPaths.push(repository));
        scopes.addAll(ApiPaths.pull(fromRepository));
        return new UploadStartEndpoint(repository,
                "?mount=" + digest + "&from=" + fromRepository, scopes, null);
    }

    /** The whole blob in the POST; registry 2.8 ignores the body and answers 202. */
    static UploadStartEndpoint singlePost(String repository, BlobSource blob) {
        return new UploadStartEndpoint(repository, "?digest=" + blob.digest(),
                ApiPaths.push(repository), blob);
    }

    @Override
    public String method() {
        return "POST";
    }

    @Override
    public String target() {
        return ApiPaths.uploads(repository) + query;
    }

    @Override
    public Set<String> scopes() {
        return scopes;
    }

    @Override
    public Map<String, String> headers() {
        return body == null ? Map.of() : Map.of("Content-Type", "application/octet-stream");
    }

    @Override
    public HttpRequest.BodyPublisher body() {
        return body == null ? HttpRequest.BodyPublishers.noBody() : UploadBodies.of(body);
    }

    @Override
    public boolean accepts(int status) {
        return status == 201 || status == 202;
    }

    @Override
    public boolean retryable() {
        return body == null; // a failed single POST is restarted by the blob pusher
    }

    @Override
    public ErrorCode clientErrorCode() {
        return ErrorCode.REGISTRY_UPLOAD_FAILED;
    }

    @Override
    public Started handle(RegistryResponse response) {
        if (response.status() == 201) {
            return new Started(true, Optional.empty(), response.contentDigest());
        }
        return new Started(false, Optional.of(response.requireLocation()), Optional.empty());
    }
}
