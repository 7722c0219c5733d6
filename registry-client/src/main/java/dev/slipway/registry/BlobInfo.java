package dev.slipway.registry;

import dev.slipway.common.image.Digest;
import java.util.Objects;

/** A blob that exists in a repository, with its size as the registry reports it. */
public record BlobInfo(Digest digest, long size) {
    public BlobInfo {
        Objects.requireNonNull(digest, "digest");
    }
}
