package dev.slipway.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.image.Digest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Copies an image by digest between repositories, as crane.Copy does: the manifest's exact bytes are kept, so the
 * digest in the destination equals the source's. Blobs are mounted inside one registry and streamed across
 * registries; an index is copied with every child manifest (and their blobs) pushed by digest before the index,
 * so the registry never holds an index pointing at missing children. Children already present are skipped.
 *
 * @see <a href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#push">OCI push</a>
 */
public final class ImageCopier {
    private final ObjectMapper json;

    public ImageCopier(ObjectMapper json) {
        this.json = Objects.requireNonNull(json, "json");
    }

    /**
     * Copies {@code source/sourceRepository@digest} to {@code destination/destinationRepository} under every tag
     * of {@code tags}, or by digest alone when {@code tags} is empty.
     */
    public ImageCopyResult copy(RegistryClient source, String sourceRepository, Digest digest,
            RegistryClient destination, String destinationRepository, List<String> tags) {
        Copy copy = new Copy(source, sourceRepository, destination, destinationRepository);
        copy.manifest(digest, List.copyOf(tags));
        return new ImageCopyResult(digest, copy.manifests, copy.blobs);
    }

    /** One copy's state: both ends and what was written so far. */
    private final class Copy {
        private final RegistryClient source;
        private final String sourceRepository;
        private final RegistryClient destination;
        private final String destinationRepository;
        private final String mountFrom;
        private final List<BlobPushResult> blobs = new ArrayList<>();
        private int manifests;

        Copy(RegistryClient source, String sourceRepository, RegistryClient destination,
                String destinationRepository) {
            this.source = source;
            this.sourceRepository = sourceRepository;
            this.destination = destination;
            this.destinationRepository = destinationRepository;
            // A mount only works inside one registry; across registries the blobs are streamed.
            this.mountFrom = source.host().equals(destination.host()) ? sourceRepository : null;
        }

        void manifest(Digest digest, List<String> tags) {
            Manifest manifest = source.getManifest(sourceRepository, digest.toString());
            Descriptors content = Descriptors.of(manifest,
                    source.host() + "/" + sourceRepository + "@" + digest, json);
            for (Descriptors.Descriptor child : content.manifests()) {
                if (destination.headManifest(destinationRepository, child.digest().toString()).isEmpty()) {
                    manifest(child.digest(), List.of());
                }
            }
            List<BlobSource> sources = content.blobs().stream()
                    .map(d -> BlobSource.fromRegistry(source, sourceRepository, d.digest(), d.size()))
                    .toList();
            String first = tags.isEmpty() ? digest.toString() : tags.get(0);
            ImagePushResult pushed = destination.pushImage(destinationRepository, first, manifest.bytes(),
                    manifest.mediaType(), sources, mountFrom);
            blobs.addAll(pushed.blobs());
            manifests++;
            for (String tag : tags.subList(Math.min(1, tags.size()), tags.size())) {
                destination.pushManifest(destinationRepository, tag, manifest.bytes(), manifest.mediaType());
                manifests++;
            }
        }
    }
}
