package dev.slipway.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import dev.slipway.registry.transport.EndpointCaller;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A client for one registry host speaking the OCI distribution API: reads verify every digest, writes send exact
 * bytes and skip what exists. Each operation is a small endpoint object run by one {@link EndpointCaller}, which
 * owns authentication, retries and error mapping. Thread-safe; build it with {@link RegistryClientFactory}.
 *
 * @see <a href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md">OCI distribution spec</a>
 */
public final class RegistryClient {
    private static final int MAX_TAG_PAGES = 10_000;

    private final String host;
    private final EndpointCaller caller;
    private final RegistryClientConfig config;
    private final ObjectMapper json;
    private final BlobPusher blobs;

    RegistryClient(String host, EndpointCaller caller, RegistryClientConfig config, ObjectMapper json,
            BlobPusher blobs) {
        this.host = host;
        this.caller = caller;
        this.config = config;
        this.json = json;
        this.blobs = blobs;
    }

    /** The registry host ({@code host[:port]}) this client talks to. */
    public String host() {
        return host;
    }

    /** {@code GET /v2/}: fails unless the registry speaks the v2 API and accepts our credentials. */
    public String checkApiVersion() {
        return caller.call(new ApiVersionEndpoint());
    }

    /** The digest, media type and size a tag or digest points to, or empty when the registry has no such one. */
    public Optional<ManifestInfo> headManifest(String repository, String reference) {
        return caller.call(new ManifestHeadEndpoint(repository, reference));
    }

    /** The manifest's exact bytes, with a digest verified against the registry's header and a requested digest. */
    public Manifest getManifest(String repository, String reference) {
        return caller.call(new ManifestGetEndpoint(repository, reference, json));
    }

    /** Whether the repository has the blob, and its size. */
    public Optional<BlobInfo> headBlob(String repository, Digest digest) {
        return caller.call(new BlobHeadEndpoint(repository, digest));
    }

    /**
     * Streams a blob into {@code sink} and verifies its digest afterwards; on {@code REGISTRY_DIGEST_MISMATCH}
     * the sink holds unverified bytes the caller must discard. Not retried once bytes flowed.
     */
    public long fetchBlob(String repository, Digest digest, OutputStream sink) {
        Objects.requireNonNull(sink, "sink");
        return caller.call(new BlobGetEndpoint(repository, digest, () -> new KeepOpen(sink), false));
    }

    /** Downloads a blob to {@code target}, which only appears once the digest is verified. */
    public long fetchBlob(String repository, Digest digest, Path target) {
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            long size = caller.call(new BlobGetEndpoint(repository, digest, () -> Files.newOutputStream(partial),
                    true));
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return size;
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.REGISTRY_LOCAL_IO,
                    "Tried to store blob " + digest + " at " + target + " but could not: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // best effort: a leftover .partial file is harmless
            }
        }
    }

    /** All tags, following {@code Link} pagination, sorted (registry 2.8 neither sorts nor paginates). */
    public List<String> listTags(String repository) {
        TreeSet<String> tags = new TreeSet<>();
        Optional<String> next = Optional.of(ApiPaths.tags(repository));
        for (int page = 0; next.isPresent(); page++) {
            if (page == MAX_TAG_PAGES) {
                throw new SlipwayException(ErrorCode.REGISTRY_PROTOCOL, "Tried to list the tags of " + host + "/"
                        + repository + " but the registry kept sending more than " + MAX_TAG_PAGES + " pages");
            }
            TagsEndpoint.Page result = caller.call(new TagsEndpoint(repository, next.get(), json));
            tags.addAll(result.tags());
            next = result.next();
        }
        return List.copyOf(tags);
    }

    /** Pushes one blob unless the repository has it (monolithic, or chunked when the config says so). */
    public BlobPushResult pushBlob(String repository, BlobSource blob) {
        return blobs.push(repository, blob, null, config.chunkSize());
    }

    /** Pushes one blob in PATCH chunks of {@code chunkSize} bytes, in order, following each new Location. */
    public BlobPushResult pushBlobChunked(String repository, BlobSource blob, int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be positive");
        }
        return blobs.push(repository, blob, null, chunkSize);
    }

    /** Mounts a blob from another repository of this registry, uploading it when the registry cannot mount. */
    public BlobPushResult mountBlob(String repository, String fromRepository, BlobSource blob) {
        return blobs.push(repository, blob, Objects.requireNonNull(fromRepository, "fromRepository"),
                config.chunkSize());
    }

    /**
     * Pushes a manifest's exact bytes under a tag or its digest with {@code Content-Type: mediaType}, and returns
     * the digest the registry confirmed: its answer's {@code Docker-Content-Digest}, or, when the answer names
     * none, what a HEAD of the reference then serves. Anything but the digest of the bytes fails.
     */
    public Digest pushManifest(String repository, String reference, byte[] manifest, String mediaType) {
        byte[] bytes = manifest.clone();
        if (ApiPaths.isDigest(reference)) {
            Digest wanted = Digest.parse(reference);
            Digest actual = Digest.sha256(bytes);
            ContentDigests.check("push manifest " + host + "/" + repository + "@" + wanted, wanted, actual,
                    "the digest of its bytes");
        }
        ManifestPutEndpoint put = new ManifestPutEndpoint(repository, reference, bytes, mediaType);
        if (caller.call(put).isPresent()) {
            return put.digest();
        }
        String where = host + "/" + repository + ":" + reference;
        Digest served = headManifest(repository, reference).map(ManifestInfo::digest).orElseThrow(
                () -> new SlipwayException(ErrorCode.REGISTRY_NOT_FOUND, "Pushed " + where
                        + " but the registry does not serve it"));
        ContentDigests.check("push manifest " + where, put.digest(), served, "the digest the registry serves");
        return served;
    }

    /**
     * Pushes an image: its blobs (config and layers; in parallel, skipping those present), then the manifest under
     * {@code tag}, or by digest when {@code tag} is null.
     */
    public ImagePushResult pushImage(String repository, String tag, byte[] manifest, String mediaType,
            List<BlobSource> blobSources) {
        return pushImage(repository, tag, manifest, mediaType, blobSources, null);
    }

    /** As {@link #pushImage(String, String, byte[], String, List)}, mounting missing blobs from another repository. */
    public ImagePushResult pushImage(String repository, String tag, byte[] manifest, String mediaType,
            List<BlobSource> blobSources, String mountFrom) {
        byte[] bytes = manifest.clone();
        String reference = tag != null ? tag : Digest.sha256(bytes).toString();
        ApiPaths.checkReference(repository, reference);
        return new ImagePusher(config.uploadConcurrency()).push(List.copyOf(blobSources),
                blob -> blobs.push(repository, blob, mountFrom, config.chunkSize()),
                () -> pushManifest(repository, reference, bytes, mediaType));
    }

    /**
     * Pushes blobs (in parallel, skipping those present) without any manifest: nothing refers to them until a
     * manifest naming them is pushed, so they can go ahead of it (e.g. an SBOM's, while its image is still being
     * pushed); the registry refuses a manifest whose blobs are missing.
     */
    public List<BlobPushResult> pushBlobs(String repository, List<BlobSource> blobSources) {
        return new ImagePusher(config.uploadConcurrency()).pushBlobs(List.copyOf(blobSources),
                blob -> blobs.push(repository, blob, null, config.chunkSize()));
    }

    @Override
    public String toString() {
        return "RegistryClient[" + caller.baseUri() + "]";
    }

    /** Leaves the caller's stream open: whoever opened it closes it. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
