package dev.slipway.registry;

import dev.slipway.common.image.Digest;
import java.util.Objects;

/** What a manifest HEAD tells: the digest a tag points to, the media type and the size in bytes. */
public record ManifestInfo(Digest digest, String mediaType, long size) {
    public ManifestInfo {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(mediaType, "mediaType");
    }
}
