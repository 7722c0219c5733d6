package dev.slipway.release.signing;

import dev.slipway.common.image.Digest;
import dev.slipway.common.image.ImageReference;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What to sign: the production identity (registry, repository and tag), the manifest digest, when it was
 * published (recorded as the simple signature's timestamp) and cosign annotations.
 */
public record SigningRequest(ImageReference identity, Digest digest, Instant publishedAt,
        Map<String, String> annotations) {
    public SigningRequest {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(publishedAt, "publishedAt");
        annotations = Map.copyOf(annotations);
    }
}
