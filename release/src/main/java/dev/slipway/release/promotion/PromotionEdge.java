package dev.slipway.release.promotion;

import dev.slipway.common.image.Digest;
import java.util.List;
import java.util.Objects;

/**
 * One promotion edge: copy {@code source/image@digest} to {@code destination/image} under {@code tags} (by digest
 * alone when there are none). {@code file} is the images.yaml that asks for it, {@code origin} its {@code file:line}.
 */
public record PromotionEdge(RegistryContext source, RegistryContext destination, String image, Digest digest,
        List<String> tags, String file, String origin) {
    public PromotionEdge {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(origin, "origin");
        tags = List.copyOf(tags);
    }

    public String sourceRepository() {
        return source.repository(image);
    }

    public String destinationRepository() {
        return destination.repository(image);
    }

    /** {@code host/repository@digest} in the source registry. */
    public String sourceReference() {
        return source.name() + "/" + image + "@" + digest;
    }

    /** {@code host/repository} in the destination registry. */
    public String destinationName() {
        return destination.name() + "/" + image;
    }

    @Override
    public String toString() {
        return sourceReference() + " -> " + destinationName() + (tags.isEmpty() ? "@" + digest : ":"
                + String.join(",", tags));
    }
}
