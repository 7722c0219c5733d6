package dev.slipway.worker.registry;

import dev.slipway.common.image.Digest;
import dev.slipway.common.image.ImageReference;
import dev.slipway.release.sbom.Sbom;
import dev.slipway.worker.config.RegistryConfig;
import dev.slipway.worker.image.OciImage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port to the registries a build reads parents from and pushes to. */
public interface ImageRegistries {

    /** Resolves a reference to the manifest its registry serves, digest verified over the exact bytes. */
    Manifest resolve(ImageReference reference);

    /**
     * Pushes every blob the registry lacks, then the manifest under {@code tag}; returns the digest the registry
     * confirmed (its answer's {@code Docker-Content-Digest}, else a HEAD).
     *
     * @param mountFrom a repository in the same registry to mount missing blobs from (the parent's), or null
     */
    PushOutcome push(RegistryConfig registry, String repository, OciImage image, String tag, String mountFrom);

    /** Downloads a blob of the referenced repository to {@code target}, digest verified. */
    void fetchBlob(ImageReference repository, Digest digest, Path target);

    /** A small blob (an image config) in memory, digest verified. */
    byte[] blob(ImageReference repository, Digest digest);

    /**
     * Puts the image's exact manifest bytes under one more tag (blobs are already there); returns the digest the
     * registry confirmed, as {@link #push} does.
     */
    Digest tag(RegistryConfig registry, String repository, OciImage image, String tag);

    /** The digest the registry serves for a tag or digest, from a HEAD request. */
    Optional<Digest> head(RegistryConfig registry, String repository, String reference);

    /**
     * Uploads the SBOMs' blobs to the repository ahead of the image they describe: blobs only, no manifest, so
     * nothing claims any image yet.
     */
    void stageSboms(RegistryConfig registry, String repository, List<Sbom> sboms);

    /**
     * Attaches SBOMs staged with {@link #stageSboms} to the image just pushed as OCI referrers through the
     * tag-schema fallback ({@code sha256-<hex>}), since registries without the referrers API (distribution 2.8)
     * are the common case.
     */
    void attachSboms(RegistryConfig registry, String repository, OciImage image, List<Sbom> sboms, Instant created);

    /** The repository's tags (empty when the repository does not exist yet). */
    List<String> tags(RegistryConfig registry, String repository);

    /** A manifest as served: exact bytes, media type and digest. */
    record Manifest(byte[] bytes, String mediaType, Digest digest) {
        public Manifest {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    /** What a push did: the digest the registry confirmed and how much it had to upload. */
    record PushOutcome(Digest digest, long bytesUploaded, int blobsUploaded, int blobsSkipped) {
    }
}
