package dev.slipway.release.sbom;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import dev.slipway.registry.BlobSource;
import dev.slipway.registry.Manifest;
import dev.slipway.registry.ManifestInfo;
import dev.slipway.registry.MediaTypes;
import dev.slipway.registry.RegistryClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Attaches artifacts (SBOMs) to an image in a registry as OCI 1.1 referrers. Registries without the referrers API
 * (distribution 2.8) need the client to keep the {@code sha256-<hex>} fallback tag itself: push the artifact
 * manifest by digest, then read the index under that tag (empty when absent), append, and push it back.
 *
 * <p>Registry 2.8 has no conditional PUT, so two writers updating one subject's index at the same moment could
 * lose an entry; attach from one place per image (the build that made it).
 *
 * @see <a href="https://github.com/opencontainers/distribution-spec/blob/v1.1.0/spec.md#pushing-manifests-with-subject">
 *     Pushing Manifests with Subject</a>
 */
public final class ReferrerAttacher {
    private final RegistryClient registry;
    private final ObjectMapper json;

    public ReferrerAttacher(RegistryClient registry, ObjectMapper json) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.json = Objects.requireNonNull(json, "json");
    }

    /**
     * Attaches each SBOM to the image {@code repository@subject} and returns their referrer descriptors. The
     * artifact manifests carry {@code created} as their only timestamp, so attaching the same SBOMs again changes
     * nothing in the registry.
     */
    public List<Referrer> attachSboms(String repository, Digest subject, List<Sbom> sboms, Instant created) {
        List<Referrer> out = new ArrayList<>();
        for (Sbom sbom : sboms) {
            out.add(attach(repository, subject, sbom.format().mediaType(), sbom.bytes(), sbom.format().fileName(),
                    Map.of("org.opencontainers.image.created", SbomJson.utcSeconds(created))));
        }
        return out;
    }

    /**
     * Uploads the SBOMs' blobs (each SBOM and the empty config) to {@code repository} without any manifest. No
     * manifest names them yet, so they claim no image and may go ahead of the image push; {@link #attachStaged}
     * then only pushes the small manifests. Blobs of an image that never arrives are left for the registry's
     * garbage collection, unreferenced.
     */
    public void stageSboms(String repository, List<Sbom> sboms) {
        List<BlobSource> blobs = new ArrayList<>();
        blobs.add(BlobSource.ofBytes(ArtifactManifest.EMPTY_CONFIG));
        sboms.forEach(s -> blobs.add(BlobSource.ofBytes(s.bytes())));
        registry.pushBlobs(repository, blobs);
    }

    /**
     * Attaches SBOMs whose blobs {@link #stageSboms} already uploaded to the image {@code subject} (described by
     * the caller, who just pushed it, so no HEAD): their artifact manifests, then the fallback index once for all of
     * them. Call it only once the image is in the registry: the index is what claims the image. A missing blob
     * fails the manifest push ({@code MANIFEST_BLOB_UNKNOWN}), never a dangling referrer.
     */
    public List<Referrer> attachStaged(String repository, ManifestInfo subject, List<Sbom> sboms, Instant created) {
        Map<String, String> annotations = Map.of("org.opencontainers.image.created", SbomJson.utcSeconds(created));
        List<Referrer> out = new ArrayList<>();
        for (Sbom sbom : sboms) {
            String type = sbom.format().mediaType();
            byte[] manifest = ArtifactManifest.build(json, type, sbom.bytes(), sbom.format().fileName(), subject,
                    annotations);
            Digest pushed = registry.pushManifest(repository, Digest.sha256(manifest).toString(), manifest,
                    MediaTypes.OCI_MANIFEST);
            out.add(new Referrer(pushed, manifest.length, MediaTypes.OCI_MANIFEST, type, annotations));
        }
        String tag = ReferrersIndex.fallbackTag(subject.digest());
        ReferrersIndex index = read(repository, tag);
        boolean changed = false;
        for (Referrer referrer : out) {
            changed |= index.add(referrer);
        }
        if (changed) {
            registry.pushManifest(repository, tag, index.bytes(), MediaTypes.OCI_INDEX);
        }
        return out;
    }

    /** Attaches one artifact ({@code content} of type {@code artifactType}) to {@code repository@subject}. */
    public Referrer attach(String repository, Digest subject, String artifactType, byte[] content, String fileName,
            Map<String, String> annotations) {
        ManifestInfo image = registry.headManifest(repository, subject.toString())
                .orElseThrow(() -> new SlipwayException(ErrorCode.REGISTRY_NOT_FOUND, "Tried to attach "
                        + artifactType + " to " + where(repository, subject) + " but the registry has no such image"));
        byte[] manifest = ArtifactManifest.build(json, artifactType, content, fileName, image, annotations);
        Digest pushed = registry.pushImage(repository, null, manifest, MediaTypes.OCI_MANIFEST,
                List.of(BlobSource.ofBytes(ArtifactManifest.EMPTY_CONFIG), BlobSource.ofBytes(content))).manifestDigest();
        Referrer referrer = new Referrer(pushed, manifest.length, MediaTypes.OCI_MANIFEST, artifactType, annotations);
        String tag = ReferrersIndex.fallbackTag(subject);
        ReferrersIndex index = read(repository, tag);
        if (index.add(referrer)) {
            registry.pushManifest(repository, tag, index.bytes(), MediaTypes.OCI_INDEX);
        }
        return referrer;
    }

    /** The fallback index under {@code tag}, empty when the registry has none: one GET, a 404 meaning none. */
    private ReferrersIndex read(String repository, String tag) {
        Manifest current;
        try {
            current = registry.getManifest(repository, tag);
        } catch (SlipwayException e) {
            if (e.code() == ErrorCode.REGISTRY_NOT_FOUND) {
                return ReferrersIndex.empty(json);
            }
            throw e;
        }
        return ReferrersIndex.parse(json, current.bytes(), current.mediaType(),
                registry.host() + "/" + repository + ":" + tag);
    }

    private String where(String repository, Digest subject) {
        return registry.host() + "/" + repository + "@" + subject;
    }
}
